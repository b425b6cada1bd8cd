package dev.discard.discord.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.WsFrame;

/**
 * Takes the dispatches a caller records somewhere other than the session's own sink (a channel's log, say). Called on
 * the socket's reader thread, in the order the frames came, once per dispatch: a dispatch the session received before
 * (a resumed session's replay) never reaches it twice. Must be quick and must not throw.
 */
@FunctionalInterface
public interface DispatchSink {
    /** What became of a dispatch. */
    enum Outcome {
        /** The sink recorded it. */
        RECORDED,
        /** Left out of the record on purpose (not about what the run follows); counted per event name. */
        LEFT_OUT,
        /** Not the sink's: the session's sink records it. */
        NOT_TAKEN
    }

    /** Takes nothing: every dispatch goes to the session's sink. */
    DispatchSink NONE = (frame, event, d) -> Outcome.NOT_TAKEN;

    /**
     * @param frame the received frame, its text exactly as sent
     * @param event the dispatch's {@code t}, e.g. {@code MESSAGE_CREATE}
     * @param d the dispatch's {@code d} as parsed; must not be modified
     */
    Outcome dispatch(WsFrame frame, String event, JsonNode d);
}

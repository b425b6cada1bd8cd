package dev.discard.discord.gateway;

import dev.discard.discord.ExchangeSink;
import dev.discard.discord.WsFrame;
import dev.discard.discord.WsFrame.Direction;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hands every frame of a session to the {@link ExchangeSink} with its exact text, except dispatches of the noisy
 * events the run did not ask for, which are only counted per event name, and dispatches the {@link DispatchSink}
 * takes. A dispatch whose sequence number its session saw already (a replay after RESUME) is counted, not recorded
 * again. Safe to call from several threads.
 */
final class FrameRecorder {
    private final ExchangeSink sink;
    private final Clock clock;
    private final Set<String> unrecordedEvents;
    private final DispatchSink dispatches;
    private final LongAdder replays = new LongAdder();
    private final AtomicLong recorded = new AtomicLong();
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();

    FrameRecorder(ExchangeSink sink, Clock clock, Set<String> unrecordedEvents, DispatchSink dispatches) {
        this.sink = sink;
        this.clock = clock;
        this.unrecordedEvents = Set.copyOf(unrecordedEvents);
        this.dispatches = dispatches;
    }

    Instant now() {
        return clock.instant();
    }

    /** Records a frame that was sent, as the exact string sent. */
    void sent(Instant time, String text) {
        record(new WsFrame(time, Direction.SEND, text));
    }

    /**
     * Records a received frame, unless it is a dispatch of an unrecorded event (counted instead), a replay of one
     * recorded before (counted too), or taken by the dispatch sink.
     *
     * @param session the sequence numbers of the session the frame's connection belongs to
     */
    void received(Instant time, String text, GatewayPayload payload, SequenceMark session) {
        String event = payload.t();
        if (payload.op() != GatewayOpcode.DISPATCH.code() || event == null) {
            record(new WsFrame(time, Direction.RECV, text));
            return;
        }
        Long s = payload.s();
        if (s != null && !session.advance(s)) {
            replays.increment();
            return;
        }
        if (unrecordedEvents.contains(event)) {
            dropped.computeIfAbsent(event, t -> new LongAdder()).increment();
            return;
        }
        WsFrame frame = new WsFrame(time, Direction.RECV, text);
        switch (dispatches.dispatch(frame, event, payload.d())) {
            case RECORDED -> recorded.incrementAndGet();
            case LEFT_OUT -> dropped.computeIfAbsent(event, t -> new LongAdder()).increment();
            case NOT_TAKEN -> record(frame);
        }
    }

    /** Dispatches received again after a RESUME and not recorded twice. */
    long replaysSkipped() {
        return replays.sum();
    }

    private void record(WsFrame frame) {
        sink.ws(frame);
        recorded.incrementAndGet();
    }

    long framesRecorded() {
        return recorded.get();
    }

    /** Frames left out so far, per event name, sorted by name. */
    Map<String, Long> droppedEvents() {
        Map<String, Long> counts = new TreeMap<>();
        dropped.forEach((event, count) -> counts.put(event, count.sum()));
        return Collections.unmodifiableMap(counts);
    }
}

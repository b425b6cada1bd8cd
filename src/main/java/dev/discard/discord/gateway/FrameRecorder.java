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
 * events the run did not ask for, which are only counted per event name. Safe to call from several threads.
 */
final class FrameRecorder {
    private final ExchangeSink sink;
    private final Clock clock;
    private final Set<String> unrecordedEvents;
    private final AtomicLong recorded = new AtomicLong();
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();

    FrameRecorder(ExchangeSink sink, Clock clock, Set<String> unrecordedEvents) {
        this.sink = sink;
        this.clock = clock;
        this.unrecordedEvents = Set.copyOf(unrecordedEvents);
    }

    Instant now() {
        return clock.instant();
    }

    /** Records a frame that was sent, as the exact string sent. */
    void sent(Instant time, String text) {
        record(new WsFrame(time, Direction.SEND, text));
    }

    /** Records a received frame, unless it is a dispatch of an unrecorded event: that one is counted instead. */
    void received(Instant time, String text, GatewayPayload payload) {
        if (payload.op() == GatewayOpcode.DISPATCH.code() && payload.t() != null
                && unrecordedEvents.contains(payload.t())) {
            dropped.computeIfAbsent(payload.t(), t -> new LongAdder()).increment();
            return;
        }
        record(new WsFrame(time, Direction.RECV, text));
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

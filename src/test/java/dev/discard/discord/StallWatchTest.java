package dev.discard.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The watch on a clock and a scheduler moved by hand: each {@link #tick} is one scheduled check, one period later. */
class StallWatchTest {
    private long now = 1_000_000_000L;
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();
    private final AtomicInteger cancels = new AtomicInteger();

    private StallWatch watch(long limitMillis) {
        return new StallWatch(limitMillis, () -> now, (task, delayNanos) -> {
            scheduled.add(task);
            delays.add(delayNanos);
        });
    }

    /** Runs the one pending check after its delay. */
    private void tick() {
        assertEquals(1, scheduled.size(), "one check pending");
        now += delays.remove(0);
        scheduled.remove(0).run();
    }

    @Test
    void anAttemptThatReceivesNothingForTheLimitIsCancelledAsStalled() {
        StallWatch watch = watch(1_000);
        StallWatch.Attempt attempt = watch.watch(cancels::incrementAndGet);
        assertEquals(List.of(TimeUnit.MILLISECONDS.toNanos(250)), delays, "a quarter of the limit");
        for (int i = 0; i < 3; i++) tick();
        assertEquals(0, cancels.get(), "750 ms of silence is under the limit");
        assertFalse(attempt.stalled());
        tick();
        assertEquals(1, cancels.get());
        assertTrue(attempt.stalled());
        assertTrue(scheduled.isEmpty(), "nothing left to watch, so no further check");
        assertEquals("timeout (no data for 1000 ms)", attempt.timeout().getMessage());
    }

    @Test
    void bytesArrivingRestartTheLimitAndAClosedAttemptIsLeftAlone() {
        StallWatch watch = watch(1_000);
        StallWatch.Attempt attempt = watch.watch(cancels::incrementAndGet);
        for (int i = 0; i < 40; i++) { // ten seconds, with a few bytes every 750 ms
            if (i % 3 == 0) attempt.received(8_192);
            tick();
        }
        assertEquals(0, cancels.get());
        attempt.close();
        tick();
        assertTrue(scheduled.isEmpty());
        for (int i = 0; i < 3; i++) { // and it starts again with the next attempt
            StallWatch.Attempt next = watch.watch(cancels::incrementAndGet);
            assertEquals(1, scheduled.size());
            next.close();
            tick();
        }
        assertEquals(0, cancels.get());
    }

    @Test
    void eachAttemptIsTimedOnItsOwn() {
        StallWatch watch = watch(400);
        StallWatch.Attempt busy = watch.watch(() -> {});
        tick();
        tick();
        AtomicInteger quietCancels = new AtomicInteger();
        StallWatch.Attempt quiet = watch.watch(quietCancels::incrementAndGet);
        for (int i = 0; i < 4; i++) {
            busy.received(1);
            tick();
        }
        assertFalse(busy.stalled());
        assertTrue(quiet.stalled());
        assertEquals(1, quietCancels.get());
    }

    @Test
    void aLimitOfZeroNeverWatches() {
        StallWatch watch = watch(0);
        StallWatch.Attempt attempt = watch.watch(cancels::incrementAndGet);
        assertTrue(scheduled.isEmpty(), "no check is ever scheduled");
        now += TimeUnit.HOURS.toNanos(1);
        watch.check();
        assertFalse(attempt.stalled());
        assertEquals(0, cancels.get());
    }

    @Test
    void longLimitsAreCheckedEverySecondAndShortOnesNotBusily() {
        watch(10_000).watch(() -> {});
        watch(1).watch(() -> {});
        assertEquals(List.of(TimeUnit.SECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(10)), delays);
    }
}

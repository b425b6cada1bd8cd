package dev.discard.discord.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeartbeaterTest {
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** Records beats and misses; acknowledges every beat at once when {@code acks}. */
    private Heartbeater heartbeater(long intervalMillis, double jitter, boolean acks) {
        Heartbeater[] self = new Heartbeater[1];
        self[0] = new Heartbeater(scheduler, intervalMillis, jitter, new Heartbeater.Target() {
            @Override
            public void sendHeartbeat() {
                events.add("beat");
                if (acks) self[0].acknowledged();
            }

            @Override
            public void missedAck() {
                events.add("missed");
            }
        });
        return self[0];
    }

    private String next() throws InterruptedException {
        return events.poll(5, TimeUnit.SECONDS);
    }

    @Test
    void firstHeartbeatIsDueAfterIntervalTimesJitter() throws Exception {
        Heartbeater heartbeater = heartbeater(400, 0.5, true);
        assertEquals(200, heartbeater.firstDelayMillis());

        long start = System.nanoTime();
        heartbeater.start();

        assertEquals("beat", next());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 200);
    }

    @Test
    void zeroJitterBeatsAtOnce() throws Exception {
        heartbeater(60_000, 0, true).start();

        assertEquals("beat", events.poll(2, TimeUnit.SECONDS));
    }

    @Test
    void acknowledgedHeartbeatsGoOnEveryInterval() throws Exception {
        heartbeater(20, 0, true).start();

        for (int i = 0; i < 3; i++) assertEquals("beat", next());
    }

    @Test
    void anUnacknowledgedHeartbeatIsReportedWhenTheNextIsDueAndBeatingStops() throws Exception {
        heartbeater(20, 0, false).start();

        assertEquals("beat", next());
        assertEquals("missed", next());
        assertNull(events.poll(100, TimeUnit.MILLISECONDS));
    }

    @Test
    void stoppedHeartbeaterSendsNothing() throws Exception {
        Heartbeater heartbeater = heartbeater(50, 0.5, true);
        heartbeater.start();

        heartbeater.stop();

        assertNull(events.poll(100, TimeUnit.MILLISECONDS));
    }

    @Test
    void rejectsAnIntervalOrJitterOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> heartbeater(0, 0.5, true));
        assertThrows(IllegalArgumentException.class, () -> heartbeater(100, 1.0, true));
    }
}

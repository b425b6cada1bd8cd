package dev.discard.discord.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.discard.testing.VirtualTimeScheduler;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeartbeaterTest {
    private final VirtualTimeScheduler scheduler = new VirtualTimeScheduler();
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

    /** Moves time on by {@code millis}, after which every task due has run. */
    private void advance(long millis) throws InterruptedException {
        scheduler.advance(Duration.ofMillis(millis));
    }

    /** Runs what the scheduler's thread was asked to run now. */
    private void flush() throws InterruptedException {
        scheduler.flush();
    }

    @Test
    void firstHeartbeatIsDueAfterIntervalTimesJitter() throws Exception {
        Heartbeater heartbeater = heartbeater(400, 0.5, true);
        assertEquals(200, heartbeater.firstDelayMillis());

        heartbeater.start();
        advance(199);
        assertNull(events.poll(), "no heartbeat before 200 ms");

        advance(1);
        assertEquals("beat", events.poll());
    }

    @Test
    void zeroJitterBeatsAtOnce() throws Exception {
        heartbeater(60_000, 0, true).start();
        flush();

        assertEquals("beat", events.poll());
    }

    @Test
    void acknowledgedHeartbeatsGoOnEveryInterval() throws Exception {
        heartbeater(20, 0, true).start();
        flush();
        assertEquals("beat", events.poll());

        for (int i = 0; i < 3; i++) {
            advance(19);
            assertNull(events.poll(), "no heartbeat before the interval");
            advance(1);
            assertEquals("beat", events.poll());
        }
    }

    @Test
    void anUnacknowledgedHeartbeatIsReportedWhenTheNextIsDueAndBeatingStops() throws Exception {
        heartbeater(20, 0, false).start();
        flush();
        assertEquals("beat", events.poll());

        advance(20);
        assertEquals("missed", events.poll());
        advance(100);
        assertNull(events.poll(), "no heartbeat after the missed acknowledgement");
    }

    @Test
    void stoppedHeartbeaterSendsNothing() throws Exception {
        Heartbeater heartbeater = heartbeater(50, 0.5, true);
        heartbeater.start();

        heartbeater.stop();

        advance(200);
        assertNull(events.poll());
    }

    @Test
    void rejectsAnIntervalOrJitterOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> heartbeater(0, 0.5, true));
        assertThrows(IllegalArgumentException.class, () -> heartbeater(100, 1.0, true));
    }
}

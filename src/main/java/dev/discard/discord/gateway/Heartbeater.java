package dev.discard.discord.gateway;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one connection alive: the first heartbeat {@code heartbeat_interval × jitter} after HELLO, then one every
 * interval. A heartbeat still unacknowledged when the next one is due means a zombie connection: the heartbeater stops
 * and reports it. Runs on the session's single thread; every method must be called there.
 *
 * @see <a href="https://discord.com/developers/docs/events/gateway#sending-heartbeats">Sending Heartbeats</a>
 */
final class Heartbeater {
    /** What the heartbeater drives. */
    interface Target {
        void sendHeartbeat();

        /** The last heartbeat was not acknowledged before the next one was due. */
        void missedAck();
    }

    private final ScheduledExecutorService scheduler;
    private final long intervalMillis;
    private final long firstDelayMillis;
    private final Target target;
    /** Null until started. */
    private ScheduledFuture<?> task;
    private boolean awaitingAck;
    private boolean stopped;

    /**
     * @param intervalMillis HELLO's {@code heartbeat_interval}
     * @param jitter a random value in [0, 1)
     */
    Heartbeater(ScheduledExecutorService scheduler, long intervalMillis, double jitter, Target target) {
        if (intervalMillis <= 0) throw new IllegalArgumentException("expected heartbeat_interval > 0 but was "
                + intervalMillis);
        if (!(jitter >= 0 && jitter < 1)) throw new IllegalArgumentException("expected jitter in [0, 1) but was "
                + jitter);
        this.scheduler = scheduler;
        this.intervalMillis = intervalMillis;
        this.firstDelayMillis = (long) (intervalMillis * jitter);
        this.target = target;
    }

    long firstDelayMillis() {
        return firstDelayMillis;
    }

    void start() {
        task = scheduler.scheduleAtFixedRate(this::beat, firstDelayMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** A HEARTBEAT_ACK arrived. */
    void acknowledged() {
        awaitingAck = false;
    }

    void stop() {
        stopped = true;
        if (task != null) task.cancel(false);
    }

    private void beat() {
        if (awaitingAck) {
            // A late tick may run before an ACK that already arrived: decide after the tasks queued before it.
            scheduler.execute(this::beatUnlessZombie);
        } else {
            beatUnlessZombie();
        }
    }

    private void beatUnlessZombie() {
        if (stopped) return;
        if (awaitingAck) {
            stop();
            target.missedAck();
            return;
        }
        awaitingAck = true;
        target.sendHeartbeat();
    }
}

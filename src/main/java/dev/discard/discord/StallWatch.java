package dev.discard.discord;

import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The read timeout of {@link DiscordRest}'s requests, kept without OkHttp's: OkHttp times every read of a body with
 * Okio's watchdog thread, which wakes at each 8 KB read when it watches only one socket: some 40,000 context switches
 * and half a second of CPU in a million-message run (docs/performance.md). Here the reading thread only counts what
 * arrived, and one shared thread looks every quarter of the limit (at most every second) and cancels an attempt that
 * has received nothing for the limit: from its start while it waits for the answer's headers (as OkHttp's read
 * timeout covers them too), then from the last bytes of its body. It works alike on HTTP/1.1 and HTTP/2, where a
 * socket timeout would not.
 *
 * <p>The check runs only while attempts are in flight: the last check that finds none stops, the next attempt starts
 * them again.
 */
final class StallWatch {
    /** Runs a task once after a delay; the shared daemon thread in production, by hand in tests. */
    @FunctionalInterface
    interface Scheduler {
        void schedule(Runnable task, long delayNanos);
    }

    private static final long MAX_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long MIN_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final long limitNanos;
    private final long periodNanos;
    private final LongSupplier nanoTime;
    private final Scheduler scheduler;
    private final Set<Attempt> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean checking = new AtomicBoolean();

    /** A watch that cancels attempts silent for {@code limitMillis}; 0 never cancels, as OkHttp's 0 means. */
    StallWatch(long limitMillis) {
        this(limitMillis, System::nanoTime, SharedThread::schedule);
    }

    StallWatch(long limitMillis, LongSupplier nanoTime, Scheduler scheduler) {
        if (limitMillis < 0) throw new IllegalArgumentException("negative limit: " + limitMillis);
        this.limitNanos = TimeUnit.MILLISECONDS.toNanos(limitMillis);
        this.periodNanos = Math.max(MIN_PERIOD_NANOS, Math.min(limitNanos / 4, MAX_PERIOD_NANOS));
        this.nanoTime = nanoTime;
        this.scheduler = scheduler;
    }

    /** The limit in milliseconds; 0 for none. */
    long limitMillis() {
        return TimeUnit.NANOSECONDS.toMillis(limitNanos);
    }

    /**
     * Watches one attempt from now until it is closed.
     *
     * @param cancel stops the attempt (its call's {@code cancel}); called from the watch's thread
     */
    Attempt watch(Runnable cancel) {
        Attempt attempt = new Attempt(cancel, nanoTime.getAsLong());
        if (limitNanos == 0) return attempt;
        inFlight.add(attempt);
        if (checking.compareAndSet(false, true)) scheduler.schedule(this::check, periodNanos);
        return attempt;
    }

    /** One round: cancels the attempts silent for the limit, then comes again if any attempt is left. */
    void check() {
        try {
            long now = nanoTime.getAsLong();
            for (Attempt attempt : inFlight) {
                long received = attempt.received;
                if (received != attempt.receivedAtLastLook) {
                    attempt.receivedAtLastLook = received;
                    attempt.lastProgress = now;
                } else if (now - attempt.lastProgress >= limitNanos) {
                    inFlight.remove(attempt);
                    attempt.stalled = true;
                    attempt.cancel.run();
                }
            }
        } finally {
            // Stop first, then look: an attempt added meanwhile either sees the stop and schedules, or is seen here.
            checking.set(false);
            if (!inFlight.isEmpty() && checking.compareAndSet(false, true)) {
                scheduler.schedule(this::check, periodNanos);
            }
        }
    }

    /** One watched attempt; its reading thread reports the body's bytes, and closes it when the body is read. */
    final class Attempt implements AutoCloseable {
        private final Runnable cancel;
        private volatile long received;
        private volatile boolean stalled;
        // Only the checking thread touches these two.
        private long receivedAtLastLook;
        private long lastProgress;

        private Attempt(Runnable cancel, long start) {
            this.cancel = cancel;
            this.lastProgress = start;
        }

        /** Counts {@code bytes} more of the body: a field write, the whole per-read cost. Only the reading thread. */
        void received(long bytes) {
            received += bytes;
        }

        /** Whether the watch cancelled the attempt because nothing arrived for the limit. */
        boolean stalled() {
            return stalled;
        }

        /** What the attempt failed with, in the words of OkHttp's own read timeout. */
        SocketTimeoutException timeout() {
            return new SocketTimeoutException("timeout (no data for " + limitMillis() + " ms)");
        }

        @Override
        public void close() {
            inFlight.remove(this);
        }
    }

    /**
     * The one thread every watch shares, started by the first attempt watched and ended after a minute without one;
     * a daemon, so it never holds the JVM.
     */
    private static final class SharedThread {
        private static final ScheduledThreadPoolExecutor EXECUTOR = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "discard-stall-watch");
            thread.setDaemon(true);
            return thread;
        });

        static {
            EXECUTOR.setKeepAliveTime(1, TimeUnit.MINUTES);
            EXECUTOR.allowCoreThreadTimeOut(true);
        }

        static void schedule(Runnable task, long delayNanos) {
            EXECUTOR.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        }
    }
}

package dev.discard.testing;

import dev.discard.discord.ConnectionConfig;
import dev.discard.discord.Sleeper;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Monotonic time that moves only when someone waits: a {@link Sleeper} that returns at once and moves the time it
 * shares with its {@link #nanoTime}, so rate limits and retries count the waits they asked for without sitting
 * through them. Each wait is also told to {@code onWait} (the fake's idle connections time out in it).
 */
public final class VirtualTime implements Sleeper, LongSupplier {
    private final AtomicLong now = new AtomicLong();
    private final AtomicLong waited = new AtomicLong();
    private final LongConsumer onWait;

    public VirtualTime(LongConsumer onWait) {
        this.onWait = onWait;
    }

    @Override
    public void sleep(long nanos) throws InterruptedException {
        if (Thread.interrupted()) throw new InterruptedException("interrupted before a wait of " + nanos + " ns");
        if (nanos <= 0) return;
        now.addAndGet(nanos);
        waited.addAndGet(nanos);
        onWait.accept(nanos);
    }

    @Override
    public long getAsLong() {
        return now.get();
    }

    /** Every wait asked for so far, in nanoseconds. */
    public long waitedNanos() {
        return waited.get();
    }

    /** {@code connection} waiting in this time. */
    public ConnectionConfig on(ConnectionConfig connection) {
        return connection.withTime(this, this);
    }
}

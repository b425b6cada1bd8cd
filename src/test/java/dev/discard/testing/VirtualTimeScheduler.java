package dev.discard.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single-thread scheduler whose timers wait for time the test moves by hand: what is due now ({@code execute},
 * {@code submit}, a delay of 0) runs on its thread at once; a delayed task waits until {@link #advance} reaches its
 * due time, then runs on the same thread, one at a time in due order. Periodic tasks come back every period of
 * virtual time. {@link #advanceWhenAsked} lets a test assert how long the code meant to wait without sitting through
 * it.
 */
public final class VirtualTimeScheduler extends ScheduledThreadPoolExecutor {
    private static final long WAIT_SECONDS = 10;

    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            Comparator.comparingLong((Timer t) -> t.due).thenComparingLong(t -> t.order));
    private final List<Long> delaysMillis = new ArrayList<>();
    private long nowNanos;
    private long order;

    public VirtualTimeScheduler() {
        super(1);
    }

    public VirtualTimeScheduler(ThreadFactory threads) {
        super(1, threads);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        if (delay <= 0) return super.schedule(task, delay, unit);
        return later(task, unit.toNanos(delay), 0);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> task, long delay, TimeUnit unit) {
        if (delay <= 0) return super.schedule(task, delay, unit);
        throw new UnsupportedOperationException("a delayed Callable: not needed so far");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
        if (period <= 0) throw new IllegalArgumentException("period must be > 0");
        if (initialDelay <= 0) {
            execute(task);
            return later(task, unit.toNanos(period), unit.toNanos(period));
        }
        return later(task, unit.toNanos(initialDelay), unit.toNanos(period));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
        return scheduleAtFixedRate(task, initialDelay, delay, unit);
    }

    /** Moves time on by {@code step}, running every task due on the way, and what they queued, to the end. */
    public void advance(Duration step) throws InterruptedException {
        long target;
        synchronized (this) {
            target = nowNanos + step.toNanos();
        }
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.peek();
                if (next == null || next.due > target) {
                    nowNanos = target;
                    break;
                }
                timers.poll();
                nowNanos = next.due;
            }
            run(next);
        }
        flush();
    }

    /**
     * Waits (ten seconds at most, a timeout) until a task asks to wait {@code delay}, then moves time on by it: the
     * task runs, with whatever was due before it.
     */
    public void advanceWhenAsked(Duration delay) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        long wanted = delay.toNanos();
        synchronized (this) {
            while (timers.stream().noneMatch(t -> t.asked == wanted && !t.cancelled)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no task asked to wait " + delay.toMillis() + " ms within "
                            + WAIT_SECONDS + " s; asked so far (ms): " + delaysMillis);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        advance(delay);
    }

    /** Waits until every task queued to run now has run. */
    public void flush() throws InterruptedException {
        if (isShutdown()) return;
        try {
            submit(() -> {}).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the scheduler's thread did not get to the end of its queue", e);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shut down meanwhile: nothing more runs
        }
    }

    private void run(Timer timer) throws InterruptedException {
        if (timer.cancelled || isShutdown()) return;
        try {
            super.schedule(timer.task, 0, TimeUnit.NANOSECONDS).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // The task's own failure: what a real scheduler would keep in its future.
        } catch (TimeoutException e) {
            throw new AssertionError("a due task did not finish", e);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return;
        }
        synchronized (this) {
            if (timer.period > 0 && !timer.cancelled) {
                timer.due += timer.period;
                timers.add(timer);
            }
        }
    }

    private synchronized Timer later(Runnable task, long delayNanos, long periodNanos) {
        Timer timer = new Timer(task, delayNanos, nowNanos + delayNanos, periodNanos, order++);
        delaysMillis.add(TimeUnit.NANOSECONDS.toMillis(delayNanos));
        timers.add(timer);
        notifyAll();
        return timer;
    }

    /** A task waiting for virtual time. */
    private final class Timer implements ScheduledFuture<Object> {
        final Runnable task;
        /** The delay asked for, in nanoseconds. */
        final long asked;
        final long period;
        final long order;
        long due;
        volatile boolean cancelled;

        Timer(Runnable task, long asked, long due, long period, long order) {
            this.task = task;
            this.asked = asked;
            this.due = due;
            this.period = period;
            this.order = order;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            synchronized (VirtualTimeScheduler.this) {
                return unit.convert(due - nowNanos, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            synchronized (VirtualTimeScheduler.this) {
                return timers.remove(this);
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException("a virtual timer is not waited for");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException("a virtual timer is not waited for");
        }
    }
}

package dev.discard.archive;

import dev.discard.discord.LogContext;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Archives channels side by side. Discord limits history per channel, so channels in parallel go faster while the
 * shared rate limiter keeps the total within the limits; each task writes only its own channel's log. How many run at
 * once is the {@link AutoConcurrency}'s target, which follows the rate limits while the tasks run. A running task may
 * {@link #spawn} more (a thread list gives each thread as its page arrives), which run in the same pool, and
 * {@link #runAll} returns when every task, spawned ones included, has ended. Results of the given tasks come back in
 * task order. A task that fails fatally (the token refused, the disk full) stops the others; so does an interrupt,
 * after which every task still gets to write its meta file before this returns.
 */
final class ChannelPool {
    /** How long stopped tasks get to finish their files. */
    private static final long STOP_WAIT_SECONDS = 10;

    private final AutoConcurrency concurrency;
    /** Where the current thread's task sends what it spawns. */
    private final ThreadLocal<java.util.function.Consumer<Callable<?>>> current = new ThreadLocal<>();

    /** A pool of exactly {@code concurrency} tasks at once, without a rate limiter to follow. */
    ChannelPool(int concurrency) {
        this(AutoConcurrency.fixed(checked(concurrency)));
    }

    ChannelPool(AutoConcurrency concurrency) {
        this.concurrency = concurrency;
    }

    private static int checked(int concurrency) {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
        return concurrency;
    }

    /**
     * Runs {@code task} in the pool of the task calling this, beside it; it ends before {@link #runAll} returns.
     *
     * @throws IllegalStateException when not called from a task of this pool
     */
    void spawn(Callable<?> task) {
        java.util.function.Consumer<Callable<?>> sink = current.get();
        if (sink == null) throw new IllegalStateException("spawn is for the pool's own tasks");
        sink.accept(task);
    }

    <T> List<T> runAll(List<Callable<T>> tasks) throws IOException, InterruptedException {
        if (tasks.isEmpty()) return List.of();
        if (concurrency.cap() == 1) return runInOrder(tasks);
        AtomicInteger number = new AtomicInteger();
        int size = concurrency.target();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "discard-channel-" + number.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        concurrency.onChange(n -> resize(pool, n));
        Batch batch = new Batch(pool);
        boolean done = false;
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) futures.add(batch.submit(task));
            batch.awaitAll();
            List<T> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                @SuppressWarnings("unchecked")
                T result = (T) await(future);
                results.add(result);
            }
            done = true;
            return results;
        } finally {
            concurrency.onChange(n -> {});
            pool.shutdownNow();
            if (awaitStopped(pool) && done) throw new InterruptedException("interrupted while the channels ended");
        }
    }

    /** Grows before it shrinks the right bound, as ThreadPoolExecutor requires core ≤ maximum at every step. */
    private static void resize(ThreadPoolExecutor pool, int n) {
        if (pool.isShutdown()) return;
        if (n > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(n);
            pool.setCorePoolSize(n);
        } else {
            pool.setCorePoolSize(n);
            pool.setMaximumPoolSize(n);
        }
    }

    /** The tasks of one {@link #runAll}, spawned ones included. */
    private final class Batch {
        private final ExecutorCompletionService<Object> completion;
        /** Tasks submitted and not yet taken from {@link #completion}. */
        private final AtomicInteger outstanding = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger();
        // The run's log marks go along, so the channels' lines land in the run's run.log.
        private final LogContext logContext = LogContext.capture();

        Batch(ThreadPoolExecutor pool) {
            this.completion = new ExecutorCompletionService<>(pool);
        }

        Future<Object> submit(Callable<?> task) {
            outstanding.incrementAndGet();
            Callable<Object> wrapped = logContext.wrap(() -> {
                current.set(this::submit);
                concurrency.active(running.incrementAndGet());
                try {
                    return task.call();
                } finally {
                    concurrency.active(running.decrementAndGet());
                    current.remove();
                }
            });
            return completion.submit(wrapped);
        }

        /**
         * Waits until every task has ended, a task spawning more counted until it returns (so the count cannot reach
         * zero while a spawner runs); the first failure is thrown at once.
         */
        void awaitAll() throws IOException, InterruptedException {
            while (outstanding.get() > 0) {
                Future<Object> done = completion.take();
                outstanding.decrementAndGet();
                await(done);
            }
        }
    }

    /**
     * Waits until the stopped tasks have finished their files, up to {@link #STOP_WAIT_SECONDS}, even through an
     * interrupt: returning at once would let the run end (and the process exit) while tasks still write their logs.
     *
     * @return whether the thread was interrupted while it waited
     */
    private static boolean awaitStopped(ThreadPoolExecutor pool) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            try {
                if (pool.awaitTermination(left, TimeUnit.NANOSECONDS)) break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    /** One at a time, in the caller's thread: the given tasks in order, each spawned task after those before it. */
    private <T> List<T> runInOrder(List<Callable<T>> tasks) throws IOException, InterruptedException {
        ArrayDeque<Callable<?>> spawned = new ArrayDeque<>();
        current.set(spawned::add);
        try {
            List<T> results = new ArrayList<>();
            for (Callable<T> task : tasks) {
                results.add(call(task));
                while (!spawned.isEmpty()) call(spawned.removeFirst());
            }
            return results;
        } finally {
            current.remove();
        }
    }

    private static <T> T call(Callable<T> task) throws IOException, InterruptedException {
        try {
            return task.call();
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object await(Future<?> future) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof InterruptedException ie) throw ie;
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error error) throw error;
            throw new IllegalStateException(cause);
        }
    }
}

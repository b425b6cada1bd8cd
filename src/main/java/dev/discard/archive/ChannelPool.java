package dev.discard.archive;

import dev.discard.discord.LogContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Archives channels side by side. Discord limits history per channel, so channels in parallel go faster while the
 * shared rate limiter keeps the total within the limits; each task writes only its own channel's log. Results come
 * back in task order. A task that fails fatally (the token refused, the disk full) stops the others; so does an
 * interrupt, after which every task still gets to write its meta file before this returns.
 */
final class ChannelPool {
    /** How long stopped tasks get to finish their files. */
    private static final long STOP_WAIT_SECONDS = 10;

    private final int concurrency;

    ChannelPool(int concurrency) {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
        this.concurrency = concurrency;
    }

    <T> List<T> runAll(List<Callable<T>> tasks) throws IOException, InterruptedException {
        if (tasks.isEmpty()) return List.of();
        if (concurrency == 1 || tasks.size() == 1) return runInOrder(tasks);
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, tasks.size()), r -> {
            Thread t = new Thread(r, "discard-channel-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        boolean done = false;
        try {
            List<Future<T>> futures = new ArrayList<>();
            // The run's log marks go along, so the channels' lines land in the run's run.log.
            LogContext logContext = LogContext.capture();
            for (Callable<T> task : tasks) futures.add(pool.submit(logContext.wrap(task)));
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) results.add(await(future));
            done = true;
            return results;
        } finally {
            pool.shutdownNow();
            if (awaitStopped(pool) && done) throw new InterruptedException("interrupted while the channels ended");
        }
    }

    /**
     * Waits until the stopped tasks have finished their files, up to {@link #STOP_WAIT_SECONDS}, even through an
     * interrupt: returning at once would let the run end (and the process exit) while tasks still write their logs.
     *
     * @return whether the thread was interrupted while it waited
     */
    private static boolean awaitStopped(ExecutorService pool) {
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

    private static <T> List<T> runInOrder(List<Callable<T>> tasks) throws IOException, InterruptedException {
        List<T> results = new ArrayList<>();
        for (Callable<T> task : tasks) {
            try {
                results.add(task.call());
            } catch (IOException | InterruptedException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return results;
    }

    private static <T> T await(Future<T> future) throws IOException, InterruptedException {
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

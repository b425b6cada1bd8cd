package dev.discard.dedupe;

import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hashes image files on a fixed number of threads. Results come back in the order of the input, whatever the
 * timing. Memory stays flat: each thread holds one decoded image at a time, and a result is 64 bits or a message.
 */
final class ParallelHasher {
    private final int threads;

    ParallelHasher(int threads) {
        if (threads < 1) throw new IllegalArgumentException("expected at least 1 thread but was " + threads);
        this.threads = threads;
    }

    List<ImageFileHasher.Result> hashAll(List<Path> files) throws InterruptedIOException {
        if (files.isEmpty()) return List.of();
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()), task -> {
            Thread t = new Thread(task, "dedupe-hash-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ImageFileHasher.Result>> futures = new ArrayList<>(files.size());
            for (Path file : files) futures.add(pool.submit(() -> ImageFileHasher.hash(file)));
            List<ImageFileHasher.Result> results = new ArrayList<>(files.size());
            for (Future<ImageFileHasher.Result> future : futures) results.add(future.get());
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing images");
        } catch (ExecutionException e) {
            // ImageFileHasher returns every exception as a result; what arrives here is an Error.
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}

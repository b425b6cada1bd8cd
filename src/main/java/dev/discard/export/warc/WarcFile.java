package dev.discard.export.warc;

import dev.discard.format.OutputFiles;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcWriter;

/**
 * A {@code .warc.gz} being written: jwarc serialises each record, {@link GzipMemberChannel} makes it a gzip member.
 *
 * <p>Records whose bodies are in memory (an HTTP attempt's, built from its log line) are built, digested, serialised
 * and compressed on {@link #THREADS} workers, a few at a time, and written in the order submitted: each record is a
 * gzip member of its own, so members compress independently. Records that stream from a file (media, spooled frames)
 * are written in place after the ones before them. Not thread-safe: one caller.
 */
final class WarcFile implements AutoCloseable {
    private static final int BUFFER = 256 * 1024;
    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    /** Attempts in flight at most: enough to keep the workers busy, few enough for a small heap (each ~2 lines). */
    private static final int AHEAD = 4 * THREADS;

    private final OutputStream out;
    private final GzipMemberChannel gzip;
    private final WarcWriter writer;
    private final ExecutorService workers;
    private final ArrayDeque<Future<Encoded>> pending = new ArrayDeque<>();
    private final ThreadLocal<Encoder> encoders = ThreadLocal.withInitial(Encoder::new);
    private long records;

    /** Compressed members of some records, and how many. */
    private record Encoded(byte[] bytes, int records) {}

    /** Creates {@code path}, which must not exist, through {@code files}. */
    WarcFile(Path path, OutputFiles files) throws IOException {
        out = new BufferedOutputStream(files.create(path), BUFFER);
        gzip = new GzipMemberChannel(out);
        writer = new WarcWriter(gzip, WarcCompression.NONE);
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "discard-warc-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Builds records on a worker ({@code build} gets the worker's {@link Sha1}) and writes them, in submission order,
     * each as one gzip member. Their bodies must be in memory.
     */
    void submit(java.util.function.Function<Sha1, List<WarcRecord>> build) throws IOException {
        while (pending.size() >= AHEAD) writeNext();
        Callable<Encoded> task = () -> encoders.get().encode(build);
        pending.add(workers.submit(task));
    }

    /** Writes the record in place, after every submitted one, as one gzip member; closes its body. */
    void write(WarcRecord record) throws IOException {
        drain();
        try {
            writer.write(record);
            gzip.endMember();
            records++;
        } finally {
            record.body().close();
        }
    }

    private void drain() throws IOException {
        while (!pending.isEmpty()) writeNext();
    }

    private void writeNext() throws IOException {
        Encoded encoded;
        try {
            encoded = pending.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the WARC");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) throw u.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error error) throw error;
            throw new IOException(cause);
        }
        out.write(encoded.bytes());
        records += encoded.records();
    }

    /** Records written, once every submitted one is. */
    long records() throws IOException {
        drain();
        return records;
    }

    /** Writes what is pending and closes the file; a failed export closes without waiting for the workers. */
    @Override
    public void close() throws IOException {
        try {
            drain();
            writer.close();
        } finally {
            for (Future<Encoded> f : pending) f.cancel(true);
            workers.shutdownNow();
            gzip.close();
        }
    }

    /** A worker's own writer into memory, reused from record to record. */
    private static final class Encoder {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256 * 1024);
        private final GzipMemberChannel gzip = new GzipMemberChannel(buffer);
        private final WarcWriter writer;
        private final Sha1 sha1 = new Sha1();

        Encoder() {
            try {
                writer = new WarcWriter(gzip, WarcCompression.NONE);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // not thrown for a channel in memory
            }
        }

        Encoded encode(java.util.function.Function<Sha1, List<WarcRecord>> build) throws IOException {
            buffer.reset();
            List<WarcRecord> records = build.apply(sha1);
            for (WarcRecord r : records) {
                writer.write(r);
                gzip.endMember();
            }
            return new Encoded(buffer.toByteArray(), records.size());
        }
    }
}

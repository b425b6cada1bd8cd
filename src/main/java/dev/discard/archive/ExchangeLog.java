package dev.discard.archive;

import dev.discard.discord.ExchangeSink;
import dev.discard.discord.HttpExchange;
import dev.discard.discord.WsFrame;
import dev.discard.format.LogFile;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/**
 * One JSONL file of records: {@code run.jsonl}, {@code <guild>/guild.jsonl} or {@code <guild>/<channel>.jsonl},
 * gzipped when the name ends in {@code .gz}. Each record is flushed as it is written (a gzip file with a sync flush),
 * so whatever happens to the process, everything before the last record can be read; {@link #close} finishes the
 * gzip stream. Never opens an existing file. Thread-safe.
 */
public final class ExchangeLog implements ExchangeSink, Closeable {
    private static final int BUFFER = 64 * 1024; // 64 KiB: a page of 100 messages is typically 40–100 KiB
    /**
     * Deflate level of {@code .gz} logs. Measured (docs/performance.md): level 1 takes a third of the CPU of gzip's
     * default 6 for files about 11 % larger, and is what {@code gzip -1} writes; anyone wanting smaller files can
     * recompress a finished archive, the readers take any gzip.
     */
    static final int GZIP_LEVEL = 1;

    private final Path path;
    private final RecordEncoder encoder;
    private final RunCounters counters;
    private OutputStream out;
    private long records;

    private ExchangeLog(Path path, OutputStream out, RecordEncoder encoder, RunCounters counters) {
        this.path = path;
        this.out = out;
        this.encoder = encoder;
        this.counters = counters;
    }

    /** Creates the file, which must not exist; compression follows the name. */
    static ExchangeLog create(Path path, RecordEncoder encoder, RunCounters counters) throws IOException {
        OutputStream file = new BufferedOutputStream(
                Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), BUFFER);
        OutputStream out = LogFile.isGzip(path)
                ? new LeveledGzip(file)
                : file;
        return new ExchangeLog(path, out, encoder, counters);
    }

    public Path path() {
        return path;
    }

    @Override
    public void http(HttpExchange exchange) {
        write(encoder.httpLine(exchange));
        counters.httpRequests.increment();
        if (exchange.status() != null && exchange.status() == 429) counters.rateLimited.increment();
    }

    @Override
    public void ws(WsFrame frame) {
        write(encoder.ws(frame).getBytes(StandardCharsets.UTF_8));
        counters.wsPackets.increment();
    }

    /** Records written so far. */
    public synchronized long records() {
        return records;
    }

    private synchronized void write(byte[] line) {
        if (out == null) throw new IllegalStateException("log is closed: " + path);
        try {
            out.write(line);
            out.write('\n');
            out.flush();
            records++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** A gzip stream at {@link #GZIP_LEVEL}, each flush a sync flush. */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(OutputStream out) throws IOException {
            super(out, BUFFER, true);
            def.setLevel(GZIP_LEVEL);
        }
    }

    /** Finishes the file (the gzip trailer included). Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (out == null) return;
        OutputStream closing = out;
        out = null;
        closing.close();
    }
}

package dev.discard.archive;

import dev.discard.discord.ExchangeSink;
import dev.discard.discord.HttpExchange;
import dev.discard.discord.WsFrame;
import dev.discard.format.LogFile;
import dev.discard.format.OutputFiles;
import dev.discard.format.WriteFailedException;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/**
 * One JSONL file of records: {@code run.jsonl}, {@code <guild>/guild.jsonl} or {@code <guild>/<channel>.jsonl},
 * gzipped when the name ends in {@code .gz}. Each record is flushed as it is written (a gzip file with a sync flush),
 * so whatever happens to the process, everything before the last record can be read; {@link #close} finishes the
 * gzip stream. Never opens an existing file. A write that fails (the disk full) throws {@link WriteFailedException};
 * closing then cuts the file back to its last whole record, or deletes it when it had none, so neither a half record
 * nor an empty file is left. A log closed before its first record (its channel's task stopped while it waited for
 * its first request, when another channel filled the disk or the run was interrupted) is deleted too: the channel's
 * meta file says where it stopped, and a resumed run creates the log when it has something to write. Thread-safe.
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
    private final CountingStream onDisk;
    private OutputStream out;
    private long records;
    private boolean failed;
    /** Bytes in the file up to the end of the last record written whole. */
    private long committed;
    /** Held open by a follow run ({@link FollowLogs}): {@link #close} leaves it open, {@link #release} closes it. */
    private boolean held;

    private ExchangeLog(Path path, CountingStream onDisk, OutputStream out, RecordEncoder encoder,
            RunCounters counters) {
        this.path = path;
        this.onDisk = onDisk;
        this.out = out;
        this.encoder = encoder;
        this.counters = counters;
    }

    /** Creates the file, which must not exist; compression follows the name. */
    static ExchangeLog create(Path path, RecordEncoder encoder, RunCounters counters, OutputFiles files)
            throws IOException {
        OutputStream created;
        try {
            created = files.create(path);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw new WriteFailedException(path, e);
        }
        CountingStream onDisk = new CountingStream(created);
        OutputStream file = new BufferedOutputStream(onDisk, BUFFER);
        try {
            OutputStream out = LogFile.isGzip(path)
                    ? new LeveledGzip(file)
                    : file;
            return new ExchangeLog(path, onDisk, out, encoder, counters);
        } catch (IOException e) {
            file.close();
            throw new WriteFailedException(path, e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void http(HttpExchange exchange) {
        RecordEncoder.Line line = encoder.httpRecordInPlace(exchange);
        write(line.bytes(), line.length());
        counters.httpRequests.increment();
        if (exchange.status() != null && exchange.status() == 429) counters.rateLimited.increment();
    }

    @Override
    public void ws(WsFrame frame) {
        byte[] line = encoder.ws(frame).getBytes(StandardCharsets.UTF_8);
        write(line, line.length);
        counters.wsPackets.increment();
    }

    /** Records written so far. */
    public synchronized long records() {
        return records;
    }

    /** Writes {@code line[0, length)} and a newline. */
    private synchronized void write(byte[] line, int length) {
        if (out == null) throw new IllegalStateException("log is closed: " + path);
        try {
            out.write(line, 0, length);
            out.write('\n');
            out.flush();
            records++;
            committed = onDisk.count;
        } catch (IOException e) {
            failed = true;
            throw new WriteFailedException(path, e);
        }
    }

    /** A gzip stream at {@link #GZIP_LEVEL}, each flush a sync flush. */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(OutputStream out) throws IOException {
            super(out, BUFFER, true);
            def.setLevel(GZIP_LEVEL);
        }
    }

    /** Keeps the log open through {@link #close}, for the live events that follow its history. */
    synchronized void hold() {
        held = true;
    }

    /** Ends the hold and finishes the file. */
    synchronized void release() throws IOException {
        held = false;
        close();
    }

    /**
     * Finishes the file (the gzip trailer included), unless it is held; a file that got no whole record is deleted, so
     * that no run leaves an empty log. Idempotent.
     */
    @Override
    public synchronized void close() throws IOException {
        if (out == null || held) return;
        OutputStream closing = out;
        out = null;
        try {
            closing.close();
        } catch (IOException e) {
            failed = true;
            throw new WriteFailedException(path, e);
        } finally {
            if (failed || records == 0) cutToLastRecord();
        }
    }

    private void cutToLastRecord() throws IOException {
        if (committed == 0) {
            Files.deleteIfExists(path);
            return;
        }
        // Truncating needs no free space.
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.WRITE)) {
            if (file.size() > committed) file.truncate(committed);
        }
    }

    /** Counts the bytes that reached the file. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}

package dev.discard.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.LogFile;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * Streams the records of a log, file after file (the parts of a resumed log in order), line after line, in constant
 * memory: a few lines are held at a time. A line that is not a JSON object, a truncated or damaged gzip stream, or a
 * file that cannot be opened is reported to the problem consumer, and reading goes on with the next line or file.
 *
 * <p>Lines are parsed a few ahead on {@link #PARSERS} (where the machine has more than one core) while the caller
 * works on the records before them; records and problems still come in the order of the files, and problems are
 * reported on the caller's thread.
 */
public final class ArchiveReader implements Closeable {
    private static final int THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());
    /** Lines handed to the parsers and not yet returned: enough to keep them busy while the caller works. */
    private static final int AHEAD_LINES = 2 * THREADS;
    /** ... and at most this many bytes of them (at least one line), so memory stays small with long lines. */
    private static final long AHEAD_BYTES = 1L << 20;
    /** Shared by every reader; idle threads end after a while. Null on a single core: lines are parsed in place. */
    private static final ExecutorService PARSERS = THREADS > 1 ? parsers() : null;

    private final Iterator<LogFile> files;
    private final Consumer<RecordProblem> problems;
    private final DataVisitor visitor;
    private final RecordParser parser;
    /** The file lines are read from; {@link #delivered} is the one of the last record or problem handed out. */
    private LogFile file;
    private LogFile delivered;
    private InputStream in;
    private LineReader lines;
    private boolean filesDone;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private long pendingBytes;
    private long records;

    /** A line being parsed, or a problem met while reading, in file order. */
    private record Pending(LogFile file, Future<ArchiveRecord> parse, long line, long offset, boolean terminated,
            int bytes, RecordProblem problem) {}

    /**
     * @param files the files to read, in order
     * @param problems receives every damaged line or file, in reading order
     * @param visitor reads data values during the envelope parse (on a parser thread: it must keep no state); null
     *     to parse them on demand only
     */
    public ArchiveReader(List<LogFile> files, ObjectMapper mapper, Consumer<RecordProblem> problems,
            DataVisitor visitor) {
        this.files = List.copyOf(files).iterator();
        this.problems = problems;
        this.visitor = visitor;
        this.parser = new RecordParser(mapper);
    }

    private static ExecutorService parsers() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 2, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "discard-parse-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The next record, or null after the last line of the last file. */
    public ArchiveRecord next() {
        while (true) {
            readAhead();
            Pending p = pending.poll();
            if (p == null) return null;
            pendingBytes -= p.bytes();
            delivered = p.file();
            if (p.problem() != null) {
                problems.accept(p.problem());
                continue;
            }
            ArchiveRecord record = result(p);
            if (record != null) {
                records++;
                return record;
            }
        }
    }

    /** Reads lines and hands them to the parsers until enough are ahead or the last file has ended. */
    private void readAhead() {
        while (!filesDone && (pending.isEmpty() || pending.size() < AHEAD_LINES && pendingBytes < AHEAD_BYTES)) {
            if (lines == null && !openNext()) {
                filesDone = true;
                return;
            }
            try {
                if (!lines.next()) {
                    closeFile();
                    continue;
                }
            } catch (IOException e) {
                String message = describeStreamFailure(e, lines);
                long line = lines.lineNumber() + 1;
                add(e instanceof EOFException
                        ? RecordProblem.cutShort(file.path(), line, lines.bytesRead(), message)
                        : RecordProblem.ofLine(file.path(), line, lines.bytesRead(), message));
                closeFile();
                continue;
            }
            if (lines.lineLength() == 0) continue;
            byte[] source = Arrays.copyOfRange(lines.buffer(), lines.lineStart(),
                    lines.lineStart() + lines.lineLength());
            Path path = file.path();
            long line = lines.lineNumber();
            long offset = lines.lineOffset();
            Callable<ArchiveRecord> parse = () -> parser.parse(path, line, offset, source, visitor);
            Future<ArchiveRecord> future;
            if (PARSERS != null) {
                future = PARSERS.submit(parse);
            } else {
                FutureTask<ArchiveRecord> task = new FutureTask<>(parse);
                task.run();
                future = task;
            }
            pending.add(new Pending(file, future, line, offset, lines.terminated(), source.length, null));
            pendingBytes += source.length;
        }
    }

    private void add(RecordProblem problem) {
        pending.add(new Pending(file, null, 0, 0, true, 0, problem));
    }

    /** The parsed record, or null when the line was reported as damaged. */
    private ArchiveRecord result(Pending p) {
        Path path = p.file().path();
        try {
            return await(p.parse());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JsonProcessingException j) {
                String message = "not a valid JSON record: " + j.getOriginalMessage() + " (at byte "
                        + j.getLocation().getByteOffset() + " of the line)";
                // A last line without its newline that does not parse was being written when the process died.
                problems.accept(p.terminated()
                        ? RecordProblem.ofLine(path, p.line(), p.offset(), message)
                        : RecordProblem.cutShort(path, p.line(), p.offset(), message + "; the last line is incomplete"));
            } else if (cause instanceof IOException io) {
                problems.accept(RecordProblem.ofLine(path, p.line(), p.offset(), "cannot read record: "
                        + io.getMessage()));
            } else if (cause instanceof RuntimeException r) {
                throw r;
            } else if (cause instanceof Error error) {
                throw error;
            } else {
                throw new IllegalStateException(cause);
            }
            return null;
        }
    }

    /** Waits for a parse; an interrupt is kept for the caller, as reading itself does not stop for one. */
    private static ArchiveRecord await(Future<ArchiveRecord> parse) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return parse.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Records returned so far. */
    public long records() {
        return records;
    }

    /** The file of the last record returned (or problem reported); the first file before that. */
    public LogFile currentFile() {
        return delivered != null ? delivered : file;
    }

    private boolean openNext() {
        while (files.hasNext()) {
            file = files.next();
            try {
                in = file.open();
                lines = new LineReader(in);
                return true;
            } catch (NoSuchFileException e) {
                add(RecordProblem.ofFile(file.path(), "file disappeared while reading"));
            } catch (IOException e) {
                add(RecordProblem.ofFile(file.path(), describeOpenFailure(e)));
            }
        }
        return false;
    }

    private static String describeOpenFailure(IOException e) {
        if (e instanceof EOFException) return "empty gzip file: no gzip header";
        if (e instanceof ZipException) return "not a gzip file: " + e.getMessage();
        return "cannot open: " + e.getMessage();
    }

    private static String describeStreamFailure(IOException e, LineReader lines) {
        String where = "after " + lines.bytesRead() + " bytes of data";
        if (e instanceof EOFException) {
            return "truncated gzip stream (" + e.getMessage() + ") " + where
                    + (lines.pendingBytes() > 0 ? "; this line is incomplete" : "; the lines before are complete");
        }
        if (e instanceof ZipException) return "damaged gzip stream: " + e.getMessage() + " " + where;
        return "read failed " + where + ": " + e.getMessage();
    }

    private void closeFile() {
        try {
            if (in != null) in.close();
        } catch (IOException e) {
            add(RecordProblem.ofFile(file.path(), "cannot close: " + e.getMessage()));
        }
        in = null;
        lines = null;
    }

    /** Stops reading: lines read ahead are dropped; a file that cannot be closed is still reported. */
    @Override
    public void close() {
        for (Pending p : pending) {
            if (p.parse() != null) p.parse().cancel(false);
        }
        pending.clear();
        pendingBytes = 0;
        filesDone = true;
        closeFile();
        for (Pending p : pending) problems.accept(p.problem());
        pending.clear();
    }
}

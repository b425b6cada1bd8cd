package dev.discard.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.LogFile;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * Streams the records of a log, file after file (the parts of a resumed log in order), line after line, in constant
 * memory: one line is held at a time. A line that is not a JSON object, a truncated or damaged gzip stream, or a file
 * that cannot be opened is reported to the problem consumer, and reading goes on with the next line or file.
 */
public final class ArchiveReader implements Closeable {
    private final Iterator<LogFile> files;
    private final Consumer<RecordProblem> problems;
    private final DataVisitor visitor;
    private final RecordParser parser;
    private LogFile file;
    private InputStream in;
    private LineReader lines;
    private long records;

    /**
     * @param files the files to read, in order
     * @param problems receives every damaged line or file, in reading order
     * @param visitor reads data values during the envelope parse; null to parse them on demand only
     */
    public ArchiveReader(List<LogFile> files, ObjectMapper mapper, Consumer<RecordProblem> problems,
            DataVisitor visitor) {
        this.files = List.copyOf(files).iterator();
        this.problems = problems;
        this.visitor = visitor;
        this.parser = new RecordParser(mapper);
    }

    /** The next record, or null after the last line of the last file. */
    public ArchiveRecord next() {
        while (true) {
            if (lines == null && !openNext()) return null;
            try {
                if (!lines.next()) {
                    closeFile();
                    continue;
                }
            } catch (IOException e) {
                String message = describeStreamFailure(e, lines);
                long line = lines.lineNumber() + 1;
                problems.accept(e instanceof EOFException
                        ? RecordProblem.cutShort(file.path(), line, lines.bytesRead(), message)
                        : RecordProblem.ofLine(file.path(), line, lines.bytesRead(), message));
                closeFile();
                continue;
            }
            if (lines.lineLength() == 0) continue;
            byte[] source = Arrays.copyOfRange(lines.buffer(), lines.lineStart(),
                    lines.lineStart() + lines.lineLength());
            try {
                ArchiveRecord record = parser.parse(file.path(), lines.lineNumber(), lines.lineOffset(), source,
                        visitor);
                records++;
                return record;
            } catch (JsonProcessingException e) {
                String message = "not a valid JSON record: " + e.getOriginalMessage() + " (at byte "
                        + e.getLocation().getByteOffset() + " of the line)";
                // A last line without its newline that does not parse was being written when the process died.
                problems.accept(lines.terminated()
                        ? RecordProblem.ofLine(file.path(), lines.lineNumber(), lines.lineOffset(), message)
                        : RecordProblem.cutShort(file.path(), lines.lineNumber(), lines.lineOffset(),
                                message + "; the last line is incomplete"));
            } catch (IOException e) {
                problems.accept(RecordProblem.ofLine(file.path(), lines.lineNumber(), lines.lineOffset(),
                        "cannot read record: " + e.getMessage()));
            }
        }
    }

    /** Records returned so far. */
    public long records() {
        return records;
    }

    /** The file being read, or the last one read. */
    public LogFile currentFile() {
        return file;
    }

    private boolean openNext() {
        while (files.hasNext()) {
            file = files.next();
            try {
                in = file.open();
                lines = new LineReader(in);
                return true;
            } catch (NoSuchFileException e) {
                problems.accept(RecordProblem.ofFile(file.path(), "file disappeared while reading"));
            } catch (IOException e) {
                problems.accept(RecordProblem.ofFile(file.path(), describeOpenFailure(e)));
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
            problems.accept(RecordProblem.ofFile(file.path(), "cannot close: " + e.getMessage()));
        }
        in = null;
        lines = null;
    }

    @Override
    public void close() {
        closeFile();
    }
}

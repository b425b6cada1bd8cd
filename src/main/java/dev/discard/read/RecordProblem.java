package dev.discard.read;

import dev.discard.format.MetaFileException;
import java.nio.file.Path;

/**
 * Something wrong in an archive file, and where: a damaged line, a truncated gzip stream, a disagreement between a
 * meta file and its log. Immutable.
 *
 * @param file the file
 * @param line the 1-based line number, or 0 when the problem concerns the whole file
 * @param offset the byte offset of that line in the (decompressed) file, or -1 when unknown
 * @param message what is wrong, as a sentence fragment without the location
 */
public record RecordProblem(Path file, long line, long offset, String message) {
    public static RecordProblem ofFile(Path file, String message) {
        return new RecordProblem(file, 0, -1, message);
    }

    /** A meta file that cannot be used, as a problem of the whole file. */
    public static RecordProblem of(MetaFileException e) {
        return ofFile(e.file(), e.problem());
    }

    public static RecordProblem ofLine(Path file, long line, long offset, String message) {
        return new RecordProblem(file, line, offset, message);
    }

    /** {@code file:line: message}, or {@code file: message} for the whole file. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}

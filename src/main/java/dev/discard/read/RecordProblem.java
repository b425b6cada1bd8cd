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
 * @param cutShort whether the file merely ends early (a gzip stream or a last line cut off, as a hard kill leaves
 *     it); expected in a log part that a later part continues
 */
public record RecordProblem(Path file, long line, long offset, String message, boolean cutShort) {
    /** A problem that is damage, not a file merely cut short (the constructor before {@code cutShort} existed). */
    public RecordProblem(Path file, long line, long offset, String message) {
        this(file, line, offset, message, false);
    }

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

    /** The file ends early at this line: everything before it is complete. */
    public static RecordProblem cutShort(Path file, long line, long offset, String message) {
        return new RecordProblem(file, line, offset, message, true);
    }

    /**
     * Whether this is a file cut short (a hard kill) that a later part of the same log continues, as {@code --resume}
     * leaves it: no damage, and every reader treats it so (verify says so as information, the others say nothing).
     */
    public boolean continuedLater() {
        return cutShort && dev.discard.format.LogFile.of(file).map(dev.discard.format.LogFile::hasLaterPart).orElse(false);
    }

    /** {@code file:line: message}, or {@code file: message} for the whole file. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}

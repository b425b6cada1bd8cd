package dev.discard.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A file of the run could not be written (the disk full, the folder gone): the run stops, and the user gets one line
 * naming the file and the {@code --resume} command that continues once it can be written.
 */
public final class WriteFailedException extends UncheckedIOException {
    private final Path file;

    public WriteFailedException(Path file, IOException cause) {
        super("cannot write " + file + ": " + reason(cause), cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The operating system's words ({@code No space left on device}) without the path they repeat. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) return fse.getReason();
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The write failure behind {@code e}, in its causes or suppressed exceptions, or null. */
    public static WriteFailedException in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WriteFailedException w) return w;
            for (Throwable s : t.getSuppressed()) {
                WriteFailedException w = in(s);
                if (w != null) return w;
            }
        }
        return null;
    }
}

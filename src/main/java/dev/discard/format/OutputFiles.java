package dev.discard.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Creates the files of a run (logs, meta files, media.jsonl). {@link #DISK} in production; a test hands in one that fails the way
 * a full disk does, which no in-process test can arrange otherwise (root writes to read-only folders).
 */
@FunctionalInterface
public interface OutputFiles {
    OutputFiles DISK = path -> Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    /** Creates {@code path}, which must not exist, for writing. */
    OutputStream create(Path path) throws IOException;

    /** Opens {@code path}, which exists, to write after its end (a resumed run's files). */
    default OutputStream append(Path path) throws IOException {
        return Files.newOutputStream(path, StandardOpenOption.APPEND);
    }
}

package dev.discard.archive;

import dev.discard.format.LogFile;
import dev.discard.format.RunFiles;
import dev.discard.format.Timestamps;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The run directory and the names inside it (DESIGN.md): {@code <YYYYmmddTHHMMSS>_<mode>[_full][_<ident[0:5]>]/}
 * holding {@code run.*}, {@code <guild>/guild.*} and {@code <guild>/<channel>.*}. Creating the directory is atomic;
 * nothing in it is ever opened for writing if it exists already.
 */
public final class RunLayout {
    private final Path root;
    private final boolean gzip;

    private RunLayout(Path root, boolean gzip) {
        this.root = root;
        this.gzip = gzip;
    }

    /**
     * Creates the run directory under {@code outputDir}; when the plain name exists, the ident's first five
     * characters are appended, and when that exists too the run fails rather than write into another run.
     */
    static RunLayout create(Path outputDir, Instant start, String modeName, boolean full, String ident, boolean gzip)
            throws IOException {
        Files.createDirectories(outputDir);
        String name = Timestamps.runName(start) + "_" + modeName + (full ? "_full" : "");
        Path root = outputDir.resolve(name);
        try {
            Files.createDirectory(root);
        } catch (FileAlreadyExistsException e) {
            root = outputDir.resolve(name + "_" + ident.substring(0, 5));
            try {
                Files.createDirectory(root);
            } catch (FileAlreadyExistsException again) {
                throw new IOException("run directory exists already: " + root + "; wait a second and try again");
            }
        }
        return new RunLayout(root, gzip);
    }

    /** An existing run directory, for {@code --resume}. */
    static RunLayout open(Path root, boolean gzip) throws IOException {
        if (!Files.isRegularFile(root.resolve(RunFiles.RUN_META))) {
            throw new IOException("not a run directory (no run.meta.json): " + root);
        }
        return new RunLayout(root, gzip);
    }

    public Path root() {
        return root;
    }

    /** The run directory's own name, as written into {@code run.meta.json}. */
    public String name() {
        return root.getFileName().toString();
    }

    /**
     * The next part of the log {@code stem} (relative to the run, e.g. {@code 123/456}): {@code <stem>.jsonl[.gz]},
     * or, when a resumed run finds that taken, {@code <stem>.2.jsonl[.gz]}, {@code <stem>.3…}. Existing parts are
     * never reopened.
     */
    Path logFile(String stem) throws IOException {
        for (int part = 1; ; part++) {
            Path file = prepare(LogFile.fileName(stem, part, gzip));
            if (!Files.exists(file) && !Files.exists(prepare(LogFile.fileName(stem, part, !gzip)))) return file;
        }
    }

    /** {@code <stem>.meta.json}. */
    Path metaFile(String stem) throws IOException {
        return prepare(RunFiles.metaFile(stem));
    }

    private Path prepare(String relative) throws IOException {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) throw new IllegalArgumentException("outside the run directory: " + relative);
        Files.createDirectories(file.getParent());
        return file;
    }
}

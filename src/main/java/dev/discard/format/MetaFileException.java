package dev.discard.format;

import java.io.IOException;
import java.nio.file.Path;

/** A meta file that cannot be used: missing, not JSON, or holding values of the wrong kind. */
public final class MetaFileException extends IOException {
    private final Path file;
    private final String problem;
    private final boolean wrongKind;

    public MetaFileException(Path file, String problem) {
        this(file, problem, false);
    }

    private MetaFileException(Path file, String problem, boolean wrongKind) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
        this.wrongKind = wrongKind;
    }

    /** A valid meta file of another kind: a guild's or a run's where a channel's was expected. */
    static MetaFileException wrongKind(Path file, String problem) {
        return new MetaFileException(file, problem, true);
    }

    public boolean isWrongKind() {
        return wrongKind;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }

    public Path file() {
        return file;
    }
}

package dev.discard.archive;

import java.nio.file.Path;

/** The run as a whole failed; {@code run.meta.json} says so and the message says what to do. */
public class RunFailedException extends Exception {
    private final Path runDirectory;

    /** @param runDirectory the run directory, or null when it could not be created */
    public RunFailedException(String message, Path runDirectory, Throwable cause) {
        super(message, cause);
        this.runDirectory = runDirectory;
    }

    /** The run directory, or null when it could not even be created. */
    public Path runDirectory() {
        return runDirectory;
    }
}

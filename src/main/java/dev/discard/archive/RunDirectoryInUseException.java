package dev.discard.archive;

/** The run directory is locked by another process writing it; nothing was written. */
public final class RunDirectoryInUseException extends RunFailedException {
    RunDirectoryInUseException(String message, Throwable cause) {
        super(message, null, cause);
    }
}

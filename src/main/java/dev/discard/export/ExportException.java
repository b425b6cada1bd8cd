package dev.discard.export;

/** The export could not go on: the index could not be read or the site not written. The message says which. */
public final class ExportException extends RuntimeException {
    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}

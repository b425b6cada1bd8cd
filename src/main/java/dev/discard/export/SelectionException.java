package dev.discard.export;

/** The selection names a guild or channel the index does not hold: a usage error. The message says which. */
public final class SelectionException extends RuntimeException {
    public SelectionException(String message) {
        super(message);
    }
}

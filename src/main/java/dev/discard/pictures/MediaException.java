package dev.discard.pictures;

import java.io.IOException;

/** {@code discard media} cannot go on: the message is one line to show, e.g. {@code no channel named 'x' in …}. */
public final class MediaException extends IOException {
    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}

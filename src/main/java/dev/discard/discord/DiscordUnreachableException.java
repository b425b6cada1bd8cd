package dev.discard.discord;

import java.io.IOException;

/** No answer from the server after every retry: DNS, refused or reset connections, timeouts. */
public class DiscordUnreachableException extends IOException {
    public DiscordUnreachableException(String url, IOException cause) {
        super("cannot reach " + url + ": " + (cause.getMessage() != null ? cause.getMessage()
                : cause.getClass().getSimpleName()), cause);
    }
}

package dev.discard.discord.gateway;

import java.io.IOException;
import java.util.OptionalInt;

/**
 * The gateway session ended and will not come back: a close code that forbids reconnecting (its message is one line
 * saying what to do), reconnect attempts used up, or no READY in time. The message never contains the token.
 */
public class GatewayException extends IOException {
    private final int closeCode;

    GatewayException(String message) {
        this(message, -1, null);
    }

    GatewayException(String message, Throwable cause) {
        this(message, -1, cause);
    }

    GatewayException(String message, int closeCode, Throwable cause) {
        super(message, cause);
        this.closeCode = closeCode;
    }

    /** Ended by the gateway closing with {@code code}, which forbids reconnecting. */
    static GatewayException closedWith(GatewayCloseCode code, int intents) {
        return new GatewayException("Discord gateway closed the session: " + code.explain(intents), code.code(), null);
    }

    /** The close code that ended the session, when the gateway ended it with one. */
    public OptionalInt closeCode() {
        return closeCode < 0 ? OptionalInt.empty() : OptionalInt.of(closeCode);
    }
}

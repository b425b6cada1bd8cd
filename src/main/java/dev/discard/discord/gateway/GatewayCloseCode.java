package dev.discard.discord.gateway;

import java.util.List;
import java.util.Locale;

/**
 * The close codes the gateway ends a connection with, and what each allows: reconnect and resume the session,
 * reconnect with a new session, or stop. The codes that forbid reconnecting end a {@link GatewaySession} with a
 * {@link GatewayException} whose message is one line from {@link #explain(int)}.
 *
 * @see <a href="https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes">
 *     Gateway Close Event Codes</a>
 */
public enum GatewayCloseCode {
    UNKNOWN_ERROR(4000, "Unknown error", true, true),
    UNKNOWN_OPCODE(4001, "Unknown opcode", true, false),
    DECODE_ERROR(4002, "Decode error", true, true),
    NOT_AUTHENTICATED(4003, "Not authenticated", true, false),
    AUTHENTICATION_FAILED(4004, "Authentication failed", false, false),
    ALREADY_AUTHENTICATED(4005, "Already authenticated", true, false),
    INVALID_SEQ(4007, "Invalid seq", true, false),
    RATE_LIMITED(4008, "Rate limited", true, true),
    SESSION_TIMED_OUT(4009, "Session timed out", true, false),
    INVALID_SHARD(4010, "Invalid shard", false, false),
    SHARDING_REQUIRED(4011, "Sharding required", false, false),
    INVALID_API_VERSION(4012, "Invalid API version", false, false),
    INVALID_INTENTS(4013, "Invalid intent(s)", false, false),
    DISALLOWED_INTENTS(4014, "Disallowed intent(s)", false, false);

    private final int code;
    private final String description;
    private final boolean reconnect;
    private final boolean resume;

    GatewayCloseCode(int code, String description, boolean reconnect, boolean resume) {
        this.code = code;
        this.description = description;
        this.reconnect = reconnect;
        this.resume = resume;
    }

    public int code() {
        return code;
    }

    /** Discord's name for the code, e.g. {@code Authentication failed}. */
    public String description() {
        return description;
    }

    /** Whether a client may connect again after this code; false ends the session. */
    public boolean reconnect() {
        return reconnect;
    }

    /** Whether the session may be resumed after this code; false means identify again. */
    public boolean resume() {
        return resume;
    }

    /** The code with this number, or null for one Discord does not document (resumed like a dropped connection). */
    public static GatewayCloseCode of(int code) {
        for (GatewayCloseCode c : values()) {
            if (c.code == code) return c;
        }
        return null;
    }

    /**
     * One line saying what happened and what to do, e.g. {@code 4004 Authentication failed: the token is invalid or
     * was reset}. For 4014 it names the privileged intents among {@code intents} that must be enabled.
     */
    public String explain(int intents) {
        return code + " " + description + ": " + advice(intents);
    }

    private String advice(int intents) {
        return switch (this) {
            case AUTHENTICATION_FAILED -> "the token is invalid or was reset";
            case INVALID_SHARD -> "the shard sent when identifying is invalid";
            case SHARDING_REQUIRED -> "the bot is in too many guilds for one unsharded session";
            case INVALID_API_VERSION -> "the gateway does not accept API version " + GatewayUrl.API_VERSION;
            case INVALID_INTENTS -> "the intents value " + intents + " is not valid";
            case DISALLOWED_INTENTS -> privilegedIntentsAdvice(intents);
            default -> description.toLowerCase(Locale.ROOT);
        };
    }

    private static String privilegedIntentsAdvice(int intents) {
        List<String> names = GatewayIntents.privilegedNames(intents);
        String which = names.isEmpty() ? "privileged" : "privileged " + String.join(" and ", names);
        String noun = names.size() > 1 ? "intents" : "intent";
        return "enable the " + which + " " + noun
                + " for the bot in the Discord developer portal, Bot page";
    }
}

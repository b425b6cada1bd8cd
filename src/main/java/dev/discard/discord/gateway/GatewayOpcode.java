package dev.discard.discord.gateway;

/**
 * The gateway opcodes: the {@code op} of every payload. Payloads with an opcode not listed here are recorded and
 * otherwise ignored.
 *
 * @see <a href="https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-opcodes">Gateway
 *     Opcodes</a>
 */
public enum GatewayOpcode {
    /** Receive: an event was dispatched; {@code t} names it and {@code s} is its sequence number. */
    DISPATCH(0),
    /** Send and receive: a heartbeat; Discord may ask for one at any time. */
    HEARTBEAT(1),
    /** Send: starts a new session. */
    IDENTIFY(2),
    PRESENCE_UPDATE(3),
    VOICE_STATE_UPDATE(4),
    /** Send: resumes a session that was disconnected. */
    RESUME(6),
    /** Receive: reconnect and resume at once. */
    RECONNECT(7),
    REQUEST_GUILD_MEMBERS(8),
    /** Receive: the session is invalid; {@code d} says whether it may be resumed. */
    INVALID_SESSION(9),
    /** Receive: the first payload of a connection, with the {@code heartbeat_interval} in milliseconds. */
    HELLO(10),
    /** Receive: a heartbeat was received. */
    HEARTBEAT_ACK(11),
    REQUEST_SOUNDBOARD_SOUNDS(31);

    private final int code;

    GatewayOpcode(int code) {
        this.code = code;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** The opcode with this number, or null for one this client does not know. */
    public static GatewayOpcode of(int code) {
        for (GatewayOpcode op : values()) {
            if (op.code == code) return op;
        }
        return null;
    }
}

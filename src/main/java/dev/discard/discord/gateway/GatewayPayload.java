package dev.discard.discord.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One received payload, parsed: {@code op}, {@code d}, {@code s}, {@code t} in whatever order they came. Immutable.
 *
 * @param op the opcode number, or -1 when the frame was not a JSON object with an integer {@code op}
 * @param d the event data: any JSON value, {@code null}, or a missing node
 * @param s the sequence number, or null ({@code s} is null when {@code op} is not 0)
 * @param t the event name, or null
 * @see <a href="https://discord.com/developers/docs/events/gateway-events#payload-structure">Payload Structure</a>
 */
record GatewayPayload(int op, JsonNode d, Long s, String t) {
    static final GatewayPayload UNREADABLE = new GatewayPayload(-1, MissingNode.getInstance(), null, null);

    /** Parses a text frame; text that is not a payload gives {@link #UNREADABLE}. */
    static GatewayPayload parse(ObjectMapper mapper, String text) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return UNREADABLE;
        }
        JsonNode op = root.path("op");
        if (!op.isIntegralNumber() || !op.canConvertToInt()) return UNREADABLE;
        JsonNode s = root.path("s");
        JsonNode t = root.path("t");
        return new GatewayPayload(op.intValue(), root.path("d"),
                s.isIntegralNumber() ? s.longValue() : null, t.isTextual() ? t.textValue() : null);
    }

    /** The opcode, or null for one this client does not know. */
    GatewayOpcode opcode() {
        return GatewayOpcode.of(op);
    }

    /** For logs: op, event and sequence, never the data (it may be megabytes). */
    String summary() {
        return "op " + op + (t != null ? " " + t : "") + (s != null ? " s=" + s : "");
    }
}

package dev.discard.discord.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.discord.Token;
import java.io.UncheckedIOException;

/**
 * Writes the payloads this client sends: IDENTIFY, RESUME and HEARTBEAT. IDENTIFY and RESUME carry the token in
 * clear, as the gateway requires; the frame recorder hands them to the sink as sent, and the sink scrubs.
 *
 * @see <a href="https://discord.com/developers/docs/events/gateway-events#send-events">Send Events</a>
 */
final class SendEvents {
    private final ObjectMapper mapper;

    SendEvents(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** IDENTIFY; {@code intents} null leaves the field out, as user accounts identify. */
    String identify(Token token, ConnectionProperties properties, Integer intents) {
        ObjectNode d = mapper.createObjectNode();
        d.put("token", token.secret());
        d.putObject("properties")
                .put("os", properties.os())
                .put("browser", properties.browser())
                .put("device", properties.device());
        if (intents != null) d.put("intents", intents);
        return payload(GatewayOpcode.IDENTIFY, d);
    }

    String resume(Token token, String sessionId, long seq) {
        ObjectNode d = mapper.createObjectNode().put("token", token.secret()).put("session_id", sessionId).put("seq", seq);
        return payload(GatewayOpcode.RESUME, d);
    }

    /** HEARTBEAT with the last sequence number received, or {@code null} before any. */
    String heartbeat(Long lastSeq) {
        ObjectNode payload = mapper.createObjectNode().put("op", GatewayOpcode.HEARTBEAT.code());
        if (lastSeq == null) {
            payload.putNull("d");
        } else {
            payload.put("d", lastSeq);
        }
        return write(payload);
    }

    private String payload(GatewayOpcode op, ObjectNode d) {
        ObjectNode payload = mapper.createObjectNode().put("op", op.code());
        payload.set("d", d);
        return write(payload);
    }

    private String write(ObjectNode payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of strings and numbers always serializes
        }
    }
}

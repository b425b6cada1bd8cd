package dev.discard.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/**
 * Discord's answer to one request: status, the evidence headers, and the body bytes exactly as received. The body is
 * parsed only on demand, from the same bytes the archive recorded.
 */
public final class ApiResponse {
    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;
    private final ObjectMapper mapper;
    private final Object scanned;
    private JsonNode json;

    /** @param scanned what the request's {@link JsonScan.Reader} read of the body, or null when it is not JSON */
    ApiResponse(int status, Map<String, String> headers, byte[] body, ObjectMapper mapper, Object scanned) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.mapper = mapper;
        this.scanned = scanned;
    }

    /** What the reader the request was sent with read of the body, or null when the body is not one JSON value. */
    Object scanned() {
        return scanned;
    }

    public int status() {
        return status;
    }

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** A header by lower-case name, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    public byte[] body() {
        return body;
    }

    /** The body as JSON; a missing node when it is empty or not JSON. */
    public JsonNode json() {
        if (json == null) {
            try {
                JsonNode node = body.length == 0 ? null : mapper.readTree(body);
                json = node != null ? node : mapper.missingNode();
            } catch (IOException e) {
                json = mapper.missingNode();
            }
        }
        return json;
    }

    /**
     * The body as JSON, which must be of the given shape.
     *
     * @throws DiscordApiException when the status is not 2xx
     * @throws UnexpectedResponseException when a 2xx body is not the JSON the caller needs (wrong server, broken
     *     proxy)
     */
    public JsonNode require(String what, boolean array) {
        if (!isSuccessful()) throw new DiscordApiException(what, this);
        JsonNode node = json();
        if (array ? !node.isArray() : !node.isObject()) {
            throw unexpected(what, array, node.isMissingNode() ? "no JSON" : node.getNodeType().toString().toLowerCase(),
                    status);
        }
        return node;
    }

    static UnexpectedResponseException unexpected(String what, boolean array, String was, int status) {
        return new UnexpectedResponseException(what + ": expected a JSON " + (array ? "array" : "object") + " but was "
                + was + " (HTTP " + status + ")");
    }

    /** Discord's JSON error {@code code}, or null. */
    public Integer errorCode() {
        JsonNode code = json().get("code");
        return code != null && code.canConvertToInt() && !code.isTextual() ? code.intValue() : null;
    }

    /** Discord's JSON error {@code message}, or null. */
    public String errorMessage() {
        JsonNode message = json().get("message");
        return message != null && message.isTextual() ? message.textValue() : null;
    }
}

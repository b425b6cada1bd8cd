package dev.discard.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Removes the token from text bound for disk or the console. With {@code --no-scrub} it lets everything through.
 * Immutable.
 *
 * <p>In JSON (meta files, records) only string values are scrubbed: never keys, numbers, {@code true}, {@code false}
 * or {@code null}, so a file stays valid JSON of the same shape whatever the token is (a token {@code e} would
 * otherwise turn {@code true} into {@code tru[SCRUBBED]}). Keys are Discord's field names and discard's own, which no
 * real token is.
 */
public final class Scrubber {
    public static final String MARK = "[SCRUBBED]";
    private static final Scrubber NONE = new Scrubber(null);
    private static final JsonFactory JSON = new JsonFactory();

    private final String secret;
    private final byte[] secretUtf8;
    /** The secret as it reads inside a JSON string, when that differs (a {@code "} or {@code \} in it); else null. */
    private final byte[] secretInJson;

    private Scrubber(String secret) {
        this.secret = secret == null || secret.isEmpty() ? null : secret;
        this.secretUtf8 = this.secret == null ? null : this.secret.getBytes(StandardCharsets.UTF_8);
        byte[] quoted = this.secret == null ? null : JsonStringEncoder.getInstance().quoteAsUTF8(this.secret);
        this.secretInJson = quoted == null || Arrays.equals(quoted, secretUtf8) ? null : quoted;
    }

    /** A scrubber for {@code secret}; with {@code noScrub}, one that changes nothing. */
    public static Scrubber of(String secret, boolean noScrub) {
        return noScrub ? NONE : new Scrubber(secret);
    }

    public boolean finds(String text) {
        return secret != null && text != null && text.contains(secret);
    }

    /** Whether UTF-8 bytes hold the secret. */
    public boolean finds(byte[] utf8) {
        return finds(utf8, 0, utf8.length);
    }

    /** Whether {@code utf8[from, to)} holds the secret, as it is or as it is written inside a JSON string. */
    public boolean finds(byte[] utf8, int from, int to) {
        if (secret == null) return false;
        return contains(utf8, from, to, secretUtf8) || secretInJson != null && contains(utf8, from, to, secretInJson);
    }

    private static boolean contains(byte[] utf8, int from, int to, byte[] wanted) {
        int last = to - wanted.length;
        int i = from;
        while (i <= last && (i = ByteScan.indexOf(utf8, i, last + 1, wanted[0])) >= 0) {
            if (Arrays.equals(utf8, i, i + wanted.length, wanted, 0, wanted.length)) return true;
            i++;
        }
        return false;
    }

    public String scrub(String text) {
        return finds(text) ? text.replace(secret, MARK) : text;
    }

    /** Scrubs the string values of a JSON tree in place (arrays and objects, at any depth); keys stay as they are. */
    public void scrubValues(JsonNode node) {
        if (secret == null) return;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual()) {
                    if (finds(field.getValue().textValue())) field.setValue(TextNode.valueOf(scrub(field.getValue().textValue())));
                } else {
                    scrubValues(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isTextual()) {
                    if (finds(item.textValue())) array.set(i, TextNode.valueOf(scrub(item.textValue())));
                } else {
                    scrubValues(item);
                }
            }
        }
    }

    /**
     * One JSON text (a record line) with the secret replaced in its string values; every other character stays as it
     * was. The same instance when no value holds the secret. Text that is not JSON is scrubbed as text.
     */
    public String scrubJsonValues(String json) {
        if (!finds(json) && (secretInJson == null || !json.contains(new String(secretInJson, StandardCharsets.UTF_8)))) {
            return json;
        }
        StringBuilder out = null;
        int copied = 0;
        try (JsonParser p = JSON.createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.VALUE_STRING) continue;
                int start = (int) p.currentTokenLocation().getCharOffset();
                String value = p.getText();
                if (!finds(value)) continue;
                int end = (int) p.currentLocation().getCharOffset();
                if (out == null) out = new StringBuilder(json.length());
                out.append(json, copied, start).append('"')
                        .append(JsonStringEncoder.getInstance().quoteAsString(scrub(value))).append('"');
                copied = end;
            }
        } catch (IOException e) {
            return scrub(json);
        }
        if (out == null) return json;
        return out.append(json, copied, json.length()).toString();
    }
}

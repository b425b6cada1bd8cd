package dev.discard.discord;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * The one pass over a response body: it decides whether the body is exactly one JSON value in strict UTF-8 (which the
 * archive then embeds as it is, see {@link HttpExchange#bodyJson}) and, in the same pass, reads what the caller needs
 * from it. Bodies are read as bytes; no text copy of the body and no tree of it is made.
 */
public final class JsonScan {
    /** Reads what the caller needs from a parser at the body's first token, leaving it past the value's last token. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(JsonParser parser) throws IOException;
    }

    /** Checks and reads nothing. */
    public static final Reader<Boolean> CHECK = parser -> {
        parser.skipChildren();
        return Boolean.TRUE;
    };

    private final JsonFactory factory;

    /**
     * @param factory the project's JSON configuration (its limits decide what counts as JSON); field names stay
     *     canonicalized, since without it Jackson reads bytes through a decoding Reader instead of its UTF-8 byte
     *     parser (a profile showed the decoder near the top), but they are not {@code String.intern()}ed
     */
    public JsonScan(JsonFactory factory) {
        this.factory = factory.copy().enable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES);
    }

    /** What {@code reader} read, or null when the body is not exactly one JSON value in strict UTF-8. */
    public <T> T scan(byte[] body, Reader<T> reader) {
        // A zero byte among the first four would make the parser guess UTF-16 or UTF-32; as UTF-8 it is never JSON.
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) return null;
        }
        if (!StrictUtf8.isValid(body)) return null;
        try (JsonParser parser = factory.createParser(body)) {
            if (parser.nextToken() == null) return null;
            T value = reader.read(parser);
            return parser.nextToken() == null ? value : null;
        } catch (IOException e) {
            return null;
        }
    }
}

package dev.discard.discord;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.discard.format.JsonCursor;
import dev.discard.format.StrictUtf8;
import java.io.IOException;

/**
 * The one pass over a response body: it decides whether the body is exactly one JSON value in strict UTF-8 (which the
 * archive then embeds as it is, see {@link HttpExchange#bodyJson}) and, in the same pass, reads what the caller needs
 * from it. Bodies are read as bytes; no text copy of the body and no tree of it is made.
 *
 * <p>The pass is made with a {@link JsonCursor} first; a body it does not vouch for (not JSON, or a shape the reader
 * leaves to Jackson) is read again with Jackson's streaming parser, which then decides.
 */
public final class JsonScan {
    /** Reads what the caller needs from a body, the same way from a Jackson parser and from a cursor. */
    public interface Reader<T> {
        /** From a parser at the body's first token, leaving it past the value's last token. */
        T read(JsonParser parser) throws IOException;

        /**
         * From a cursor at the body's start, leaving it past the value; the same result as {@link #read(JsonParser)}
         * would give, or {@link JsonCursor.Unreadable} to leave the body to it.
         */
        default T read(JsonCursor cursor) throws JsonCursor.Unreadable {
            throw cursor.unreadable("read with Jackson only");
        }
    }

    /** Checks and reads nothing. */
    public static final Reader<Boolean> CHECK = new Reader<>() {
        @Override
        public Boolean read(JsonParser parser) throws IOException {
            parser.skipChildren();
            return Boolean.TRUE;
        }

        @Override
        public Boolean read(JsonCursor cursor) throws JsonCursor.Unreadable {
            cursor.skipValue();
            return Boolean.TRUE;
        }
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

    /**
     * What a scan found. Immutable.
     *
     * @param value what the reader read, or null when the body is not exactly one JSON value in strict UTF-8
     * @param oneLine true when the body is JSON without a line break byte anywhere, so that it goes into a record's
     *     line as it is; false when it has one, or was not looked at that closely
     */
    public record Scanned<T>(T value, boolean oneLine) {}

    /** What {@code reader} read, or null when the body is not exactly one JSON value in strict UTF-8. */
    public <T> T scan(byte[] body, Reader<T> reader) {
        return scanBody(body, reader).value();
    }

    /** As {@link #scan}, saying too whether the body is all on one line. */
    public <T> Scanned<T> scanBody(byte[] body, Reader<T> reader) {
        JsonCursor cursor = new JsonCursor(body);
        try {
            T value = reader.read(cursor);
            cursor.end();
            // Raw line breaks are not allowed inside JSON strings: any there were stood between tokens.
            return new Scanned<>(value, !cursor.sawLineBreaks());
        } catch (JsonCursor.Unreadable e) {
            return new Scanned<>(scanWithJackson(body, reader), false);
        }
    }

    /** As {@link #scan}, with Jackson alone: what the cursor's answers are held to. */
    <T> T scanWithJackson(byte[] body, Reader<T> reader) {
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

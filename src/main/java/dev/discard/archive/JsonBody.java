package dev.discard.archive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.discard.format.ByteScan;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decides how a response body goes into a record without re-serializing it: a body that is one valid JSON value is
 * kept as its own text, with only line breaks between tokens (which JSON cannot have inside strings) turned into
 * spaces so the record stays on one line. Anything else is text.
 */
final class JsonBody {
    private final JsonFactory factory;

    JsonBody(JsonFactory factory) {
        // Validation only skips through the tokens: interning field names would be work for nothing (a profile showed
        // it as the top frame of archiving).
        this.factory = factory.copy().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES);
    }

    /** The body's JSON text, ready to embed as a raw value, or null when it is not exactly one JSON value. */
    String asRawJson(String text) {
        if (text == null || text.isBlank()) return null;
        try (JsonParser parser = factory.createParser(withoutBom(text))) {
            if (parser.nextToken() == null) return null;
            parser.skipChildren();
            if (parser.nextToken() != null) return null;
        } catch (IOException e) {
            return null;
        }
        return embeddable(text);
    }

    /** Text known to be one JSON value, ready to embed: without its byte order mark, and on one line. */
    static String embeddable(String text) {
        String json = withoutBom(text);
        return json.indexOf('\n') < 0 && json.indexOf('\r') < 0 ? json : json.replace('\r', ' ').replace('\n', ' ');
    }

    /** Bytes known to be one JSON value in UTF-8, written as {@link #embeddable} would make them. */
    static void writeEmbeddable(byte[] json, OutputStream out) throws IOException {
        int bom = bomLength(json);
        int from = bom;
        int i;
        while ((i = ByteScan.indexOfEither(json, from, json.length, (byte) '\n', (byte) '\r')) >= 0) {
            out.write(json, from, i - from);
            out.write(' ');
            from = i + 1;
        }
        out.write(json, from, json.length - from);
    }

    /** Whether bytes known to be one JSON value hold an array: '[' after any byte order mark and white space. */
    static boolean isArray(byte[] json) {
        int i = bomLength(json);
        while (i < json.length && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r')) i++;
        return i < json.length && json[i] == '[';
    }

    private static int bomLength(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
    }

    private static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** The bytes as UTF-8, or null when they are not valid UTF-8. */
    static String strictUtf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

}

package dev.discard.read;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.JsonCursor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses one line of an exchange log into an {@link ArchiveRecord} in a single streaming pass. Unknown keys are
 * skipped, so records of newer or older archivers read alike. The {@code data} value is either handed to a
 * {@link DataVisitor} or skipped, its position kept for {@link ArchiveRecord#data()}.
 *
 * <p>A line is read from its bytes with a {@link CursorRecordParser} first; one the cursor does not vouch for is
 * read again with Jackson's streaming parser, whose reading is the reference and which reports what is wrong.
 */
final class RecordParser {
    private final ObjectMapper mapper;

    RecordParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws JsonParseException when the line is not one JSON object */
    ArchiveRecord parse(Path file, long line, long offset, byte[] source, DataVisitor visitor) throws IOException {
        try {
            return CursorRecordParser.parse(file, line, offset, source, mapper, visitor);
        } catch (JsonCursor.Unreadable e) {
            return parseWithJackson(file, line, offset, source, visitor);
        }
    }

    /** As {@link #parse}, with Jackson alone: what the cursor's records are held to. */
    ArchiveRecord parseWithJackson(Path file, long line, long offset, byte[] source, DataVisitor visitor)
            throws IOException {
        ArchiveRecord r = new ArchiveRecord(file, line, offset, source, mapper);
        try (JsonParser p = mapper.getFactory().createParser(source)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "expected a JSON object but was " + describe(p.currentToken()));
            }
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken value = p.nextToken();
                switch (field) {
                    case "type" -> r.type = textOf(p);
                    case "datetime" -> r.datetime = textOf(p);
                    case "datetime_start" -> r.datetimeStart = textOf(p);
                    case "datetime_end" -> r.datetimeEnd = textOf(p);
                    case "direction" -> r.direction = textOf(p);
                    case "scrubbed" -> r.scrubbed = value == JsonToken.VALUE_TRUE;
                    case "error" -> r.error = value == JsonToken.VALUE_NULL ? null : valueText(p);
                    case "request" -> request(p, r);
                    case "response" -> response(p, r, visitor);
                    case "data" -> data(p, r, visitor);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "expected the end of the line after the record but found more data");
            }
        }
        return r;
    }

    private void request(JsonParser p, ArchiveRecord r) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        r.hasRequest = true;
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            switch (field) {
                case "method" -> r.method = textOf(p);
                case "url" -> r.url = textOf(p);
                case "params" -> {
                    if (value == JsonToken.START_OBJECT) r.params = params(p);
                    else p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
    }

    private static Map<String, String> params(JsonParser p) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            if (value.isScalarValue()) {
                if (value != JsonToken.VALUE_NULL) params.put(field, p.getText());
            } else {
                p.skipChildren();
            }
        }
        return params;
    }

    private void response(JsonParser p, ArchiveRecord r, DataVisitor visitor) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        r.hasResponse = true;
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            switch (field) {
                case "status" -> r.status = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                case "text" -> r.text = textOf(p);
                case "headers" -> {
                    if (value == JsonToken.START_OBJECT) r.headers = params(p);
                    else p.skipChildren();
                }
                case "body_base64" -> r.bodyBase64 = textOf(p);
                case "data" -> data(p, r, visitor);
                default -> p.skipChildren();
            }
        }
    }

    private static void data(JsonParser p, ArchiveRecord r, DataVisitor visitor) throws IOException {
        r.dataStart = (int) p.currentTokenLocation().getByteOffset();
        if (visitor != null && visitor.wants(r)) {
            r.visited = visitor.visit(r, p);
        } else {
            p.skipChildren();
        }
        if (p.currentToken().isScalarValue()) p.finishToken(); // strings are read lazily
        r.dataEnd = (int) p.currentLocation().getByteOffset();
    }

    private static String textOf(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t.isScalarValue()) return p.getText();
        p.skipChildren();
        return null;
    }

    private String valueText(JsonParser p) throws IOException {
        if (p.currentToken().isScalarValue()) return p.getText();
        return mapper.readTree(p).toString();
    }

    private static String describe(JsonToken t) {
        if (t == null) return "nothing";
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}

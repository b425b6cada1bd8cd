package dev.discard.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Small steps for reading Discord's objects from a streaming {@link JsonParser} without building a tree: each field
 * of an object, each object of an array, one scalar. Values of an unexpected shape are skipped, never an error: the
 * archive keeps them as they came, and readers take what they understand.
 */
public final class JsonStream {
    private JsonStream() {}

    /** Reads one field's value; the parser stands on the value and must be left at its end. */
    @FunctionalInterface
    public interface FieldReader {
        void read(String field, JsonParser p) throws IOException;
    }

    /** Reads one object of an array; the parser stands on its START_OBJECT and must be left at its END_OBJECT. */
    @FunctionalInterface
    public interface ObjectReader {
        void read() throws IOException;
    }

    /** Each field of the object the parser stands on; a value that is not an object is skipped. */
    public static void eachField(JsonParser p, FieldReader reader) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            reader.read(field, p);
        }
    }

    /** Each object of the array the parser stands on; other elements, or a value that is no array, are skipped. */
    public static void eachObject(JsonParser p, ObjectReader reader) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (t == JsonToken.START_OBJECT) reader.read();
            else p.skipChildren();
        }
    }

    /** The scalar the parser stands on as text; null for null, and for an object or array (which is skipped). */
    public static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t.isScalarValue()) return p.getText();
        p.skipChildren();
        return null;
    }

    /** The text of one scalar field of the object the parser stands on; the object is consumed. */
    public static String field(JsonParser p, String name) throws IOException {
        String[] value = {null};
        eachField(p, (field, q) -> {
            if (field.equals(name)) value[0] = text(q);
            else q.skipChildren();
        });
        return value[0];
    }
}

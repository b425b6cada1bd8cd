package dev.discard.read;

import static dev.discard.format.JsonCursor.ascii;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.JsonCursor;
import dev.discard.format.JsonCursor.Unreadable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a record's envelope as {@link RecordParser} reads it with Jackson, from the line's bytes with a
 * {@link JsonCursor}: the same fields from the same values. A line it does not vouch for (damaged, or a value of a
 * shape the Jackson reading treats in its own way) is {@link Unreadable}, and {@link RecordParser} reads it with
 * Jackson, which reports what is wrong.
 */
final class CursorRecordParser {
    private static final byte[] TYPE = ascii("type");
    private static final byte[] DATA = ascii("data");
    private static final byte[] ERROR = ascii("error");
    private static final byte[] REQUEST = ascii("request");
    private static final byte[] DATETIME = ascii("datetime");
    private static final byte[] SCRUBBED = ascii("scrubbed");
    private static final byte[] RESPONSE = ascii("response");
    private static final byte[] DIRECTION = ascii("direction");
    private static final byte[] DATETIME_END = ascii("datetime_end");
    private static final byte[] DATETIME_START = ascii("datetime_start");
    private static final byte[] METHOD = ascii("method");
    private static final byte[] URL = ascii("url");
    private static final byte[] PARAMS = ascii("params");
    private static final byte[] STATUS = ascii("status");
    private static final byte[] TEXT = ascii("text");
    private static final byte[] HEADERS = ascii("headers");
    private static final byte[] BODY_BASE64 = ascii("body_base64");

    private CursorRecordParser() {}

    static ArchiveRecord parse(Path file, long line, long offset, byte[] source, ObjectMapper mapper,
            DataVisitor visitor) throws Unreadable {
        ArchiveRecord r = new ArchiveRecord(file, line, offset, source, mapper);
        JsonCursor c = new JsonCursor(source);
        c.beginObject();
        while (c.nextField()) {
            if (c.nameIs(TYPE)) {
                r.type = c.text();
            } else if (c.nameIs(DATA)) {
                data(c, r, visitor);
            } else if (c.nameIs(REQUEST)) {
                request(c, r);
            } else if (c.nameIs(RESPONSE)) {
                response(c, r, visitor);
            } else if (c.nameIs(DATETIME)) {
                r.datetime = c.text();
            } else if (c.nameIs(DATETIME_START)) {
                r.datetimeStart = c.text();
            } else if (c.nameIs(DATETIME_END)) {
                r.datetimeEnd = c.text();
            } else if (c.nameIs(DIRECTION)) {
                r.direction = c.text();
            } else if (c.nameIs(SCRUBBED)) {
                r.scrubbed = scalarIs(c, 't');
            } else if (c.nameIs(ERROR)) {
                if (isContainer(c.peek())) throw c.unreadable("an error that Jackson writes out as JSON");
                r.error = c.scalarText();
            } else {
                c.skipValue();
            }
        }
        c.end();
        return r;
    }

    private static void request(JsonCursor c, ArchiveRecord r) throws Unreadable {
        if (!c.enterObject()) return;
        r.hasRequest = true;
        while (c.nextField()) {
            if (c.nameIs(METHOD)) {
                r.method = c.text();
            } else if (c.nameIs(URL)) {
                r.url = c.text();
            } else if (c.nameIs(PARAMS)) {
                if (c.enterObject()) r.params = params(c);
            } else {
                c.skipValue();
            }
        }
    }

    /** The fields of the object the cursor has entered. */
    private static Map<String, String> params(JsonCursor c) throws Unreadable {
        Map<String, String> params = new LinkedHashMap<>();
        while (c.nextField()) {
            if (isContainer(c.peek())) {
                c.skipValue();
                continue;
            }
            String name = c.name();
            String value = c.scalarText();
            if (value != null) params.put(name, value);
        }
        return params;
    }

    private static void response(JsonCursor c, ArchiveRecord r, DataVisitor visitor) throws Unreadable {
        if (!c.enterObject()) return;
        r.hasResponse = true;
        while (c.nextField()) {
            if (c.nameIs(STATUS)) {
                r.status = status(c);
            } else if (c.nameIs(TEXT)) {
                r.text = c.text();
            } else if (c.nameIs(HEADERS)) {
                if (c.enterObject()) r.headers = params(c);
            } else if (c.nameIs(BODY_BASE64)) {
                r.bodyBase64 = c.text();
            } else if (c.nameIs(DATA)) {
                data(c, r, visitor);
            } else {
                c.skipValue();
            }
        }
    }

    /** An integer status as Jackson's {@code getIntValue}; null for other scalars. */
    private static Integer status(JsonCursor c) throws Unreadable {
        int first = c.peek();
        if (first == '-' || (first >= '0' && first <= '9')) return c.intValue();
        scalarIs(c, 't');
        return null;
    }

    private static void data(JsonCursor c, ArchiveRecord r, DataVisitor visitor) throws Unreadable {
        c.peek();
        r.dataStart = c.position();
        if (visitor != null && visitor.wants(r)) {
            r.visited = visitor.visit(r, c);
        } else {
            c.skipValue();
        }
        r.dataEnd = c.position();
    }

    /**
     * Whether the next value, a scalar, starts with {@code first}; the Jackson reading leaves an object or array here
     * unread, which only it can follow.
     */
    private static boolean scalarIs(JsonCursor c, char first) throws Unreadable {
        int value = c.peek();
        if (isContainer(value)) throw c.unreadable("a container where a scalar is read");
        c.skipValue();
        return value == first;
    }

    private static boolean isContainer(int first) {
        return first == '{' || first == '[';
    }
}

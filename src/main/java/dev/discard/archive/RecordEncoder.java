package dev.discard.archive;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.discard.discord.HttpExchange;
import dev.discard.discord.WsFrame;
import dev.discard.format.ApiRoute;
import dev.discard.format.Scrubber;
import dev.discard.format.Timestamps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Encodes exchanges as the one-line JSON records of DESIGN.md. Bodies are embedded as received (see
 * {@link JsonBody}); the finished line's string values are scrubbed of the token (keys and structure never), and a
 * scrubbed record says so with {@code "scrubbed": true}. Thread-safe.
 */
final class RecordEncoder {
    private final JsonFactory factory;
    private final JsonBody jsonBody;
    private final Scrubber scrubber;

    RecordEncoder(JsonFactory factory, Scrubber scrubber) {
        this.factory = factory;
        this.jsonBody = new JsonBody(factory);
        this.scrubber = scrubber;
    }

    /** The type of an HTTP record that is not a completed exchange with a 2xx JSON answer (DESIGN.md, Records). */
    static final String HTTP_ATTEMPT = "http_attempt";

    String http(HttpExchange x) {
        return new String(httpLine(x), StandardCharsets.UTF_8);
    }

    /** The record as UTF-8 bytes: a body the client checked goes in as the bytes it received, never decoded. */
    byte[] httpLine(HttpExchange x) {
        Line line = httpRecord(x);
        return Arrays.copyOf(line.bytes(), line.length());
    }

    /**
     * A record line being built, read in place: a page's record is written once into a buffer sized for it, not
     * grown and copied (those copies were half the archiver's allocation).
     */
    static final class Line extends ByteArrayOutputStream {
        Line(int size) {
            super(size);
        }

        /** The line is {@code bytes()[0, length())}. */
        byte[] bytes() {
            return buf;
        }

        int length() {
            return count;
        }
    }

    /** Buffers up to this size are kept for the thread's next record; a rare larger one is left to the collector. */
    private static final int KEPT_BUFFER = 1 << 20;
    /**
     * Each thread's line buffer, used again for its next record: a fresh one per page was a third of the archiver's
     * allocation, and as many young collections.
     */
    private final ThreadLocal<Line> spare = new ThreadLocal<>();

    /** As {@link #httpLine}, in a buffer of its own. */
    Line httpRecord(HttpExchange x) {
        Line line = new Line(sizeEstimate(x));
        encode(x, line);
        return scrubbed(line);
    }

    /**
     * As {@link #httpRecord}, in the calling thread's buffer: valid until the thread's next call, so the caller writes
     * it out at once and keeps nothing of it.
     */
    Line httpRecordInPlace(HttpExchange x) {
        int size = sizeEstimate(x);
        Line line = spare.get();
        if (line == null || line.bytes().length < size) {
            line = new Line(size);
            if (size <= KEPT_BUFFER) spare.set(line);
        } else {
            line.reset();
        }
        encode(x, line);
        return scrubbed(line);
    }

    private void encode(HttpExchange x, Line line) {
        // A body the client checked already (bodyJson not null) is not checked again.
        boolean checkedJson = x.status() != null && x.bodyJson() == Boolean.TRUE;
        String text = x.status() == null || checkedJson ? null : JsonBody.strictUtf8(x.body());
        String raw = text == null || x.bodyJson() != null ? null : jsonBody.asRawJson(text);
        boolean exchange = (checkedJson || raw != null) && x.status() >= 200 && x.status() < 300
                // Discard's reader takes any http record of a messages URL for a list of messages.
                && (!ApiRoute.isMessages(x.url(), null) || JsonBody.isArray(x.body()));
        try (JsonGenerator g = factory.createGenerator(line, JsonEncoding.UTF8)) {
            g.writeStartObject();
            // "http" keeps Discard's meaning (its reader iterates response.data of every one): a 2xx JSON answer.
            g.writeStringField("type", exchange ? "http" : HTTP_ATTEMPT);
            g.writeStringField("datetime_start", Timestamps.isoMicros(x.start()));
            g.writeStringField("datetime_end", Timestamps.isoMicros(x.end()));
            g.writeObjectFieldStart("request");
            g.writeStringField("method", x.method());
            g.writeStringField("url", x.url());
            g.writeObjectFieldStart("params");
            for (Map.Entry<String, Object> param : x.params().entrySet()) {
                g.writeFieldName(param.getKey());
                writeScalar(g, param.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            if (x.status() == null) {
                g.writeStringField("error", x.error());
            } else {
                g.writeObjectFieldStart("response");
                g.writeNumberField("status", x.status());
                g.writeObjectFieldStart("headers");
                for (Map.Entry<String, String> header : x.headers().entrySet()) {
                    g.writeStringField(header.getKey(), header.getValue());
                }
                g.writeEndObject();
                writeBody(g, x, line, checkedJson, text, raw);
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Line scrubbed(Line line) {
        if (!scrubber.finds(line.bytes(), 0, line.length())) return line;
        byte[] scrubbed = scrubbed(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        Line result = new Line(scrubbed.length);
        result.write(scrubbed, 0, scrubbed.length);
        return result;
    }

    /** Enough for the record of a body that goes in as it is (text escaped as JSON may need more: it grows). */
    private static int sizeEstimate(HttpExchange x) {
        int size = 512 + x.body().length + (x.url() == null ? 0 : x.url().length());
        if (x.headers() != null) {
            for (Map.Entry<String, String> header : x.headers().entrySet()) {
                size += header.getKey().length() + header.getValue().length() + 8;
            }
        }
        return size + (x.params() == null ? 0 : 48 * x.params().size());
    }

    String ws(WsFrame frame) {
        StringWriter line = new StringWriter(128 + frame.text().length());
        try (JsonGenerator g = factory.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("type", "ws");
            g.writeStringField("datetime", Timestamps.isoMicros(frame.time()));
            g.writeStringField("direction", frame.direction().wireName());
            String raw = frame.direction() == WsFrame.Direction.RECV ? jsonBody.asRawJson(frame.text()) : null;
            if (raw != null) {
                g.writeFieldName("data");
                g.writeRawValue(raw);
            } else {
                g.writeStringField("data", frame.text());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scrubbed(line.toString());
    }

    /**
     * JSON bodies as their value under {@code data}; others as {@code text}, with the bytes kept if not UTF-8. A body
     * the client already checked ({@link HttpExchange#bodyJson}) is not checked again.
     */
    private static void writeBody(JsonGenerator g, HttpExchange x, ByteArrayOutputStream line, boolean checkedJson,
            String text, String raw) throws IOException {
        byte[] body = x.body();
        if (checkedJson) {
            g.writeFieldName("data");
            g.writeRawValue(""); // the separator; the value follows as bytes, straight into the line
            g.flush();
            if (x.bodyOneLine()) line.write(body, 0, body.length);
            else JsonBody.writeEmbeddable(body, line);
            return;
        }
        if (raw != null) {
            g.writeFieldName("data");
            g.writeRawValue(raw);
        } else if (text != null) {
            g.writeStringField("text", text);
        } else {
            g.writeStringField("text", new String(body, StandardCharsets.UTF_8));
            g.writeStringField("body_base64", Base64.getEncoder().encodeToString(body));
        }
    }

    private static void writeScalar(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Long l) g.writeNumber(l);
        else if (value instanceof Integer i) g.writeNumber(i);
        else if (value instanceof Boolean b) g.writeBoolean(b);
        else if (value instanceof java.math.BigInteger b) g.writeNumber(b);
        else if (value == null) g.writeNull();
        else g.writeString(value.toString());
    }

    /** The line with the token out of its string values, marked {@code "scrubbed": true} when any held it. */
    private String scrubbed(String line) {
        String clean = scrubber.scrubJsonValues(line);
        if (clean == line) return line;
        return clean.substring(0, clean.length() - 1) + ",\"scrubbed\":true}";
    }
}

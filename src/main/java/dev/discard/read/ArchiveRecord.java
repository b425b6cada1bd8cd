package dev.discard.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * One line of an exchange log, parsed as far as its envelope: the record's type, times, request and response status.
 * The {@code data} value is kept as the bytes of the line and parsed on demand by {@link #data()}. Immutable.
 *
 * <p>Archives of the Python Discard have no {@code status}: {@link #effectiveStatus()} reads a missing status of a
 * record that has a response as 200.
 */
public final class ArchiveRecord {
    final Path file;
    final long line;
    final long offset;
    final byte[] source;
    final ObjectMapper mapper;
    String type;
    String datetime;
    String datetimeStart;
    String datetimeEnd;
    String direction;
    String method;
    String url;
    Map<String, String> params = Map.of();
    boolean hasRequest;
    boolean hasResponse;
    Integer status;
    /** {@code response.headers} as recorded, values as text; empty when none. */
    Map<String, String> headers = Map.of();
    String text;
    String bodyBase64;
    String error;
    boolean scrubbed;
    /** The data value is source[dataStart, dataEnd); both -1 when the record has none. */
    int dataStart = -1;
    int dataEnd = -1;
    /** What the {@link DataVisitor} made of the data in the envelope's pass; null when it did not visit. */
    Object visited;

    ArchiveRecord(Path file, long line, long offset, byte[] source, ObjectMapper mapper) {
        this.file = file;
        this.line = line;
        this.offset = offset;
        this.source = source;
        this.mapper = mapper;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number in the file. */
    public long line() {
        return line;
    }

    /** Byte offset of the line in the decompressed file. */
    public long offset() {
        return offset;
    }

    /** The line exactly as stored, without its newline. Do not modify. */
    public byte[] source() {
        return source;
    }

    /** {@code "http"}, {@code "http_attempt"}, {@code "ws"}, or whatever the record says; null when it says nothing. */
    public String type() {
        return type;
    }

    /**
     * Whether it records an HTTP attempt: {@code "http"} (a completed exchange with a 2xx JSON answer, as in
     * Discard) or {@code "http_attempt"} (every other attempt: an error status, a body that is not JSON, no answer).
     * Runs of discard before 1.0.0 wrote every attempt as {@code "http"}.
     */
    public boolean isHttp() {
        return "http".equals(type) || "http_attempt".equals(type);
    }

    public boolean isWs() {
        return "ws".equals(type);
    }

    /** A ws record's {@code datetime}: with a UTC offset, or naive local time in Python Discard archives. */
    public String datetime() {
        return datetime;
    }

    public String datetimeStart() {
        return datetimeStart;
    }

    public String datetimeEnd() {
        return datetimeEnd;
    }

    /** {@code "send"} or {@code "recv"} for ws records. */
    public String direction() {
        return direction;
    }

    public String method() {
        return method;
    }

    /** The request URL without query string, API version as recorded ({@code /api/v7/}, {@code /api/v10/}, …). */
    public String url() {
        return url;
    }

    /** The query parameters, scalar values as text ({@code "100"}, {@code "0"}); empty when none. */
    public Map<String, String> params() {
        return params;
    }

    public String param(String name) {
        return params.get(name);
    }

    public boolean hasRequest() {
        return hasRequest;
    }

    public boolean hasResponse() {
        return hasResponse;
    }

    /** The recorded HTTP status; null when no response arrived or the archive did not record one. */
    public Integer status() {
        return status;
    }

    /** The status, 200 for a response without one (Python Discard recorded only successes); null without response. */
    public Integer effectiveStatus() {
        if (status != null) return status;
        return hasResponse ? Integer.valueOf(200) : null;
    }

    public boolean isSuccess() {
        Integer s = effectiveStatus();
        return s != null && s >= 200 && s < 300;
    }

    /** The response headers the archive kept ({@code response.headers}), in recorded order; empty when none. */
    public Map<String, String> headers() {
        return headers;
    }

    /** {@code response.body_base64}: the bytes of a body that was not UTF-8, in base64; null when none. */
    public String bodyBase64() {
        return bodyBase64;
    }

    /** A response body that was not JSON. */
    public String text() {
        return text;
    }

    /** Why an attempt got no response. */
    public String error() {
        return error;
    }

    /** Whether the archiver replaced the token in this record by {@code [SCRUBBED]}. */
    public boolean scrubbed() {
        return scrubbed;
    }

    public boolean hasData() {
        return dataStart >= 0;
    }

    /** Where the data value starts in {@link #source()}; -1 when the record has none. */
    public int dataOffset() {
        return dataStart;
    }

    /** The length in bytes of the data value in {@link #source()}; -1 when the record has none. */
    public int dataLength() {
        return hasData() ? dataEnd - dataStart : -1;
    }

    /** The data value's bytes as stored: {@code response.data} of http records, {@code data} of ws records. */
    public String dataJson() {
        return hasData() ? new String(source, dataStart, dataEnd - dataStart, java.nio.charset.StandardCharsets.UTF_8)
                : null;
    }

    /** The data value parsed into a tree; null when the record has none. */
    public JsonNode data() {
        if (!hasData()) return null;
        try {
            return mapper.readTree(source, dataStart, dataEnd - dataStart);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the span parsed once already
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + type + (url != null ? " " + method + " " + url : "");
    }
}

package dev.discard.export.warc;

import dev.discard.format.Timestamps;
import dev.discard.read.ArchiveRecord;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;

/**
 * One recorded HTTP attempt ({@code http} or {@code http_attempt}) as WARC records: a {@code request}, a
 * {@code response} when an answer came, and a {@code metadata} record that refers to the request and says what the
 * HTTP messages cannot (the record's type and source line, its end time, why there was no answer, scrubbing). See
 * docs/warc.md for every field.
 *
 * <p>The response body is the body as recorded: the bytes of {@code response.data} exactly as they stand in the log
 * line (Discord's JSON, byte for byte in meaning: the archiver keeps its escapes, number spellings and key order), the
 * bytes of {@code response.body_base64} when the archive kept a body that was not UTF-8, else {@code response.text} in
 * UTF-8.
 */
final class HttpExchangeRecords {
    /** Headers that describe the body on the wire, not the body as recorded: replaced or left out. */
    private static final Set<String> WIRE_HEADERS = Set.of("content-length", "content-encoding", "transfer-encoding");
    private static final MediaType JSON = MediaType.parse("application/json");

    private HttpExchangeRecords() {}

    /**
     * The WARC-Target-URI of an attempt: its URL (scrubbed) and query.
     *
     * @throws URISyntaxException when the URL is not a URI
     */
    static URI target(ArchiveRecord r, Secrets secrets) throws URISyntaxException {
        return TargetUri.of(secrets.scrub(r.url()), scrubbed(r.params(), secrets));
    }

    /**
     * The records of one attempt that names a URL, in writing order. Any thread: {@code sha1} is the caller's.
     *
     * @param target {@link #target} of the record
     */
    static List<WarcRecord> of(ArchiveRecord r, URI target, String source, Secrets secrets, URI warcinfo, Sha1 sha1)
            throws IOException {
        Instant start = time(r.datetimeStart(), r.datetimeEnd());
        String method = r.method() != null ? r.method() : "GET";
        UUID requestId = UUID.randomUUID();
        UUID responseId = r.hasResponse() ? UUID.randomUUID() : null;

        HttpRequest http = new HttpRequest.Builder(method, target).build();
        byte[] requestBlock = http.serializeHeader();
        WarcRequest.Builder request = new WarcRequest.Builder(target).version(MessageVersion.WARC_1_1)
                .recordId(requestId).date(start).warcinfoId(warcinfo)
                .body(MediaType.HTTP_REQUEST, requestBlock)
                .blockDigest(sha1.of(requestBlock, 0, requestBlock.length));
        if (responseId != null) request.setHeader("WARC-Concurrent-To", idField(responseId));
        List<WarcRecord> records = new ArrayList<>(3);
        records.add(request.build());

        Map<String, List<String>> notes = new LinkedHashMap<>();
        note(notes, "discard-record-type", r.type());
        note(notes, "discard-source", source);
        note(notes, "datetime-start", r.datetimeStart());
        note(notes, "datetime-end", r.datetimeEnd());
        if (r.error() != null) note(notes, "error", secrets.scrub(r.error()));
        if (r.scrubbed()) note(notes, "scrubbed", "true: the archiver replaced the token by [SCRUBBED]");
        if (responseId != null) {
            Body body = body(r, secrets);
            if (body.scrubbed) note(notes, "export-scrubbed", "a token in the body was replaced by [SCRUBBED]");
            if (r.status() == null) {
                note(notes, "status", "not recorded (an archive of the Python Discard, which recorded successes"
                        + " only): written as 200");
            }
            records.add(response(r, target, responseId, requestId, start, body, warcinfo, secrets, notes, sha1));
        } else {
            note(notes, "response", "none: the attempt got no answer");
        }
        records.add(new WarcMetadata.Builder().version(MessageVersion.WARC_1_1).targetURI(target).date(start)
                .warcinfoId(warcinfo).setHeader("WARC-Refers-To", idField(requestId)).fields(notes).build());
        return records;
    }

    private static WarcResponse response(ArchiveRecord r, URI target, UUID id, UUID requestId, Instant start,
            Body body, URI warcinfo, Secrets secrets, Map<String, List<String>> notes, Sha1 sha1) throws IOException {
        int status = r.effectiveStatus();
        HttpResponse.Builder http = new HttpResponse.Builder(status, ReasonPhrases.of(status));
        boolean contentType = false;
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (Secrets.isCredentialHeader(name) || WIRE_HEADERS.contains(name) || h.getValue() == null) continue;
            http.addHeader(h.getKey(), secrets.scrub(h.getValue()));
            contentType |= name.equals("content-type");
        }
        if (!contentType && body.json) {
            http.addHeader("Content-Type", JSON.toString());
            note(notes, "content-type", "not recorded: application/json added for the JSON body");
        }
        http.body(null, new ByteSliceChannel(body.bytes, body.offset, body.length), body.length);
        HttpResponse message = http.build();
        byte[] header = message.serializeHeader();
        return new WarcResponse.Builder(target).version(MessageVersion.WARC_1_1).recordId(id).date(start)
                .warcinfoId(warcinfo).setHeader("WARC-Concurrent-To", idField(requestId))
                .body(MediaType.HTTP_RESPONSE, message)
                .payloadDigest(sha1.of(body.bytes, body.offset, body.length))
                .blockDigest(sha1.of(header, body.bytes, body.offset, body.length))
                .build();
    }

    /** The body as recorded: {@code bytes[offset, offset + length)}. */
    private record Body(byte[] bytes, int offset, int length, boolean json, boolean scrubbed) {}

    private static Body body(ArchiveRecord r, Secrets secrets) {
        if (r.hasData()) {
            byte[] source = r.source();
            int from = r.dataOffset();
            int to = from + r.dataLength();
            if (secrets.finds(source, from, to)) {
                byte[] clean = secrets.scrub(source, from, to);
                return new Body(clean, 0, clean.length, true, true);
            }
            return new Body(source, from, to - from, true, false);
        }
        byte[] bytes;
        if (r.bodyBase64() != null) {
            bytes = Base64.getDecoder().decode(r.bodyBase64());
        } else if (r.text() != null) {
            bytes = r.text().getBytes(StandardCharsets.UTF_8);
        } else {
            bytes = new byte[0];
        }
        if (secrets.finds(bytes, 0, bytes.length)) {
            byte[] clean = secrets.scrub(bytes, 0, bytes.length);
            return new Body(clean, 0, clean.length, false, true);
        }
        return new Body(bytes, 0, bytes.length, false, false);
    }

    private static Map<String, String> scrubbed(Map<String, String> params, Secrets secrets) {
        Map<String, String> clean = new LinkedHashMap<>();
        params.forEach((k, v) -> clean.put(secrets.scrub(k), secrets.scrub(v)));
        return clean;
    }

    /** The first of the times that parses; the epoch when none does (a record that lost its times). */
    static Instant time(String... candidates) {
        for (String c : candidates) {
            if (c == null) continue;
            try {
                return Timestamps.parse(c);
            } catch (RuntimeException e) {
                // the next one
            }
        }
        return Instant.EPOCH;
    }

    static void note(Map<String, List<String>> fields, String name, String value) {
        if (value != null) fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    static URI id(UUID uuid) {
        return URI.create("urn:uuid:" + uuid);
    }

    /**
     * {@code <urn:uuid:…>}, a record id as a header names it: written as text, as parsing it into a {@link URI} for
     * jwarc to print again was a good part of the cost of a small record.
     */
    static String idField(UUID uuid) {
        return "<urn:uuid:" + uuid + ">";
    }
}

package dev.discard.export.warc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.read.RecordProblem;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;

/**
 * One line of a run's {@code media.jsonl} as WARC records. The media store keeps a download's bytes and content type
 * but not its HTTP response (status line and headers), so a stored file is a {@code resource} record, never a
 * {@code response}: its target is the source URL as {@code media.jsonl} keys it (without the CDN's signature
 * parameters), its type the recorded {@code content_type}. A {@code metadata} record follows with the rest of the line.
 * A failed download is a {@code metadata} record alone.
 */
final class MediaRecords {
    private static final String[] FIELDS = {"kind", "status", "http_status", "message_id", "channel_id", "guild_id",
        "name", "sha256", "size", "fetched_url", "refreshed", "error"};

    private final ObjectMapper mapper;
    private final Sha1 sha1 = new Sha1();

    MediaRecords(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The records of one line; empty (and a problem reported) when the line is damaged or names a lost file. */
    List<WarcRecord> of(Path runDir, Path manifest, long lineNumber, String line, String source, Secrets secrets,
            URI warcinfo, Consumer<RecordProblem> problems) throws IOException {
        JsonNode entry;
        try {
            entry = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            problems.accept(RecordProblem.ofLine(manifest, lineNumber, -1, "not a valid JSON line: "
                    + e.getOriginalMessage()));
            return List.of();
        }
        String url = text(entry, "url");
        if (url == null) {
            problems.accept(RecordProblem.ofLine(manifest, lineNumber, -1, "a media line without url"));
            return List.of();
        }
        URI target;
        try {
            target = TargetUri.of(secrets.scrub(url), Map.of());
        } catch (URISyntaxException e) {
            problems.accept(RecordProblem.ofLine(manifest, lineNumber, -1, "not a URL: " + e.getMessage()));
            return List.of();
        }
        Instant date = HttpExchangeRecords.time(text(entry, "datetime"));
        Map<String, List<String>> notes = new LinkedHashMap<>();
        HttpExchangeRecords.note(notes, "discard-record-type", "media");
        HttpExchangeRecords.note(notes, "discard-source", source + ":" + lineNumber);
        for (String field : FIELDS) HttpExchangeRecords.note(notes, field, secrets.scrub(text(entry, field)));
        List<WarcRecord> records = new ArrayList<>(2);
        String file = text(entry, "file");
        Path stored = file != null ? runDir.resolve(file).normalize() : null;
        WarcMetadata.Builder metadata = new WarcMetadata.Builder().version(MessageVersion.WARC_1_1).targetURI(target)
                .date(date).warcinfoId(warcinfo);
        if (stored != null && Files.isRegularFile(stored)) {
            UUID id = UUID.randomUUID();
            long size = Files.size(stored);
            WarcDigest digest = sha1.of(stored);
            String type = text(entry, "content_type");
            FileChannel body = FileChannel.open(stored);
            records.add(new WarcResource.Builder(target).version(MessageVersion.WARC_1_1).recordId(id).date(date)
                    .warcinfoId(warcinfo).body(mediaType(type), body, size).blockDigest(digest)
                    .payloadDigest(digest).build());
            HttpExchangeRecords.note(notes, "response", "not kept by the media store: the bytes and their type only");
            metadata.setHeader("WARC-Refers-To", HttpExchangeRecords.idField(id));
        } else if (stored != null) {
            problems.accept(RecordProblem.ofLine(manifest, lineNumber, -1, "media file " + file
                    + " is missing from the media store"));
            HttpExchangeRecords.note(notes, "file", "missing from the media store: " + file);
        }
        records.add(metadata.fields(notes).build());
        return records;
    }

    private static MediaType mediaType(String type) {
        if (type == null) return MediaType.OCTET_STREAM;
        try {
            return MediaType.parse(type);
        } catch (IllegalArgumentException e) {
            return MediaType.OCTET_STREAM;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        return v.isValueNode() ? v.asText() : v.toString();
    }
}

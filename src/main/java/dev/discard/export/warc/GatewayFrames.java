package dev.discard.export.warc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.format.Timestamps;
import dev.discard.read.ArchiveRecord;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;

/**
 * Gateway frames as WARC records. There is no standard for websockets in WARC; this follows the Webrecorder proposal
 * (iipc/warc-specifications#115, as browsertrix-crawler implements it): a {@code resource} record whose target is the
 * {@code wss://} URL and whose block is JSON Lines, one message per line with {@code ts} (seconds after the record's
 * WARC-Date), {@code type} ({@code send} or {@code recv}) and the {@code cdp} form of a frame ({@code opcode},
 * {@code mask}, {@code payloadData}); discard adds {@code datetime}, the frame's time as recorded.
 *
 * <p>Each unbroken sequence of {@code ws} records of a log becomes one resource record, written where the sequence
 * ends, so the WARC keeps the archive's order. Frames are spooled to a temporary file (memory stays flat however long
 * the session) and digested as they are spooled. A {@code metadata} record follows each resource: where the frames
 * come from, and how the WARC-Date was found when the frames' times are naive local times (the Python Discard).
 */
final class GatewayFrames implements Closeable {
    static final MediaType JSONL = MediaType.parse("application/jsonl");
    private static final JsonFactory JSON = new JsonFactory();

    private final Path spool;
    private final FileChannel channel;
    private final MessageDigest digest;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private long frames;
    private Instant first;
    private String firstText;
    private boolean naive;
    private String source;
    private long firstLine;
    private long lastLine;

    GatewayFrames(Path directory) throws IOException {
        this.spool = Files.createTempFile(directory, ".discard-frames-", ".jsonl");
        spool.toFile().deleteOnExit();
        this.channel = FileChannel.open(spool, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            this.digest = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    boolean isEmpty() {
        return frames == 0;
    }

    /**
     * Spools one {@code ws} record.
     *
     * @param known the time to date the records by when this first frame's time is naive: that of the last record
     *     before it with a UTC time
     */
    void add(ArchiveRecord r, String file, Secrets secrets, Instant known) throws IOException {
        Instant at = HttpExchangeRecords.time(r.datetime());
        if (frames == 0) {
            naive = r.datetime() != null && Timestamps.isNaive(r.datetime());
            first = naive ? known : at;
            firstText = r.datetime();
            source = file;
            firstLine = r.line();
        }
        lastLine = r.line();
        Instant base = naive ? HttpExchangeRecords.time(firstText) : first;
        boolean sent = "send".equals(r.direction());
        line.reset();
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeNumberField("ts", seconds(Duration.between(base, at)));
            g.writeStringField("type", sent ? "send" : "recv");
            g.writeStringField("format", "cdp");
            g.writeNumberField("opcode", 1);
            g.writeBooleanField("mask", sent);
            g.writeStringField("payloadData", payload(r, sent, secrets));
            g.writeStringField("datetime", r.datetime());
            g.writeEndObject();
        }
        line.write('\n');
        byte[] bytes = line.toByteArray();
        digest.update(bytes);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) channel.write(buffer);
        frames++;
    }

    /** The frame's text: a sent frame's exact string, a received frame's JSON value as recorded. */
    private static String payload(ArchiveRecord r, boolean sent, Secrets secrets) {
        if (!r.hasData()) return "";
        if (sent) {
            JsonNode data = r.data();
            return secrets.scrubSentFrame(data.isTextual() ? data.textValue() : data.toString());
        }
        return secrets.scrub(new String(r.source(), r.dataOffset(), r.dataLength(), StandardCharsets.UTF_8));
    }

    private static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).stripTrailingZeros();
    }

    /**
     * The spooled frames as a resource record and its metadata record; empty when none are spooled. The records read
     * the spool: write them before the next {@link #add}.
     */
    List<WarcRecord> drain(URI target, URI warcinfo) throws IOException {
        if (frames == 0) return List.of();
        long size = channel.position();
        channel.position(0);
        UUID id = UUID.randomUUID();
        WarcDigest block = new WarcDigest(digest);
        WarcResource resource = new WarcResource.Builder(target).version(MessageVersion.WARC_1_1)
                .recordId(id).date(first).warcinfoId(warcinfo)
                .setHeader("WARC-Resource-Type", "websocket")
                .body(JSONL, new Unclosing(channel), size)
                .blockDigest(block).payloadDigest(block).build();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        HttpExchangeRecords.note(notes, "discard-record-type", "ws");
        HttpExchangeRecords.note(notes, "discard-source", source + ":" + firstLine + "-" + lastLine);
        HttpExchangeRecords.note(notes, "frames", Long.toString(frames));
        if (naive) {
            HttpExchangeRecords.note(notes, "datetime", "naive local time as the Python Discard recorded it; WARC-Date"
                    + " is the time of the last record before the frames, ts counts from the first frame");
        }
        WarcMetadata metadata = new WarcMetadata.Builder().version(MessageVersion.WARC_1_1).targetURI(target)
                .date(first).warcinfoId(warcinfo).setHeader("WARC-Refers-To", "<urn:uuid:" + id + ">")
                .fields(notes).build();
        frames = 0;
        return new ArrayList<>(List.of(resource, metadata));
    }

    /** Empties the spool after its records were written. */
    void reset() throws IOException {
        channel.truncate(0);
        channel.position(0);
        digest.reset();
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** The spool as a record body, which jwarc may close without closing the spool. */
    private static final class Unclosing implements java.nio.channels.ReadableByteChannel {
        private final FileChannel channel;

        Unclosing(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return channel.read(dst);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }
}

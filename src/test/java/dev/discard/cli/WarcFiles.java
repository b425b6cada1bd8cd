package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.LogFile;
import dev.discard.read.LogParts;
import dev.discard.read.RunDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;

/**
 * A WARC read back record by record with jwarc's reader, and what it must hold checked against the archive's lines
 * read independently of the export (Jackson on each line).
 */
final class WarcFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One record as read: type, target, headers, block. */
    record Read(String type, String target, Map<String, List<String>> headers, Map<String, List<String>> httpHeaders,
            byte[] payload, Integer status) {}

    private WarcFiles() {}

    /** Every record, each block digest checked against the block and each payload digest against the payload. */
    static List<Read> read(Path warc) throws Exception {
        List<Read> records = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            reader.calculateBlockDigest();
            for (WarcRecord r : reader) {
                assertEquals("WARC/1.1", r.version().toString(), "version of " + r);
                assertTrue(r.blockDigest().isPresent() || r instanceof Warcinfo || r instanceof WarcMetadata,
                        "block digest of " + r);
                byte[] payload = null;
                Integer status = null;
                Map<String, List<String>> http = Map.of();
                String target = null;
                if (r instanceof WarcResponse response) {
                    status = response.http().status();
                    http = response.http().headers().map();
                    payload = response.http().body().stream().readAllBytes();
                    assertEquals(response.payloadDigest().orElseThrow(), sha1(payload), "payload digest of " + r);
                    target = response.target();
                } else if (r instanceof WarcResource resource) {
                    payload = resource.body().stream().readAllBytes();
                    target = resource.target();
                } else if (r instanceof WarcRequest request) {
                    target = request.target();
                    request.body().consume();
                } else {
                    if (r instanceof WarcMetadata m) target = m.target();
                    payload = r.body().stream().readAllBytes();
                }
                if (r.blockDigest().isPresent()) {
                    assertEquals(r.blockDigest().get(), r.calculatedBlockDigest().orElseThrow(), "block digest of " + r);
                }
                records.add(new Read(r.type(), target, r.headers().map(), http, payload, status));
            }
        }
        return records;
    }

    static WarcDigest sha1(byte[] bytes) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-1");
        d.update(bytes);
        return new WarcDigest(d);
    }

    /** The decompressed bytes of a gzip file of many members. */
    static String text(Path gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** An HTTP record of the archive: its target as the WARC must rebuild it and its body as the line holds it. */
    record Attempt(String target, boolean answered, String line, JsonNode record) {}

    /** The HTTP records of the runs, in the order the archive holds them, read with Jackson line by line. */
    static List<Attempt> attempts(List<Path> runs) throws IOException {
        List<Attempt> attempts = new ArrayList<>();
        for (Path run : runs) {
            RunDirectory dir = RunDirectory.open(run);
            List<LogParts> logs = new ArrayList<>();
            logs.add(dir.runLog());
            for (RunDirectory.GuildFolder guild : dir.guilds()) {
                logs.add(guild.guildLog());
                for (RunDirectory.ChannelFiles channel : guild.channels()) logs.add(channel.log());
            }
            for (LogParts log : logs) {
                for (LogFile file : log.files()) {
                    String content;
                    try (InputStream in = file.open()) {
                        content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    for (String line : content.split("\n")) {
                        if (line.isBlank()) continue;
                        JsonNode r;
                        try {
                            r = MAPPER.readTree(line);
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            continue; // a damaged line, which the export reports and leaves out
                        }
                        String type = r.path("type").asText();
                        if (!type.equals("http") && !type.equals("http_attempt")) continue;
                        attempts.add(new Attempt(target(r.path("request")), r.has("response"), line, r));
                    }
                }
            }
        }
        return attempts;
    }

    private static String target(JsonNode request) {
        StringBuilder b = new StringBuilder(request.path("url").asText());
        char separator = '?';
        for (Iterator<Map.Entry<String, JsonNode>> it = request.path("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            b.append(separator).append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.getValue().asText(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return b.toString();
    }

    /**
     * Every attempt of the runs is one request record, in order; every answered one a response whose body is the
     * recorded body: the bytes of response.data as they stand in the line (or response.text).
     */
    static void assertEveryAttemptOnce(List<Read> records, List<Path> runs) throws Exception {
        List<Attempt> attempts = attempts(runs);
        List<Read> requests = records.stream().filter(r -> r.type().equals("request")).toList();
        List<Read> responses = records.stream().filter(r -> r.type().equals("response")).toList();
        assertEquals(attempts.stream().map(Attempt::target).toList(), requests.stream().map(Read::target).toList());
        List<Attempt> answered = attempts.stream().filter(Attempt::answered).toList();
        assertEquals(answered.size(), responses.size());
        for (int i = 0; i < answered.size(); i++) {
            Attempt a = answered.get(i);
            Read response = responses.get(i);
            assertEquals(a.target(), response.target());
            String body = new String(response.payload(), StandardCharsets.UTF_8);
            JsonNode recorded = a.record().path("response");
            if (recorded.has("data")) {
                assertTrue(a.line().contains("\"data\":" + body) || a.line().contains("\"data\": " + body),
                        "the body is the bytes of response.data in the line: " + body);
                assertEquals(recorded.get("data"), MAPPER.readTree(body));
            } else {
                assertEquals(recorded.path("text").asText(""), body);
            }
            assertEquals(recorded.path("status").asInt(200), response.status());
            assertEquals(List.of(Integer.toString(response.payload().length)),
                    headerOf(response, "Content-Length"), "Content-Length of the body as recorded");
            assertFalse(a.line().isEmpty());
        }
    }

    /** The HTTP headers of a response record's message. */
    private static List<String> headerOf(Read response, String name) {
        return response.httpHeaders().getOrDefault(name, List.of());
    }
}

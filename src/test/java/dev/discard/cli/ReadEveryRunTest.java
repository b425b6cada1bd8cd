package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** read, summary and verify on what a run leaves: ranges, truncated gzip logs, a reader that goes away. */
class ReadEveryRunTest extends FakeDiscordTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readPrintsTheRunsRangeAndAllOfItWithAll() throws Exception {
        assertEquals(0, run("--after", "2021-02-02T12:00:00", "--before", "2021-02-02T14:00:00", "channel",
                Long.toString(Fixtures.GENERAL)).exitCode);
        Path channel = ArchiveFiles.onlyRun(out).resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL);
        int inMeta = ArchiveFiles.meta(Path.of(channel + ".meta.json")).path("summary").path("num_messages").asInt();
        CliRun ranged = CliRun.run(Map.of(), "read", "--json", channel.toString());
        assertEquals(0, ranged.exitCode, ranged.toString());
        assertEquals(inMeta, ranged.out.lines().count(), "the run's range, as its meta file counts it");
        CliRun all = CliRun.run(Map.of(), "read", "--all", "--json", channel.toString());
        assertTrue(all.out.lines().count() > inMeta, "the last page reaches past the range: " + all.out.lines().count());
        long after = (Instant.parse("2021-02-02T12:00:00Z").toEpochMilli() - 1420070400000L) << 22;
        long before = (Instant.parse("2021-02-02T14:00:00Z").toEpochMilli() - 1420070400000L) << 22;
        for (String line : ranged.out.lines().toList()) {
            long id = MAPPER.readTree(line).get("id").asLong();
            assertTrue(id > after && id < before, line);
        }
    }

    @Test
    void aTruncatedGzipLogGivesEveryMessageZcatRecovers() throws Exception {
        damagesFiles = true;
        Fixtures.fill(discord, discord.channel(Fixtures.GENERAL), discord.self(), Instant.parse("2022-01-01T00:00:00Z"),
                1_200);
        assertEquals(0, run("--gzip", "channel", Long.toString(Fixtures.GENERAL)).exitCode);
        Path runDir = ArchiveFiles.onlyRun(out);
        Path channel = runDir.resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL);
        Path log = Path.of(channel + ".jsonl.gz");
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.setLength(file.length() * 9 / 10);
        }
        int recovered = messagesZcatRecovers(log);
        assertTrue(recovered > 1_000 && recovered < 1_200 + Fixtures.GENERAL_MESSAGES, "recovered " + recovered);

        CliRun read = CliRun.run(Map.of(), "read", "--json", channel.toString());
        assertEquals(1, read.exitCode, "damage is reported: " + read.err);
        assertEquals(recovered, read.out.lines().count());
        assertTrue(read.err.contains("truncated gzip stream"), read.err);

        CliRun summary = CliRun.run(Map.of(), "summary", "--json", out.toString());
        assertEquals(recovered, MAPPER.readTree(summary.out).path("runs").get(0).path("messages").asInt(),
                summary.toString());
        CliRun verify = CliRun.run(Map.of(), "verify", runDir.toString());
        assertEquals(1, verify.exitCode, "a truncated last part that nothing continued is damage");
        assertTrue(verify.out.contains(", " + recovered + " messages"), verify.out);
    }

    @Test
    void readExitsZeroQuietlyWhenItsOutputPipeCloses() throws Exception {
        assertEquals(0, run("channel", Long.toString(Fixtures.GENERAL)).exitCode);
        Path channel = ArchiveFiles.onlyRun(out).resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL);
        OutputStream head = new OutputStream() { // `| head -c 100`: the pipe closes after a few lines
            int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 100) throw new IOException("Broken pipe");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(head, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run("read", channel.toString());
        assertEquals(0, code);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    /** What {@code zcat} prints of a cut gzip file: every byte inflated before the cut; its complete lines. */
    private static int messagesZcatRecovers(Path log) throws IOException {
        ByteArrayOutputStream inflated = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(log))) {
            byte[] buffer = new byte[1]; // byte by byte: nothing inflated is lost to a larger read that fails
            int n;
            while ((n = in.read(buffer)) > 0) inflated.write(buffer, 0, n);
        } catch (EOFException e) {
            // the cut
        }
        String text = inflated.toString(StandardCharsets.UTF_8);
        Set<String> ids = new HashSet<>();
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            JsonNode r = MAPPER.readTree(line);
            if (!r.path("type").asText().equals("http")
                    || !r.path("request").path("url").asText().endsWith("/channels/" + Fixtures.GENERAL + "/messages")) {
                continue;
            }
            for (JsonNode m : r.path("response").path("data")) ids.add(m.get("id").asText());
        }
        return ids.size();
    }
}

package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.fake.Fixtures;
import dev.discard.read.PythonExampleAccess;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import dev.discard.testing.OriginalDiscard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * Compatible both ways with the original Discard: its reader and summary read our runs (see {@link OriginalDiscard};
 * every {@link FakeDiscordTest} also holds its runs to that), and our tools read its runs, mistakes undone.
 */
class OriginalDiscardContractTest extends FakeDiscordTest {
    private static final List<Long> ARCHIVED = List.of(Fixtures.GENERAL, Fixtures.ANNOUNCEMENTS, Fixtures.REOPENED);

    @Test
    void itsReaderPrintsEveryMessageOfAGzippedGuildRunWithRetriedFaults() throws Exception {
        discord.faults(0.15, 14, 0);
        discord.scriptRaw("/channels/" + Fixtures.GENERAL + "/messages", new MockResponse().setResponseCode(502)
                .setHeader("Content-Type", "text/html").setBody("<html><body>502 Bad Gateway</body></html>"));
        discord.channel(Fixtures.VOICE).historyForbidden();
        CliRun run = run("--gzip", "guild", Long.toString(Fixtures.GUILD_ID));
        assertTrue(run.exitCode == 0 || run.exitCode == ExitCode.PARTIAL, run.toString());
        Path guild = ArchiveFiles.onlyRun(out).resolve(Long.toString(Fixtures.GUILD_ID));
        for (long channel : ARCHIVED) {
            assertEquals(discord.standardIds(channel), OriginalDiscard.readChat(guild.resolve(Long.toString(channel))),
                    "channel " + channel);
        }
        long attempts = 0;
        for (Path log : ArchiveFiles.allFiles(guild)) {
            if (!log.toString().endsWith(".jsonl.gz")) continue;
            for (JsonNode r : ArchiveFiles.records(log)) {
                if (!r.path("type").asText().equals("http_attempt")) continue;
                attempts++;
                int status = r.path("response").path("status").asInt(0);
                assertTrue(r.has("error") || status < 200 || status >= 300 || !r.path("response").has("data"),
                        "an attempt that is not a 2xx JSON answer: " + r);
            }
        }
        assertTrue(attempts > 2, "faults and the 403 were recorded, under their own type: " + attempts);
        // Our own tools read both types.
        for (long channel : ARCHIVED) {
            CliRun read = CliRun.run(Map.of(), "read", "--json", guild.resolve(Long.toString(channel)).toString());
            assertEquals(discord.standardIds(channel).size(), read.out.lines().count(), read.toString());
        }
        CliRun verify = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "verify", guild.getParent().toString());
        assertTrue(verify.out.lines().reduce((a, b) -> b).orElse("").startsWith("OK: 1 run"), verify.out);
    }

    @Test
    void itsSummaryCountsOurRunsWithTheirRangesTheRightWayRound() throws Exception {
        assertEquals(0, run("guild", Long.toString(Fixtures.GUILD_ID)).exitCode);
        Path full = ArchiveFiles.onlyRun(out);
        JsonNode client = ArchiveFiles.meta(full.resolve("run.meta.json")).path("client");
        assertEquals("java", client.path("implementation").asText(), "our runs say they are ours by a field");
        assertTrue(client.path("version").asText().compareTo("0.3.3") >= 0, "not below '0.3.3' as a string");
        CliRun ranged = run("--after", "2021-02-02T12:00:00", "--before", "2021-02-02T14:00:00", "guild",
                Long.toString(Fixtures.GUILD_ID));
        assertEquals(0, ranged.exitCode, ranged.toString());

        List<OriginalDiscard.Range> runs = OriginalDiscard.summary(out);
        assertEquals(2, runs.size());
        OriginalDiscard.Range whole = runs.stream().filter(r -> r.run().equals(full)).findFirst().orElseThrow();
        assertEquals("0000-00-00T00:00:00", whole.after());
        OriginalDiscard.Range part = runs.stream().filter(r -> !r.run().equals(full)).findFirst().orElseThrow();
        assertTrue(part.after().startsWith("2021-02-02T12:00:00"), part.toString());
        assertTrue(part.before().startsWith("2021-02-02T14:00:00"), part.toString());
        assertTrue(part.channels().containsAll(ARCHIVED.stream().map(String::valueOf).toList()), part.toString());
    }

    @Test
    void aPython032RunHasItsSwappedRangeUndoneByOurSummary() throws Exception {
        Path old = PythonExampleAccess.write(out.resolve("old"));
        Path metaFile = old.resolve("run.meta.json");
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode meta = (ObjectNode) mapper.readTree(metaFile.toFile());
        ((ObjectNode) meta.get("client")).put("version", "0.3.2");
        // As every Discard below 0.3.3 wrote them: --before under "after", --after under "before".
        ((ObjectNode) meta.get("settings")).put("after", "2021-02-01T17:00:00").put("before", "2021-01-01T00:00:00");
        Files.writeString(metaFile, mapper.writeValueAsString(meta));

        CliRun summary = CliRun.run(Map.of(), "summary", "--json", out.resolve("old").toString());
        assertEquals(0, summary.exitCode, summary.toString());
        JsonNode run = mapper.readTree(summary.out).path("runs").get(0);
        assertTrue(run.path("python_discard").asBoolean());
        assertEquals("2021-01-01T00:00:00+00:00", run.path("after").asText());
        assertEquals("2021-02-01T17:00:00+00:00", run.path("before").asText());
        assertEquals(6, run.path("messages").asInt(), "the example's messages lie in the undone range");

        ((ObjectNode) meta.get("client")).put("version", "0.3.10");
        ((ObjectNode) meta.get("settings")).put("after", "2021-01-01T00:00:00").put("before", "2021-02-01T17:00:00");
        Files.writeString(metaFile, mapper.writeValueAsString(meta));
        JsonNode fixed = mapper.readTree(CliRun.run(Map.of(), "summary", "--json", old.toString()).out)
                .path("runs").get(0);
        assertEquals("2021-01-01T00:00:00+00:00", fixed.path("after").asText(), "0.3.10 is not below 0.3.3");
        assertFalse(fixed.path("before").isNull());
    }
}

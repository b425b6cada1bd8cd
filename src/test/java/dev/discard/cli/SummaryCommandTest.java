package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.read.PythonExampleAccess;
import dev.discard.read.SummarizerAccess;
import dev.discard.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {
    @TempDir Path tmp;

    Path archive() throws Exception {
        Path out = tmp.resolve("out");
        SummarizerAccess.javaRun(out, "20210110T000000_guild", "2021-01-10T00:00:00+00:00", null,
                "2021-01-05T00:00:00+00:00", true, "2021-01-02", "2021-01-03");
        SummarizerAccess.javaRun(out, "20210120T000000_guild", "2021-01-20T00:00:00+00:00",
                "2021-01-12T00:00:00+00:00", null, true, "2021-01-13");
        SummarizerAccess.javaRun(out, "20210121T000000_guild", "2021-01-21T00:00:00+00:00",
                "2021-01-05T00:00:00+00:00", "2021-01-12T00:00:00+00:00", false, "2021-01-06");
        PythonExampleAccess.write(out.resolve("old"));
        return out;
    }

    @Test
    void printsRunsChannelsAndGapsAndWarnsAboutSkippedRuns() throws Exception {
        Path out = archive();
        CliRun run = CliRun.run(Map.of(), "summary", out.toString());
        assertEquals(0, run.exitCode, run.err);
        assertEquals("discard: warning: skipped " + out.resolve("20210121T000000_guild") + ": run not completed"
                + " (DiscordException: 500 Internal Server Error)\n", run.err);
        String text = run.out;
        assertTrue(text.startsWith("Runs: 3 completed, 1 skipped (not completed or unreadable)\n"), text);
        assertTrue(text.contains("  20210110T000000_guild  guild  all history until 2021-01-05 00:00:00  2 messages"
                + " in 1 channel\n"), text);
        assertTrue(text.contains("  old/20210201T174740_guild  guild  all history until 2021-02-01 17:47:40"
                + "  6 messages in 2 channels  (Python Discard 0.1.0)\n"), text);
        assertTrue(text.contains("Guild Discard Test Server (id 805808489695150180): 3 channels, 9 messages\n"), text);
        assertTrue(text.contains("    gap: 2021-01-05 00:00:00 to 2021-01-12 00:00:00 (7 days)\n"
                + "    archived until 2021-01-20 00:00:00\n"), text);
        assertTrue(text.contains("  #general (id 805808489695150183): 5 messages in 1 run, 2021-02-01 14:35:33 to"
                + " 2021-02-01 14:37:12\n    no gaps; archived until 2021-02-01 17:47:40\n"), text);
        assertTrue(text.endsWith("Total: 3 runs, 1 guild, 3 channels, 9 messages, 1 gap\n"), text);
    }

    @Test
    void jsonIsMachineReadable() throws Exception {
        Path out = archive();
        CliRun run = CliRun.run(Map.of(), "summary", "--json", out.toString());
        assertEquals(0, run.exitCode);
        JsonNode root = new ObjectMapper().readTree(run.out);
        assertEquals(3, root.get("runs").size());
        assertEquals(1, root.get("skipped_runs").size());
        assertEquals(9, root.at("/totals/messages").asInt());
        JsonNode channel = root.at("/guilds/0/channels/0");
        assertEquals(SummarizerAccess.CHANNEL, channel.get("id").asText());
        assertEquals(3, channel.get("messages").asInt());
        assertEquals("2021-01-05T00:00:00+00:00", channel.at("/gaps/0/from").asText());
        assertEquals("2021-01-12T00:00:00+00:00", channel.at("/gaps/0/to").asText());
        assertEquals(7 * 86400, channel.at("/gaps/0/seconds").asLong());
        assertEquals("2021-01-20T00:00:00+00:00", channel.get("covered_until").asText());
        assertTrue(channel.at("/covered/0/from").isNull());
        assertTrue(root.at("/runs/2/python_discard").asBoolean(), run.out);
    }

    @Test
    void aFolderWithoutRunsIsAUsageError() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        CliRun run = CliRun.run(Map.of(), "summary", tmp.resolve("empty").toString());
        assertEquals(2, run.exitCode);
        assertEquals("discard: no run in " + tmp.resolve("empty") + ": a run directory holds run.meta.json\n",
                run.err);
        CliRun missing = CliRun.run(Map.of(), "summary", tmp.resolve("missing").toString());
        assertEquals(2, missing.exitCode);
    }
}

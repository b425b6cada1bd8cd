package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** summary on runs of every kind: ranges that reach into the future, failed channels, the failure counts. */
class SummaryEveryRunTest extends FakeDiscordTest {
    @Test
    void aBeforeLaterThanTheRunsStartCountsOnlyUntilTheStart() throws Exception {
        assertEquals(0, run("--before", "2030-01-01", "channel", Long.toString(Fixtures.GENERAL)).exitCode);
        CliRun summary = CliRun.run(Map.of(), "summary", "--json", out.toString());
        assertEquals(0, summary.exitCode, summary.toString());
        JsonNode channel = new ObjectMapper().readTree(summary.out).path("guilds").get(0).path("channels").get(0);
        assertEquals(Fixtures.GENERAL_MESSAGES, channel.path("messages").asInt());
        CliRun text = CliRun.run(Map.of(), "summary", out.toString());
        assertTrue(text.out.contains("archived until 2026-11-21 10:00:00"), "a run cannot cover the future: "
                + text.out);
        assertTrue(!text.out.contains("2030"), text.out);
    }

    @Test
    void aFailedChannelIsAWarningNotDamage() throws Exception {
        discord.channel(Fixtures.ANNOUNCEMENTS).historyFails();
        CliRun archive = run("guild", Long.toString(Fixtures.GUILD_ID));
        assertEquals(ExitCode.PARTIAL, archive.exitCode, archive.toString());
        CliRun summary = CliRun.run(Map.of(), "summary", out.toString());
        assertEquals(0, summary.exitCode, "exit 1 means damaged lines or files: " + summary);
        assertTrue(summary.err.contains("discard: warning: ") && summary.err.contains(Fixtures.ANNOUNCEMENTS
                + ".meta.json: channel not archived completely in this run"), summary.err);
    }

    @Test
    void numChannelsFailedAgreesWithTheFailures() throws Exception {
        CliRun archive = run("channel", Long.toString(Fixtures.STAFF), Long.toString(Fixtures.ANNOUNCEMENTS));
        assertEquals(ExitCode.PARTIAL, archive.exitCode, archive.toString());
        JsonNode meta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve("run.meta.json"));
        assertEquals(1, meta.path("failures").size(), meta.toString());
        assertEquals(1, meta.path("summary").path("num_channels_failed").asInt(), meta.toString());
    }
}

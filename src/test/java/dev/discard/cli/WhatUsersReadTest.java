package dev.discard.cli;

import static dev.discard.fake.Fixtures.GUILD_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.fake.Fixtures;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What users read that was wrong or missing (issue 25, items 12 and 13). */
class WhatUsersReadTest extends FakeDiscordTest {
    @Test
    void aGuildRunSaysWhichChannelsItSkippedAndWhy() {
        CliRun run = run("guild", Long.toString(GUILD_ID));
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("#staff: skipped: "), run.out);
    }

    @Test
    void theSummaryLineSaysHowManyOfItsChannelsFailed() {
        CliRun run = run("channel", Long.toString(Fixtures.GENERAL), "810000000000000099");
        assertEquals(ExitCode.PARTIAL, run.exitCode, run.toString());
        assertTrue(run.out.contains("from 2 channels (1 failed) into "), run.out);
    }

    @Test
    void aFullRunAndAnIncrementalOneThatShareNoMessageDoNotOverlap() throws Exception {
        assertEquals(0, run("channel", Long.toString(Fixtures.GENERAL)).exitCode);
        Fixtures.fill(discord, discord.channel(Fixtures.GENERAL), discord.self(), Instant.parse("2021-03-01T00:00:00Z"), 3);
        CliRun incremental = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--api-url", discord.apiUrl(), "-o",
                out.toString(), "--incremental", "channel", Long.toString(Fixtures.GENERAL));
        assertEquals(0, incremental.exitCode, incremental.toString());
        CliRun summary = CliRun.run(Map.of(), "summary", out.toString());
        assertEquals(0, summary.exitCode, summary.toString());
        assertTrue(summary.out.contains("263 messages"), summary.out);
        assertFalse(summary.out.contains("runs overlap"), summary.out);

        Path again = out.resolve("again");
        for (int i = 0; i < 2; i++) {
            assertEquals(0, CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--api-url", discord.apiUrl(), "-o",
                    again.resolve("r" + i).toString(), "channel", Long.toString(Fixtures.GENERAL)).exitCode);
        }
        CliRun twice = CliRun.run(Map.of(), "summary", again.toString());
        assertTrue(twice.out.contains("runs overlap"), "two full runs share every message: " + twice.out);
    }

    @Test
    void searchSaysWhenMoreHitsExistAndExportCountsAsEverythingElse() {
        assertEquals(0, run("channel", Long.toString(Fixtures.GENERAL)).exitCode);
        Path db = out.resolve("index.sqlite");
        assertEquals(0, CliRun.run(Map.of(), "index", "--db", db.toString(), out.toString()).exitCode);
        CliRun some = CliRun.run(Map.of(), "search", "--db", db.toString(), "--limit", "2", "message");
        assertEquals(0, some.exitCode, some.toString());
        assertEquals(4, some.out.lines().count(), "two hits of two lines: " + some.out);
        assertEquals("(the first 2 hits; there are more: --limit N shows more)\n", some.err);
        CliRun all = CliRun.run(Map.of(), "search", "--db", db.toString(), "--limit", "1000", "message");
        assertEquals("", all.err);
        CliRun export = CliRun.run(Map.of(), "export", "html", "--db", db.toString(), "-o",
                out.resolve("site").toString(), out.toString());
        assertEquals(0, export.exitCode, export.toString());
        assertTrue(export.out.contains("Exported 260 messages of 1 channel and 0 media files: "), export.out);
    }

    @Test
    void helpIsACommandToo() {
        CliRun help = CliRun.run(Map.of(), "help");
        assertEquals(0, help.exitCode, help.toString());
        assertTrue(help.out.startsWith("Usage: discard "), help.out);
        CliRun read = CliRun.run(Map.of(), "help", "read");
        assertEquals(0, read.exitCode, read.toString());
        assertTrue(read.out.startsWith("Usage: discard read "), read.out);
    }
}

package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.archive.ArchiveRun;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Daily backups from cron: each --incremental run archives exactly what is new since the completed runs before it. */
class IncrementalRunTest extends FakeDiscordTest {
    private CliRun runAt(Instant now, String... args) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        List<String> all = new java.util.ArrayList<>(List.of("--api-url", discord.apiUrl(), "-o", out.toString()));
        all.addAll(List.of(args));
        return CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), settings -> ArchiveRun.builder(settings)
                .connection(CliRun.fastConnection(clock)).ident(() -> CliRun.IDENT)
                .build(), all.toArray(String[]::new));
    }

    private Path runNamed(String name) throws Exception {
        try (Stream<Path> runs = Files.list(out)) {
            return runs.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
        }
    }

    @Test
    void secondRunArchivesExactlyTheNewMessages() throws Exception {
        Instant day1 = Instant.parse("2026-11-20T03:00:00Z");
        Instant day2 = Instant.parse("2026-11-21T03:00:00Z");
        CliRun first = runAt(day1, "--incremental", "guild", Long.toString(Fixtures.GUILD_ID));
        assertEquals(0, first.exitCode, first.toString());
        Path firstRun = runNamed("20261120T030000_guild");
        assertEquals(Fixtures.GENERAL_MESSAGES, ArchiveFiles.messageIds(
                firstRun.resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL + ".jsonl")).size(), "nothing before: full");

        List<Long> fresh = Fixtures.fill(discord, discord.channel(Fixtures.GENERAL), discord.self(),
                Instant.parse("2026-11-20T12:00:00Z"), 7);
        CliRun second = runAt(day2, "--incremental", "guild", Long.toString(Fixtures.GUILD_ID));
        assertEquals(0, second.exitCode, second.toString());
        Path secondRun = runNamed("20261121T030000_guild");
        List<String> ids = ArchiveFiles.messageIds(secondRun.resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL
                + ".jsonl"));
        assertEquals(fresh.stream().map(String::valueOf).toList(), ids);
        assertEquals(List.of(), ArchiveFiles.messageIds(secondRun.resolve(Fixtures.GUILD_ID + "/"
                + Fixtures.ANNOUNCEMENTS + ".jsonl")), "nothing new there");
        JsonNode meta = ArchiveFiles.meta(secondRun.resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL + ".meta.json"));
        assertEquals(7, meta.path("summary").path("num_messages").asInt());
        long newestOfDayOne = discord.channel(Fixtures.GENERAL).messageIds().get(Fixtures.GENERAL_MESSAGES - 1);
        assertEquals(newestOfDayOne, meta.path("range").path("after_id").asLong(), "after the newest message held");
        assertTrue(ArchiveFiles.meta(secondRun.resolve("run.meta.json")).path("settings").path("incremental")
                .asBoolean());

        CliRun both = CliRun.run(Map.of(), "summary", "--json", out.toString());
        assertEquals(0, both.exitCode, both.toString());
        assertEquals(0, new com.fasterxml.jackson.databind.ObjectMapper().readTree(both.out).path("totals")
                .path("gaps").asInt(), "the two runs join without a gap");
        dev.discard.testing.ArchiveFiles.allFiles(firstRun).forEach(f -> f.toFile().delete());
        Files.walk(firstRun).sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        CliRun alone = CliRun.run(Map.of(), "summary", "--json", out.toString());
        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(alone.out).path("totals")
                .path("gaps").asInt() > 0, "alone, the incremental run does not claim the history before it");
    }

    @Test
    void serverClockBehindTheLocalOneLosesNoMessage() throws Exception {
        Instant day1 = Instant.parse("2026-11-20T03:00:00Z");
        discord.clock(Clock.fixed(day1, ZoneOffset.UTC)).clockOffset(java.time.Duration.ofSeconds(-5));
        CliRun first = runAt(day1, "--incremental", "guild", Long.toString(Fixtures.GUILD_ID));
        assertEquals(0, first.exitCode, first.toString());
        // Posted just after the first run by the server's clock, which reads 5 s before the local one.
        Instant posted = discord.now().plusSeconds(2);
        List<Long> inGeneral = Fixtures.fill(discord, discord.channel(Fixtures.GENERAL), discord.self(), posted, 1);
        List<Long> inVoice = Fixtures.fill(discord, discord.channel(Fixtures.VOICE), discord.self(), posted, 1);
        CliRun second = runAt(day1.plusSeconds(60), "--incremental", "guild", Long.toString(Fixtures.GUILD_ID));
        assertEquals(0, second.exitCode, second.toString());
        Path secondRun = runNamed("20261120T030100_guild");
        assertEquals(List.of(Long.toString(inGeneral.get(0))), ArchiveFiles.messageIds(secondRun.resolve(
                Fixtures.GUILD_ID + "/" + Fixtures.GENERAL + ".jsonl")), "after the newest message held");
        assertEquals(List.of(Long.toString(inVoice.get(0))), ArchiveFiles.messageIds(secondRun.resolve(
                Fixtures.GUILD_ID + "/" + Fixtures.VOICE + ".jsonl")), "an empty channel: from the start less a margin");
    }

    @Test
    void failedAndIncompleteRunsDoNotCountAsCoverage() throws Exception {
        discord.channel(Fixtures.GENERAL).historyForbidden();
        runAt(Instant.parse("2026-11-20T03:00:00Z"), "--incremental", "channel", Long.toString(Fixtures.GENERAL));
        discord.close();
        discord = Fixtures.standard().start();
        CliRun second = runAt(Instant.parse("2026-11-21T03:00:00Z"), "--incremental", "channel",
                Long.toString(Fixtures.GENERAL));
        assertEquals(0, second.exitCode, second.toString());
        assertEquals(Fixtures.GENERAL_MESSAGES, ArchiveFiles.messageIds(runNamed("20261121T030000_channel")
                .resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL + ".jsonl")).size());
    }

    @Test
    void pythonDiscardRunsCountTooWithTheirSwappedMetaUndone() throws Exception {
        // A run as Discard 0.1 wrote it on 2021-02-01T17:47:40: oldest/newest swapped, no status, no completed key.
        Path old = out.resolve("20210201T174740_guild/" + Fixtures.GUILD_ID);
        Files.createDirectories(old);
        Files.writeString(old.getParent().resolve("run.meta.json"), "{\"client\": {\"name\": \"discard\", \"version\":"
                + " \"0.1.0\"}, \"settings\": {\"mode\": \"guild\", \"after\": null, \"before\": null}, \"run\":"
                + " {\"datetime_start\": \"2021-02-01T17:47:40.375815+00:00\", \"completed\": true, \"finished\": true}}");
        long newest = discord.channel(Fixtures.GENERAL).messageIds().get(30);
        long oldest = discord.channel(Fixtures.GENERAL).messageIds().get(0);
        Files.writeString(old.resolve(Fixtures.GENERAL + ".meta.json"), "{\"channel\": {\"id\": " + Fixtures.GENERAL
                + ", \"name\": \"general\", \"type\": \"text\"}, \"summary\": {\"num_messages\": 31, \"oldest_message\":"
                + " {\"id\": " + newest + ", \"timestamp\": \"x\"}, \"newest_message\": {\"id\": " + oldest
                + ", \"timestamp\": \"y\"}}}");
        CliRun run = runAt(Instant.parse("2026-11-21T03:00:00Z"), "--incremental", "channel",
                Long.toString(Fixtures.GENERAL));
        assertEquals(0, run.exitCode, run.toString());
        List<String> ids = ArchiveFiles.messageIds(runNamed("20261121T030000_channel")
                .resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL + ".jsonl"));
        long expected = discord.channel(Fixtures.GENERAL).messageIds().stream().filter(id -> id > newest).count();
        assertEquals(expected, ids.size());
        assertTrue(expected < Fixtures.GENERAL_MESSAGES - 30);
    }

    @Test
    void incrementalWithAfterIsAUsageError() {
        CliRun run = run("--incremental", "--after", "2021-01-01", "guild", "1");
        assertEquals(ExitCode.USAGE, run.exitCode);
        assertEquals("discard: --incremental and --after exclude each other\n", run.err);
    }
}

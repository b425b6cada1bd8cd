package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.fake.FakeLive;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import dev.discard.testing.FollowRun;
import dev.discard.testing.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rotation: one run directory per period, each closed and verifiable, the gateway session going on across the cut. */
class FollowRotationTest extends FakeDiscordTest {
    private static final Instant T0 = Instant.parse("2026-11-21T09:59:50Z");
    private static final Instant CUT = Instant.parse("2026-11-21T10:00:00Z");

    private List<Path> runs() throws Exception {
        try (Stream<Path> dirs = Files.list(out)) {
            return dirs.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve("run.meta.json"))).sorted()
                    .toList();
        }
    }

    private static Path general(Path run) {
        return run.resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL + ".jsonl");
    }

    private static long events(Path log, String event) throws Exception {
        return ArchiveFiles.records(log).stream().filter(r -> event.equals(r.path("data").path("t").asText())).count();
    }

    @Test
    void rotationCutsTheRunIntoVerifiablePeriodsOnOneSession() throws Exception {
        FakeLive live = new FakeLive(discord);
        SettableClock clock = new SettableClock(T0);
        FollowRun follow = FollowRun.start(discord, clock, out, "--rotate", "1m", "guild",
                Long.toString(Fixtures.GUILD_ID));
        long first = live.create(Fixtures.GENERAL, T0.plusSeconds(5), "in the first period");
        follow.awaitCaughtUp();
        clock.set(CUT.plusSeconds(5));
        long second = live.create(Fixtures.GENERAL, CUT.plusSeconds(3), "in the second period");
        live.edit(Fixtures.GENERAL, first, CUT.plusSeconds(4), "edited in the second period");
        follow.awaitCaughtUp();
        CliRun run = follow.stop("SIGTERM");
        assertEquals(0, run.exitCode, run.toString());

        List<Path> runs = runs();
        assertEquals(2, runs.size(), runs.toString());
        Path one = runs.get(0);
        Path two = runs.get(1);
        assertEquals("20261121T100000_guild", two.getFileName().toString());
        JsonNode metaOne = ArchiveFiles.meta(one.resolve("run.meta.json"));
        assertTrue(metaOne.path("run").path("completed").asBoolean());
        assertEquals("rotated", metaOne.path("run").path("stopped").asText());
        assertEquals("2026-11-21T10:00:00+00:00", metaOne.path("settings").path("before").asText());
        JsonNode metaTwo = ArchiveFiles.meta(two.resolve("run.meta.json"));
        assertEquals("2026-11-21T10:00:00+00:00", metaTwo.path("settings").path("after").asText());
        assertEquals("2026-11-21T10:00:05+00:00", metaTwo.path("settings").path("before").asText());
        assertEquals("SIGTERM", metaTwo.path("run").path("stopped").asText());
        assertEquals(one.getFileName().toString(), metaTwo.path("run").path("follows").asText());

        assertTrue(ArchiveFiles.messageIds(general(one)).contains(Long.toString(first)));
        JsonNode channelOne = ArchiveFiles.meta(one.resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL + ".meta.json"));
        assertEquals(Long.toString(first), channelOne.path("summary").path("newest_message").path("id").asText(),
                "the first period's coverage ends at the cut");
        assertEquals(List.of(Long.toString(second)), ArchiveFiles.messageIds(general(two)),
                "the second period pages what is new since the cut");
        assertEquals(1, events(general(one), "MESSAGE_CREATE"));
        assertEquals(1, events(general(two), "MESSAGE_CREATE"));
        assertEquals(1, events(general(two), "MESSAGE_UPDATE"), "the edit after the cut is in the second period");
        assertEquals(1, discord.gateway().connectionCount(), "one session across the cut");
        JsonNode channelTwo = ArchiveFiles.meta(two.resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL + ".meta.json"));
        assertEquals(1, channelTwo.path("summary").path("num_messages").asInt());

        for (Path period : runs) {
            CliRun verify = CliRun.run(Map.of(), "verify", period.toString());
            assertEquals(0, verify.exitCode, period + ": " + verify);
        }
    }

    @Test
    void aSecondFollowStartsWhereTheStoppedOneEnded() throws Exception {
        FakeLive live = new FakeLive(discord);
        FollowRun follow = FollowRun.start(discord, new SettableClock(T0), out, "guild",
                Long.toString(Fixtures.GUILD_ID));
        long seen = live.create(Fixtures.GENERAL, T0.minusSeconds(5), "seen by the first run");
        follow.awaitCaughtUp();
        assertEquals(0, follow.stop("SIGTERM").exitCode);
        // Posted while nothing followed.
        long between = live.createUnseen(Fixtures.GENERAL, T0.plusSeconds(20), "posted between the runs");

        FollowRun again = FollowRun.start(discord, new SettableClock(CUT.plusSeconds(60)), out, "guild",
                Long.toString(Fixtures.GUILD_ID));
        again.awaitCaughtUp();
        assertEquals(0, again.stop("SIGTERM").exitCode);
        List<Path> runs = runs();
        assertEquals(2, runs.size(), runs.toString());
        List<String> pagedTwo = ArchiveFiles.messageIds(general(runs.get(1)));
        assertEquals(List.of(Long.toString(between)), pagedTwo, "starts after the newest the first run paged");
        assertTrue(ArchiveFiles.messageIds(general(runs.get(0))).contains(Long.toString(seen)));
        CliRun summary = CliRun.run(Map.of(), "summary", out.toString());
        assertEquals(0, summary.exitCode, summary.toString());
        assertTrue(summary.out.contains("Total: 2 runs, 1 guild, 4 channels") && summary.out.contains(", 0 gaps"),
                summary.out);
        assertTrue(summary.out.contains("#general (id " + Fixtures.GENERAL + ")"), summary.out);
        assertTrue(summary.out.contains("all history until 2026-11-21 09:59:50"), summary.out);
    }
}

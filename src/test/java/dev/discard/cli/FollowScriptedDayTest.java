package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.fake.FakeGateway;
import dev.discard.fake.FakeLive;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import dev.discard.testing.FollowRun;
import dev.discard.testing.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The "done when": the fake gateway plays a day (creates, edits, deletes, bulk deletes, reactions, a new
 * channel and thread, RECONNECT, INVALID_SESSION with messages created in the gap, a zombie connection, a rotation),
 * then SIGTERM and a second --follow. Every message that ever existed is in the archive, every delivered deletion and
 * edit is recorded once, every surviving message is in an http page, and every run directory verifies.
 */
class FollowScriptedDayTest extends FakeDiscordTest {
    private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");
    private static final long NEW_CHANNEL = 810000000000000100L;
    private static final long NEW_THREAD = 810000000000000101L;

    private final List<Long> everCreated = new ArrayList<>();
    private final Set<Long> deleted = new HashSet<>();
    private final List<Long> edited = new ArrayList<>();

    private long create(FakeLive live, long channel, Instant time, String text) {
        long id = live.create(channel, time, text);
        everCreated.add(id);
        return id;
    }

    @Test
    void aScriptedDayLosesNothing() throws Exception {
        FakeLive live = new FakeLive(discord);
        FakeGateway gateway = discord.gateway().replayOverlap(2);
        SettableClock clock = new SettableClock(DAY.plus(Duration.ofHours(20)));
        FollowRun follow = FollowRun.start(discord, clock, out, "--rotate", "1d", "guild",
                Long.toString(Fixtures.GUILD_ID));

        // Morning: posts, an edit, a deletion, reactions.
        long a = create(live, Fixtures.GENERAL, DAY.plus(Duration.ofHours(20)), "good morning");
        long b = create(live, Fixtures.GENERAL, DAY.plus(Duration.ofHours(20).plusMinutes(1)), "typo");
        live.edit(Fixtures.GENERAL, b, DAY.plus(Duration.ofHours(20).plusMinutes(2)), "fixed");
        edited.add(b);
        long c = create(live, Fixtures.ANNOUNCEMENTS, DAY.plus(Duration.ofHours(20).plusMinutes(3)), "oops");
        live.delete(Fixtures.ANNOUNCEMENTS, c);
        deleted.add(c);
        live.react(Fixtures.GENERAL, a, "☕");
        // A new channel and a thread, each with a message.
        live.newChannel(Fixtures.GUILD_ID, NEW_CHANNEL, "new-channel", null);
        create(live, NEW_CHANNEL, DAY.plus(Duration.ofHours(20).plusMinutes(5)), "first in the new channel");
        live.newChannel(Fixtures.GUILD_ID, NEW_THREAD, "a-thread", Fixtures.GENERAL);
        create(live, NEW_THREAD, DAY.plus(Duration.ofHours(20).plusMinutes(6)), "first in the thread");
        follow.awaitCaughtUp();

        // Discord asks to reconnect; a message is posted meanwhile (replayed with some already recorded).
        gateway.reconnect();
        create(live, Fixtures.GENERAL, DAY.plus(Duration.ofHours(21)), "during the reconnect");
        gateway.awaitSent(FakeGateway.RESUME);
        follow.awaitCaughtUp();

        // The session is lost; two messages are posted with no session, one of them deleted before it came back.
        long gap = live.createUnseen(Fixtures.GENERAL, DAY.plus(Duration.ofHours(22)), "posted in the gap");
        everCreated.add(gap);
        gateway.invalidateSession(false);
        gateway.awaitSent(FakeGateway.IDENTIFY);
        gateway.awaitSent(FakeGateway.IDENTIFY);
        follow.awaitCaughtUp();

        // A zombie connection, then a bulk delete.
        gateway.zombieNext(Duration.ofMillis(50));
        gateway.reconnect();
        gateway.awaitSent(FakeGateway.RESUME);
        gateway.awaitSent(FakeGateway.RESUME, Duration.ofSeconds(10));
        gateway.clearSent(FakeGateway.HEARTBEAT);
        long d = create(live, Fixtures.GENERAL, DAY.plus(Duration.ofHours(23)), "spam 1");
        long e = create(live, Fixtures.GENERAL, DAY.plus(Duration.ofHours(23).plusSeconds(1)), "spam 2");
        live.bulkDelete(Fixtures.GENERAL, List.of(d, e));
        deleted.add(d);
        deleted.add(e);
        follow.awaitCaughtUp();

        // Midnight: the rotation; then the next day's first message, edit of yesterday's and SIGTERM.
        clock.set(DAY.plus(Duration.ofHours(24).plusMinutes(1)));
        long f = create(live, Fixtures.GENERAL, DAY.plus(Duration.ofHours(24).plusSeconds(30)), "a new day");
        live.edit(Fixtures.GENERAL, a, DAY.plus(Duration.ofHours(24).plusSeconds(40)), "good morning, edited");
        edited.add(a);
        follow.awaitCaughtUp();
        assertEquals(0, follow.stop("SIGTERM").exitCode);

        // Posted while nothing follows; a second --follow picks it up.
        long between = live.createUnseen(Fixtures.GENERAL, DAY.plus(Duration.ofHours(24).plusMinutes(5)), "between");
        everCreated.add(between);
        clock.set(DAY.plus(Duration.ofHours(24).plusMinutes(10)));
        FollowRun again = FollowRun.start(discord, clock, out, "--rotate", "1d", "guild",
                Long.toString(Fixtures.GUILD_ID));
        long g = create(live, Fixtures.GENERAL, DAY.plus(Duration.ofHours(24).plusMinutes(9)), "after the restart");
        again.awaitCaughtUp();
        assertEquals(0, again.stop("SIGTERM").exitCode);

        List<Path> runs = runs();
        assertEquals(3, runs.size(), runs.toString());
        Set<Long> paged = new HashSet<>();
        Set<Long> createdLive = new HashSet<>();
        Map<String, Integer> deletions = new HashMap<>();
        Map<String, Integer> edits = new HashMap<>();
        for (Path run : runs) {
            CliRun verify = CliRun.run(Map.of(), "verify", run.toString());
            assertEquals(0, verify.exitCode, run + ": " + verify);
            for (Path log : logs(run)) {
                ArchiveFiles.messageIds(log).forEach(id -> paged.add(Long.parseUnsignedLong(id)));
                for (JsonNode r : ArchiveFiles.records(log)) {
                    String t = r.path("data").path("t").asText();
                    JsonNode data = r.path("data").path("d");
                    switch (t) {
                        case "MESSAGE_CREATE" -> createdLive.add(Long.parseUnsignedLong(data.path("id").asText()));
                        case "MESSAGE_DELETE" -> deletions.merge(data.path("id").asText(), 1, Integer::sum);
                        case "MESSAGE_DELETE_BULK" -> data.path("ids")
                                .forEach(id -> deletions.merge(id.asText(), 1, Integer::sum));
                        case "MESSAGE_UPDATE" -> edits.merge(data.path("id").asText(), 1, Integer::sum);
                        default -> {}
                    }
                }
            }
        }
        for (long id : everCreated) {
            assertTrue(paged.contains(id) || createdLive.contains(id), "message " + id + " is in the archive");
            if (!deleted.contains(id)) assertTrue(paged.contains(id), "surviving message " + id + " in an http page");
        }
        for (long id : deleted) assertEquals(1, deletions.get(Long.toString(id)), "deletion of " + id + " once");
        for (long id : edited) assertEquals(1, edits.get(Long.toString(id)), "edit of " + id + " once");
        assertTrue(paged.contains(gap) && paged.contains(between) && paged.contains(f) && paged.contains(g));
        JsonNode general = ArchiveFiles.meta(runs.get(0).resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL
                + ".meta.json"));
        assertEquals(1, general.path("gaps").size(), general.toString());
        assertTrue(general.path("gaps").get(0).path("backfilled").asBoolean());
    }

    private List<Path> runs() throws Exception {
        try (Stream<Path> dirs = Files.list(out)) {
            return dirs.filter(dir -> Files.exists(dir.resolve("run.meta.json"))).sorted().toList();
        }
    }

    private static List<Path> logs(Path run) throws Exception {
        try (Stream<Path> files = Files.walk(run)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d+\\.jsonl")).sorted().toList();
        }
    }
}

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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a followed run survives, each a mode of the fake gateway: RECONNECT (op 7) and replays, INVALID_SESSION with
 * messages created while there was no session, and a zombie connection.
 */
class FollowSurvivalTest extends FakeDiscordTest {
    private static final Instant LIVE = CliRun.START.minusSeconds(3600);

    private static List<String> created(Path log) throws Exception {
        return ArchiveFiles.records(log).stream().filter(r -> r.path("type").asText().equals("ws"))
                .filter(r -> r.path("data").path("t").asText().equals("MESSAGE_CREATE"))
                .map(r -> r.path("data").path("d").path("id").asText()).toList();
    }

    private static long readies(Path runDir) throws Exception {
        return ArchiveFiles.records(runDir.resolve("run.jsonl")).stream()
                .filter(r -> r.path("data").path("t").asText().equals("READY")).count();
    }

    private Path log(Path runDir, long channel) {
        return runDir.resolve(Fixtures.GUILD_ID + "/" + channel + ".jsonl");
    }

    private FollowRun follow() throws Exception {
        return FollowRun.start(discord, out, "guild", Long.toString(Fixtures.GUILD_ID));
    }

    @Test
    void reconnectResumesAndRecordsEachReplayedDispatchOnce() throws Exception {
        FakeLive live = new FakeLive(discord);
        FakeGateway gateway = discord.gateway().replayOverlap(3);
        FollowRun follow = follow();
        long before = live.create(Fixtures.GENERAL, LIVE, "before the reconnect");
        follow.awaitCaughtUp();
        gateway.reconnect();
        long during = live.create(Fixtures.GENERAL, LIVE.plusSeconds(1), "while reconnecting");
        JsonNode resume = gateway.awaitSent(FakeGateway.RESUME);
        assertTrue(gateway.awaitConnection().startsWith(FakeGateway.PATH), "the first connection");
        assertTrue(gateway.awaitConnection().startsWith(FakeGateway.RESUME_PATH), "resumed on resume_gateway_url");
        assertEquals(gateway.sessionId(), resume.path("d").path("session_id").asText());
        long after = live.create(Fixtures.GENERAL, LIVE.plusSeconds(2), "after the resume");
        follow.awaitCaughtUp();
        CliRun run = follow.stop("SIGTERM");
        assertEquals(0, run.exitCode, run.toString());

        Path runDir = ArchiveFiles.onlyRun(out);
        assertEquals(List.of(Long.toString(before), Long.toString(during), Long.toString(after)),
                created(log(runDir, Fixtures.GENERAL)), "each once, in order");
        assertEquals(1, readies(runDir), "resumed, not identified again");
        JsonNode channel = ArchiveFiles.meta(runDir.resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL + ".meta.json"));
        assertEquals(0, channel.path("gaps").size());
    }

    @Test
    void invalidSessionIdentifiesAgainAndBackfillsTheGap() throws Exception {
        FakeLive live = new FakeLive(discord);
        FakeGateway gateway = discord.gateway();
        FollowRun follow = follow();
        long seen = live.create(Fixtures.GENERAL, LIVE, "seen live");
        follow.awaitCaughtUp();
        // Created while the client has no session: Discord never sends it.
        long unseen = live.createUnseen(Fixtures.GENERAL, LIVE.plusSeconds(1), "created during the gap");
        long unseenElsewhere = live.createUnseen(Fixtures.ANNOUNCEMENTS, LIVE.plusSeconds(2), "also in the gap");
        gateway.invalidateSession(false);
        gateway.awaitSent(FakeGateway.IDENTIFY);
        gateway.awaitSent(FakeGateway.IDENTIFY); // the second: a new session
        follow.awaitCaughtUp();
        CliRun run = follow.stop("SIGTERM");
        assertEquals(0, run.exitCode, run.toString());

        Path runDir = ArchiveFiles.onlyRun(out);
        assertEquals(2, readies(runDir));
        assertEquals(List.of(Long.toString(seen)), created(log(runDir, Fixtures.GENERAL)));
        List<String> paged = ArchiveFiles.messageIds(log(runDir, Fixtures.GENERAL));
        assertTrue(paged.contains(Long.toString(unseen)), "the gap's message is backfilled");
        assertEquals(1, paged.stream().filter(Long.toString(unseen)::equals).count(), "and paged once");
        assertTrue(ArchiveFiles.messageIds(log(runDir, Fixtures.ANNOUNCEMENTS)).contains(Long.toString(unseenElsewhere)));
        for (long id : List.of(Fixtures.GENERAL, Fixtures.ANNOUNCEMENTS, Fixtures.REOPENED)) {
            JsonNode meta = ArchiveFiles.meta(runDir.resolve(Fixtures.GUILD_ID + "/" + id + ".meta.json"));
            JsonNode gaps = meta.path("gaps");
            assertEquals(1, gaps.size(), meta.toString());
            assertTrue(gaps.get(0).path("backfilled").asBoolean());
            assertEquals("unknown", gaps.get(0).path("deletions").asText());
            assertTrue(gaps.get(0).has("from") && gaps.get(0).has("to"));
        }
        JsonNode general = ArchiveFiles.meta(runDir.resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL + ".meta.json"));
        assertEquals(2, general.path("gaps").get(0).path("num_messages_backfilled").asInt(), "seen and unseen");
    }

    @Test
    void zombieConnectionIsClosedAndResumed() throws Exception {
        FakeLive live = new FakeLive(discord);
        FakeGateway gateway = discord.gateway();
        FollowRun follow = follow();
        // The next connection beats every 50 ms and never acknowledges: the client must give up on it and resume.
        gateway.zombieNext(Duration.ofMillis(50));
        gateway.reconnect();
        gateway.awaitSent(FakeGateway.RESUME);
        gateway.awaitSent(FakeGateway.RESUME, Duration.ofSeconds(10));
        gateway.clearSent(FakeGateway.HEARTBEAT);
        long after = live.create(Fixtures.GENERAL, LIVE, "after the zombie");
        follow.awaitCaughtUp();
        CliRun run = follow.stop("SIGTERM");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(3, gateway.connectionCount());
        Path runDir = ArchiveFiles.onlyRun(out);
        assertEquals(List.of(Long.toString(after)), created(log(runDir, Fixtures.GENERAL)));
        assertEquals(1, readies(runDir));
    }
}

package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.discord.gateway.GatewayIntents;
import dev.discard.fake.FakeGateway;
import dev.discard.fake.FakeLive;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import dev.discard.testing.FollowRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --follow}: the range, then what happens live, each event in the log of the channel it is about, once. */
class FollowRunTest extends FakeDiscordTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant LIVE = CliRun.START.minusSeconds(3600);

    private static List<JsonNode> events(Path log, String event) throws Exception {
        return ArchiveFiles.records(log).stream().filter(r -> r.path("type").asText().equals("ws"))
                .filter(r -> event.equals(r.path("data").path("t").asText())).toList();
    }

    private Path generalLog(Path runDir) {
        return runDir.resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL + ".jsonl");
    }

    @Test
    void followRecordsEditsAndDeletionsInTheChannelLogAndStopsWithAClosingPass() throws Exception {
        FakeLive live = new FakeLive(discord);
        FollowRun follow = FollowRun.start(discord, out, "guild", Long.toString(Fixtures.GUILD_ID));
        long kept = live.create(Fixtures.GENERAL, LIVE, "posted while followed");
        live.edit(Fixtures.GENERAL, kept, LIVE.plusSeconds(60), "edited while followed");
        long gone = live.create(Fixtures.GENERAL, LIVE.plusSeconds(120), "posted and deleted");
        live.react(Fixtures.GENERAL, kept, "👍");
        live.delete(Fixtures.GENERAL, gone);
        follow.awaitCaughtUp();
        CliRun run = follow.stop("SIGTERM");
        assertEquals(0, run.exitCode, run.toString());

        Path runDir = ArchiveFiles.onlyRun(out);
        assertTrue(run.out.contains("Following 4 channels into " + runDir + "; stop with Ctrl-C or SIGTERM\n"),
                run.out);
        Path log = generalLog(runDir);
        assertEquals(2, events(log, "MESSAGE_CREATE").size());
        assertEquals(1, events(log, "MESSAGE_UPDATE").size());
        assertEquals(1, events(log, "MESSAGE_DELETE").size());
        assertEquals(1, events(log, "MESSAGE_REACTION_ADD").size());
        assertEquals(Long.toString(gone), events(log, "MESSAGE_DELETE").get(0).path("data").path("d").path("id").asText());
        assertEquals("recv", events(log, "MESSAGE_DELETE").get(0).path("direction").asText());
        // The closing pass: the surviving message is in an http page, the deleted one only in the live records.
        List<String> paged = ArchiveFiles.messageIds(log);
        assertTrue(paged.contains(Long.toString(kept)), "the closing pass pages the live message");
        assertFalse(paged.contains(Long.toString(gone)));
        assertEquals(Fixtures.GENERAL_MESSAGES + 1, paged.size());
        Path runLog = runDir.resolve("run.jsonl");
        assertTrue(ArchiveFiles.records(runLog).stream()
                .noneMatch(r -> r.path("data").path("t").asText().startsWith("MESSAGE_")), "no live event in run.jsonl");
        assertEquals(1, events(runDir.resolve(Fixtures.GUILD_ID + "/guild.jsonl"), "GUILD_CREATE").size());

        JsonNode identify = MAPPER.readTree(ArchiveFiles.records(runLog).stream()
                .filter(r -> r.path("direction").asText().equals("send")).findFirst().orElseThrow()
                .path("data").asText());
        assertEquals(GatewayIntents.forFollow(false), identify.path("d").path("intents").asInt());

        JsonNode meta = ArchiveFiles.meta(runDir.resolve("run.meta.json"));
        assertTrue(meta.path("run").path("completed").asBoolean(), meta.toString());
        assertEquals("SIGTERM", meta.path("run").path("stopped").asText());
        assertTrue(meta.path("run").path("interrupted").isNull());
        assertEquals("2026-11-21T10:00:00+00:00", meta.path("settings").path("before").asText());
        assertTrue(meta.path("settings").path("follow").asBoolean());
        JsonNode channel = ArchiveFiles.meta(runDir.resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL + ".meta.json"));
        assertTrue(channel.path("completed").asBoolean(), channel.toString());
        assertEquals(Fixtures.GENERAL_MESSAGES + 1, channel.path("summary").path("num_messages").asInt());
        assertEquals(Long.toString(kept), channel.path("summary").path("newest_message").path("id").asText());
        assertEquals(2, channel.path("follow").path("num_messages_created").asInt());
        assertEquals(1, channel.path("follow").path("num_messages_edited").asInt());
        assertEquals(1, channel.path("follow").path("num_messages_deleted").asInt());
        assertEquals(0, channel.path("gaps").size());

        CliRun verify = CliRun.run(Map.of(), "verify", runDir.toString());
        assertEquals(0, verify.exitCode, verify.toString());
    }

    @Test
    void quietFollowPrintsNothing() throws Exception {
        FollowRun follow = FollowRun.start(discord, out, "-q", "guild", Long.toString(Fixtures.GUILD_ID));
        CliRun run = follow.stop("SIGINT");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals("", run.out + run.err);
        JsonNode meta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve("run.meta.json"));
        assertEquals("SIGINT", meta.path("run").path("stopped").asText());
    }

    @Test
    void statusLineSaysWhatWasRecorded() {
        dev.discard.archive.FollowStatus status = new dev.discard.archive.FollowStatus() {
            public long events() { return 40; }
            public long messagesCreated() { return 12; }
            public long messagesEdited() { return 3; }
            public long messagesDeleted() { return 2; }
            public int channels() { return 7; }
            public String session() { return "resuming"; }
            public Instant lastEvent() { return CliRun.START.minusSeconds(4); }
            public long gaps() { return 1; }
            public Path runDirectory() { return Path.of("out"); }
        };
        assertEquals("following: 2.5 events/s, 12 created, 3 edited, 2 deleted, 7 channels, resuming (1 gap),"
                + " last event 4 s ago", FollowStatusLine.render(status, 2.5, CliRun.START));
    }

    @Test
    void disallowedIntentsSayWhichToEnable() throws Exception {
        discord.gateway().disallowPrivilegedIntents();
        CliRun run = run("--follow", "--members", "guild", Long.toString(Fixtures.GUILD_ID));
        assertEquals(ExitCode.FAILED, run.exitCode, run.toString());
        assertEquals(1, run.err.lines().count(), run.err);
        assertTrue(run.err.contains("4014") && run.err.contains("MESSAGE CONTENT and SERVER MEMBERS"), run.err);
    }

    @Test
    void followRefusesBeforeAndNoGateway() {
        CliRun before = run("--follow", "--before", "2021-01-01", "guild", "1");
        assertEquals(ExitCode.USAGE, before.exitCode, before.toString());
        assertTrue(before.err.contains("--follow and --before"), before.err);
        CliRun rotate = run("--follow", "--rotate", "5x", "guild", "1");
        assertEquals(ExitCode.USAGE, rotate.exitCode, rotate.toString());
        assertTrue(rotate.err.contains("'5x' is not a duration"), rotate.err);
    }
}

package dev.discard.cli;

import static dev.discard.fake.Fixtures.GENERAL;
import static dev.discard.fake.Fixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

class RunFailureTest extends FakeDiscordTest {
    @Test
    void refusedTokenIsOneLineExitOneAndMetaSaysFailed() throws Exception {
        CliRun run = run(Map.of(), "-t", "not-the-token", "channel", Long.toString(GENERAL));
        assertEquals(ExitCode.FAILED, run.exitCode, run.toString());
        assertEquals("discard: the token was refused (401 Unauthorized): check it, and pass -U if it is a user"
                + " account's token\n", run.err);
        JsonNode meta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve("run.meta.json"));
        assertFalse(meta.path("run").path("completed").asBoolean());
        assertTrue(meta.path("run").path("finished").asBoolean());
        assertTrue(meta.path("run").path("errors").asBoolean());
        assertTrue(meta.path("run").path("exception").asText().contains("401"));
        List<JsonNode> records = ArchiveFiles.records(ArchiveFiles.onlyRun(out).resolve("run.jsonl"));
        assertEquals(401, records.get(0).path("response").path("status").asInt(), "the refusal is evidence too");
    }

    @Test
    void noTokenIsAUsageError() {
        CliRun run = run(Map.of(), "channel", Long.toString(GENERAL));
        assertEquals(ExitCode.USAGE, run.exitCode);
        assertEquals("discard: no token: pass -t or set DISCORD_TOKEN\n", run.err);
        assertFalse(Files.exists(out.resolve("x")));
    }

    @Test
    void unknownChannelNamesTheIdAndDiscordsCode() throws Exception {
        CliRun run = run(Map.of("DISCORD_TOKEN", TOKEN), "channel", "999999999999999999");
        assertEquals(ExitCode.FAILED, run.exitCode, run.toString());
        assertEquals("discard: channel 999999999999999999: 404 Unknown Channel (10003)\n", run.err);
        JsonNode refusal = ArchiveFiles.records(ArchiveFiles.onlyRun(out).resolve("run.jsonl")).stream()
                .filter(r -> r.path("request").path("url").asText().endsWith("/channels/999999999999999999"))
                .findFirst().orElseThrow();
        assertEquals(404, refusal.path("response").path("status").asInt(), "the refusal is in run.jsonl");
    }

    @Test
    void oneBadChannelAmongGoodOnesExitsThree() throws Exception {
        CliRun run = run(Map.of("DISCORD_TOKEN", TOKEN), "channel", Long.toString(Fixtures.STAFF),
                Long.toString(Fixtures.ANNOUNCEMENTS));
        assertEquals(ExitCode.PARTIAL, run.exitCode, run.toString());
        assertEquals("discard: channel " + Fixtures.STAFF + ": 403 Missing Access (50001)\n", run.err);
    }

    @Test
    void badIdAndBadDateAreUsageErrorsThatSayWhatToDo() {
        CliRun badId = run(Map.of("DISCORD_TOKEN", TOKEN), "channel", "general");
        assertEquals(ExitCode.USAGE, badId.exitCode);
        assertTrue(badId.err.startsWith("discard: Invalid value for positional parameter at index 0..* (CHANNEL_ID): "
                + "expected a Discord id"), badId.err);
        CliRun badDate = run(Map.of("DISCORD_TOKEN", TOKEN), "--after", "yesterday", "guild", "1");
        assertEquals(ExitCode.USAGE, badDate.exitCode);
        assertTrue(badDate.err.contains("'yesterday' is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS (UTC)"));
        CliRun reversed = run(Map.of("DISCORD_TOKEN", TOKEN), "--after", "2021-02-02", "--before", "2021-02-01",
                "guild", "1");
        assertEquals(ExitCode.USAGE, reversed.exitCode);
        assertEquals("discard: --after must be earlier than --before\n", reversed.err);
        assertFalse(badId.err.contains("\tat "), "never a stack trace");
    }

    @Test
    void optionsAreAcceptedBeforeAndAfterTheSubcommand() throws Exception {
        CliRun before = run(Map.of("DISCORD_TOKEN", TOKEN), "--gzip", "--after", "2021-02-03", "channel",
                Long.toString(Fixtures.ANNOUNCEMENTS));
        CliRun after = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), "channel", Long.toString(Fixtures.ANNOUNCEMENTS),
                "--gzip", "--after", "2021-02-03", "--api-url", discord.apiUrl(), "-o", out.resolve("b").toString());
        assertEquals(0, before.exitCode, before.toString());
        assertEquals(0, after.exitCode, after.toString());
        for (Path root : List.of(out, out.resolve("b"))) {
            Path runDir = root.resolve("20261121T100000_channel");
            JsonNode meta = ArchiveFiles.meta(runDir.resolve("run.meta.json"));
            assertTrue(meta.path("settings").path("gzip").asBoolean());
            assertEquals("2021-02-03T00:00:00+00:00", meta.path("settings").path("after").asText());
        }
    }

    @Test
    void rateLimitIsWaitedOutAndRetriedAndEveryAttemptRecorded() throws Exception {
        discord.script("/messages", 2, discord.tooManyRequests(0.05, false));
        discord.script("/messages", 1, discord.tooManyRequests(0.05, true));
        CliRun run = run(Map.of("DISCORD_TOKEN", TOKEN), "channel", Long.toString(GENERAL));
        assertEquals(0, run.exitCode, run.toString());
        Path log = ArchiveFiles.onlyRun(out).resolve(Fixtures.GUILD_ID + "/" + GENERAL + ".jsonl");
        long limited = ArchiveFiles.records(log).stream()
                .filter(r -> r.path("response").path("status").asInt() == 429).count();
        assertEquals(3, limited);
        JsonNode first429 = ArchiveFiles.records(log).stream()
                .filter(r -> r.path("response").path("status").asInt() == 429).findFirst().orElseThrow();
        assertEquals(0.05, first429.path("response").path("data").path("retry_after").asDouble());
        assertEquals(Fixtures.GENERAL_MESSAGES, ArchiveFiles.messageIds(log).size());
    }

    @Test
    void serverErrorsAndDroppedConnectionsAreRetriedAndRecorded() throws Exception {
        discord.script("/messages", 1, new MockResponse().setResponseCode(502).setBody("<html>Bad Gateway</html>"));
        discord.script("/messages", 1, new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        CliRun run = run(Map.of("DISCORD_TOKEN", TOKEN), "channel", Long.toString(GENERAL));
        assertEquals(0, run.exitCode, run.toString());
        List<JsonNode> records = ArchiveFiles.records(
                ArchiveFiles.onlyRun(out).resolve(Fixtures.GUILD_ID + "/" + GENERAL + ".jsonl"));
        JsonNode bad = records.stream().filter(r -> r.path("response").path("status").asInt() == 502)
                .findFirst().orElseThrow();
        assertEquals("<html>Bad Gateway</html>", bad.path("response").path("text").asText(), "non-JSON as text");
        assertTrue(records.stream().anyMatch(r -> r.has("error") && !r.has("response")), "no answer: an error record");
        assertEquals(Fixtures.GENERAL_MESSAGES, ArchiveFiles.messageIds(
                ArchiveFiles.onlyRun(out).resolve(Fixtures.GUILD_ID + "/" + GENERAL + ".jsonl")).size());
    }

    @Test
    void unreachableServerIsOneLineExitOne() throws Exception {
        String url = discord.apiUrl();
        discord.close();
        CliRun run = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), "--api-url", url, "-o", out.toString(), "profile");
        assertEquals(ExitCode.FAILED, run.exitCode, run.toString());
        assertTrue(run.err.startsWith("discard: cannot reach " + url + "/users/@me: "), run.err);
        assertEquals(1, run.err.lines().count());
    }

    @Test
    void anApiUrlThatIsNotHttpIsAUsageErrorAndWritesNothing() throws Exception {
        CliRun run = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), "--api-url", "ftp://example.org/api", "-o",
                out.resolve("never").toString(), "profile");
        assertEquals(ExitCode.USAGE, run.exitCode, run.toString());
        assertEquals("discard: not an http(s) URL: ftp://example.org/api\n", run.err);
        assertFalse(Files.exists(out.resolve("never")));
    }

    @Test
    void anOutputThatCannotHoldRunsIsOneLineThatSaysSo() throws Exception {
        Path file = Files.writeString(out.resolve("a-file"), "not a folder");
        CliRun run = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), "--api-url", discord.apiUrl(), "-o", file.toString(),
                "profile");
        assertEquals(ExitCode.FAILED, run.exitCode, run.toString());
        assertEquals("discard: cannot create a run directory: " + file + " (file already exists); check that the"
                + " folder can be written\n", run.err);
    }
}

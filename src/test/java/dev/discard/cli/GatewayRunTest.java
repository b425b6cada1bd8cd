package dev.discard.cli;

import static dev.discard.fake.Fixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.nio.file.Path;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/** The gateway session as a whole run sees it: recorded in run.jsonl, used, and failing with one line. */
class GatewayRunTest extends FakeDiscordTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private List<JsonNode> wsRecords() throws Exception {
        return ArchiveFiles.records(ArchiveFiles.onlyRun(out).resolve("run.jsonl")).stream()
                .filter(r -> r.path("type").asText().equals("ws")).toList();
    }

    @Test
    void runJsonlHoldsTheWholeSessionWithTheTokenScrubbed() throws Exception {
        CliRun run = run("guild", Long.toString(Fixtures.GUILD_ID));
        assertEquals(0, run.exitCode, run.toString());
        List<JsonNode> ws = wsRecords();
        assertEquals(10, ws.get(0).path("data").path("op").asInt(), "HELLO first");
        JsonNode identify = ws.get(1);
        assertEquals("send", identify.path("direction").asText());
        JsonNode sent = MAPPER.readTree(identify.path("data").asText());
        assertEquals(2, sent.path("op").asInt());
        assertEquals("[SCRUBBED]", sent.path("d").path("token").asText());
        assertTrue(identify.path("scrubbed").asBoolean());
        assertEquals((1 << 0) | (1 << 9) | (1 << 15), sent.path("d").path("intents").asInt());
        assertTrue(ws.stream().anyMatch(r -> "READY".equals(r.path("data").path("t").asText())));
        assertTrue(ws.stream().anyMatch(r -> "GUILD_CREATE".equals(r.path("data").path("t").asText())));
        JsonNode meta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve("run.meta.json"));
        assertEquals(ws.size(), meta.path("summary").path("num_ws_packets").asInt());
        for (Path file : ArchiveFiles.allFiles(out)) assertFalse(ArchiveFiles.text(file).contains(TOKEN));
        assertEquals(1000, discord.gateway().awaitClientClose(), "closed cleanly at the end");
    }

    @Test
    void noGatewayArchivesOverRestOnly() throws Exception {
        CliRun run = run("--no-gateway", "channel", Long.toString(Fixtures.ANNOUNCEMENTS));
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(List.of(), wsRecords());
        assertFalse(discord.paths().stream().anyMatch(p -> p.contains("/gateway")));
        assertEquals(0, discord.gateway().connectionCount());
    }

    @Test
    void gatewayRefusingTheTokenEndsTheRunWithOneLine() throws Exception {
        discord.gateway().token("another-token");
        CliRun run = run("profile");
        assertEquals(ExitCode.FAILED, run.exitCode, run.toString());
        assertEquals(1, run.err.lines().count(), run.err);
        assertTrue(run.err.startsWith("discard: ") && run.err.contains("4004"), run.err);
        JsonNode meta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve("run.meta.json"));
        assertFalse(meta.path("run").path("completed").asBoolean());
    }

    @Test
    void disallowedIntentSaysWhichIntentToEnable() throws Exception {
        discord.gateway().disallowPrivilegedIntents();
        CliRun run = run("profile");
        assertEquals(ExitCode.FAILED, run.exitCode, run.toString());
        assertTrue(run.err.contains("4014") && run.err.contains("MESSAGE CONTENT")
                && run.err.contains("developer portal"), run.err);
    }

    @Test
    void serverWithoutGatewayIsArchivedOverRestWithAWarning() throws Exception {
        discord.script("/gateway/bot", 1, discord.error(404, 0, "404: Not Found"));
        CliRun run = run("channel", Long.toString(Fixtures.ANNOUNCEMENTS));
        assertEquals(0, run.exitCode, run.toString());
        JsonNode meta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve("run.meta.json"));
        String expected = "the server offers no gateway (GET /gateway/bot: 404 Not Found); archiving over REST only"
                + " (--no-gateway skips the gateway)";
        assertEquals(expected, meta.path("run").path("gateway_error").asText());
        assertEquals(expected, meta.path("run").path("warnings").get(0).asText());
        assertEquals(5, meta.path("summary").path("num_messages").asInt());
    }

    @Test
    void gatewayThatNeverConnectsDoesNotStopTheArchive() throws Exception {
        discord.scriptRaw("/gateway/bot", new okhttp3.mockwebserver.MockResponse().setHeader("Content-Type",
                "application/json").setBody("{\"url\":\"ws://127.0.0.1:1/nothing-listens-here\"}"));
        CliRun run = run("channel", Long.toString(Fixtures.ANNOUNCEMENTS));
        assertEquals(0, run.exitCode, run.toString());
        JsonNode meta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve("run.meta.json"));
        assertTrue(meta.path("run").path("gateway_error").asText().endsWith("archiving over REST only"
                + " (--no-gateway skips the gateway)"), meta.path("run").toString());
        assertEquals(5, meta.path("summary").path("num_messages").asInt());
    }

    @Test
    void missingMessageContentIntentIsWarnedInTheMeta() throws Exception {
        discord.gateway().applicationFlags(0);
        CliRun run = run("profile");
        assertEquals(0, run.exitCode, run.toString());
        JsonNode meta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve("run.meta.json"));
        assertTrue(meta.path("run").path("warnings").get(0).asText().contains("MESSAGE CONTENT intent"));
    }

    @Test
    void userAccountsAskGatewayWithoutBotAndIdentifyWithoutIntents() throws Exception {
        discord.close();
        discord = Fixtures.standard(TOKEN, true).start();
        CliRun run = run("-U", "profile");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(discord.paths().contains("/api/v10/gateway"));
        JsonNode identify = MAPPER.readTree(wsRecords().get(1).path("data").asText());
        assertFalse(identify.path("d").has("intents"));
    }

    @Test
    void gatewayMemberStandsInWhenTheMemberRouteIsRefused() throws Exception {
        discord.script("/members/" + Fixtures.BOT_ID, 1, new MockResponse().setResponseCode(403)
                .setHeader("Content-Type", "application/json").setBody("{\"message\":\"Missing Access\",\"code\":50001}"));
        CliRun run = run("guild", Long.toString(Fixtures.GUILD_ID));
        assertEquals(0, run.exitCode, run.toString());
        JsonNode guildMeta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve(Fixtures.GUILD_ID + "/guild.meta.json"));
        // With the member from GUILD_CREATE the overwrites still hide #staff; without any member it would be tried.
        assertEquals(4, guildMeta.path("summary").path("num_channels").asInt());
        assertFalse(discord.paths().stream().anyMatch(p -> p.contains("/channels/" + Fixtures.STAFF)));
    }
}

package dev.discard.cli;

import static dev.discard.fake.Fixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {
    @TempDir Path out;

    @Test
    void botLogsInPrintsWhoAndRecordsUserObject() throws Exception {
        try (FakeDiscord discord = Fixtures.standard().start()) {
            CliRun run = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), "profile", "--api-url", discord.apiUrl(), "-o",
                    out.toString());
            assertEquals(0, run.exitCode, run.toString());
            assertEquals("Logged in as discardbot (id " + Fixtures.BOT_ID + ")\n", run.out);
            Path runDir = ArchiveFiles.onlyRun(out);
            assertEquals("20261121T100000_profile", runDir.getFileName().toString());
            List<JsonNode> records = ArchiveFiles.records(runDir.resolve("run.jsonl"));
            assertEquals(List.of("/users/@me", "/gateway/bot", "/users/" + Fixtures.BOT_ID), records.stream()
                    .filter(r -> r.path("type").asText().equals("http"))
                    .map(r -> r.path("request").path("url").asText().replaceFirst("^.*/api/v10", "")).toList());
            assertTrue(discord.requests().get(0).getHeader("User-Agent").startsWith("DiscordBot ("));
            assertEquals("Bot " + TOKEN, discord.requests().get(0).getHeader("Authorization"));
            JsonNode meta = ArchiveFiles.meta(runDir.resolve("run.meta.json"));
            assertEquals(Fixtures.BOT_ID, meta.path("user").path("id").asLong());
            assertEquals("discardbot", meta.path("user").path("name").asText());
            assertEquals("9433", meta.path("user").path("discriminator").asText());
            assertTrue(meta.path("user").path("bot").asBoolean());
            assertEquals(3, meta.path("summary").path("num_http_requests").asInt());
        }
    }

    @Test
    void userAccountAlsoFetchesItsProfile() throws Exception {
        try (FakeDiscord discord = Fixtures.standard(TOKEN, true).start()) {
            CliRun run = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), "-U", "profile", "--api-url", discord.apiUrl(),
                    "-o", out.toString());
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(discord.paths().contains("/api/v10/users/" + Fixtures.BOT_ID + "/profile"));
        }
    }
}

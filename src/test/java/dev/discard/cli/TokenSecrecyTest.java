package dev.discard.cli;

import static dev.discard.fake.Fixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class TokenSecrecyTest {
    @TempDir Path out;

    @Test
    void tokenIsInNoByteWrittenEvenWhenDiscordEchoesIt() throws Exception {
        try (FakeDiscord discord = Fixtures.standard().start()) {
            // Someone pasted the token into a message: the archive keeps the message, scrubbed and marked.
            discord.channel(Fixtures.ANNOUNCEMENTS).message(discord.channel(Fixtures.ANNOUNCEMENTS).messageIds().get(2))
                    .put("content", "oops, my token is " + TOKEN);
            CliRun run = CliRun.run(Map.of(), "-t", TOKEN, "--gzip", "--api-url", discord.apiUrl(), "-o",
                    out.toString(), "guild", Long.toString(Fixtures.GUILD_ID));
            assertEquals(0, run.exitCode, run.toString());
            assertFalse(run.out.contains(TOKEN) || run.err.contains(TOKEN));
            List<Path> files = ArchiveFiles.allFiles(out);
            assertTrue(files.size() >= 8, files.toString());
            for (Path file : files) {
                assertFalse(ArchiveFiles.text(file).contains(TOKEN), "token in " + file);
            }
            Path runDir = ArchiveFiles.onlyRun(out);
            JsonNode meta = ArchiveFiles.meta(runDir.resolve("run.meta.json"));
            assertTrue(meta.path("settings").path("token").isNull());
            assertTrue(meta.path("command").toString().contains("[SCRUBBED]"), meta.path("command").toString());
            JsonNode scrubbed = ArchiveFiles.records(runDir.resolve(Fixtures.GUILD_ID + "/" + Fixtures.ANNOUNCEMENTS
                    + ".jsonl.gz")).stream().filter(r -> r.path("scrubbed").asBoolean()).findFirst().orElseThrow();
            assertTrue(scrubbed.toString().contains("oops, my token is [SCRUBBED]"));
        }
    }

    @Test
    void noScrubKeepsTheTokenWhereTheUserAskedForIt() throws Exception {
        try (FakeDiscord discord = Fixtures.standard().start()) {
            CliRun run = CliRun.run(Map.of(), "-t", TOKEN, "--no-scrub", "--api-url", discord.apiUrl(), "-o",
                    out.toString(), "profile");
            assertEquals(0, run.exitCode, run.toString());
            JsonNode meta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve("run.meta.json"));
            assertEquals(TOKEN, meta.path("settings").path("token").asText());
            assertTrue(meta.path("command").toString().contains(TOKEN));
        }
    }

    @Test
    void tokenNeverAppearsInErrorLinesOrTraces() throws Exception {
        try (FakeDiscord discord = Fixtures.standard().start()) {
            String url = discord.apiUrl();
            discord.close();
            CliRun run = CliRun.run(Map.of(), "-t", TOKEN, "-v", "--api-url", url + "/" + TOKEN, "-o",
                    out.toString(), "profile");
            assertEquals(ExitCode.FAILED, run.exitCode, run.toString());
            assertTrue(run.err.contains("[SCRUBBED]"), run.err);
            assertFalse(run.err.contains(TOKEN));
            for (Path file : ArchiveFiles.allFiles(out)) assertFalse(ArchiveFiles.text(file).contains(TOKEN));
        }
    }
}

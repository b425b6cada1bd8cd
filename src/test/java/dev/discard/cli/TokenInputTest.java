package dev.discard.cli;

import static dev.discard.fake.Fixtures.GUILD_ID;
import static dev.discard.fake.Fixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens as users give them (issue 25, items 2 and 3): checked before anything is written, scrubbed without harm. */
class TokenInputTest {
    @TempDir Path out;

    private static void assertRefusedWithNothingWritten(CliRun run, Path out, String secretPart) throws Exception {
        assertEquals(ExitCode.USAGE, run.exitCode, run.toString());
        assertEquals(1, run.err.lines().count(), run.err);
        assertTrue(run.err.startsWith("discard: the token holds "), run.err);
        assertFalse(run.err.contains(secretPart) || run.out.contains(secretPart), run.toString());
        assertFalse(Files.exists(out) && ArchiveFiles.allFiles(out).size() > 0, "nothing on disk");
    }

    @Test
    void aTokenWithALineBreakInsideIsRefusedInOneLineBeforeAnythingIsWritten() throws Exception {
        try (FakeDiscord discord = Fixtures.standard().start()) {
            String broken = TOKEN.substring(0, 24) + "\n" + TOKEN.substring(24);
            CliRun option = CliRun.run(Map.of(), "-t", broken, "--api-url", discord.apiUrl(), "-o", out.toString(),
                    "guild", Long.toString(GUILD_ID));
            assertRefusedWithNothingWritten(option, out, TOKEN.substring(24));
            assertTrue(option.err.contains("a line break at character 25"), option.err);
            CliRun env = CliRun.run(Map.of("DISCORD_TOKEN", broken + "\n"), "--api-url", discord.apiUrl(), "-o",
                    out.toString(), "profile");
            assertRefusedWithNothingWritten(env, out, TOKEN.substring(24));
            CliRun space = CliRun.run(Map.of("DISCORD_TOKEN", "abc déf"), "--api-url", discord.apiUrl(), "-o",
                    out.toString(), "profile");
            assertRefusedWithNothingWritten(space, out, "déf");
            assertEquals(0, discord.server().getRequestCount(), "nothing was sent either");
        }
    }

    @Test
    void aTokenGivenAsTheHeaderReadsIsTakenWithoutItsBotPrefix() throws Exception {
        try (FakeDiscord discord = Fixtures.standard().start()) {
            CliRun run = CliRun.run(Map.of(), "-t", "Bot " + TOKEN, "--api-url", discord.apiUrl(), "-o",
                    out.toString(), "profile");
            assertEquals(0, run.exitCode, run.toString());
            JsonNode meta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve("run.meta.json"));
            assertTrue(meta.path("command").toString().contains("Bot [SCRUBBED]"), meta.path("command").toString());
            CliRun user = CliRun.run(Map.of(), "-U", "-t", "Bot " + TOKEN, "--api-url", discord.apiUrl(), "-o",
                    out.resolve("user").toString(), "profile");
            assertEquals(ExitCode.USAGE, user.exitCode, user.toString());
            assertTrue(user.err.contains("leave out -U"), user.err);
            assertFalse(Files.exists(out.resolve("user")));
        }
    }

    @Test
    void aOneLetterTokenLeavesEveryFileValidJsonOfTheSameShape() throws Exception {
        try (FakeDiscord discord = Fixtures.standard("e", false).start()) {
            CliRun run = CliRun.run(Map.of(), "-t", "e", "--members", "--api-url", discord.apiUrl(), "-o",
                    out.toString(), "guild", Long.toString(GUILD_ID));
            assertEquals(0, run.exitCode, run.toString());
            ObjectMapper mapper = new ObjectMapper();
            Path runDir = ArchiveFiles.onlyRun(out);
            List<Path> files = ArchiveFiles.allFiles(runDir);
            int records = 0;
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".meta.json")) {
                    JsonNode meta = mapper.readTree(file.toFile());
                    assertTrue(meta.isObject(), file.toString());
                } else if (name.endsWith(".jsonl")) {
                    for (String line : ArchiveFiles.lines(file)) {
                        JsonNode record = mapper.readTree(line);
                        assertTrue(record.has("type"), "keys are never scrubbed: " + line);
                        records++;
                    }
                }
            }
            assertTrue(records > 20, "records read: " + records);
            JsonNode meta = ArchiveFiles.meta(runDir.resolve("run.meta.json"));
            assertTrue(meta.path("run").path("completed").isBoolean(), "true stays true: " + meta);
            assertTrue(meta.path("run").has("exception"), meta.toString());
            assertEquals("[SCRUBBED]", meta.path("command").get(2).asText(), meta.path("command").toString());
            assertTrue(meta.path("settings").path("mod[SCRUBBED]").isMissingNode());
            // Every "e" of every string value is gone (URLs, contents), so verify rightly finds no messages; the
            // files are still whole, and the tools read them.
            CliRun summary = CliRun.run(Map.of(), "summary", out.toString());
            assertEquals(0, summary.exitCode, summary.toString());
        }
    }
}

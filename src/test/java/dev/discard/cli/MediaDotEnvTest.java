package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .env} as DiscordPicExtract's python-dotenv reads it. */
class MediaDotEnvTest {
    @TempDir Path dir;

    @Test
    void readsPairsQuotesExportsAndComments() throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, String.join("\n", "# a comment", "", "DISCORD_USER_TOKEN=abc.def-ghi",
                "export DISCORD_TOKEN = 'quoted token' ", "OTHER=\"x # not a comment\"", "PLAIN=value # comment",
                "not a pair", "=no name"));
        assertEquals(Map.of("DISCORD_USER_TOKEN", "abc.def-ghi", "DISCORD_TOKEN", "quoted token",
                "OTHER", "x # not a comment", "PLAIN", "value"), DotEnv.read(file));
    }

    @Test
    void aMissingFileIsEmpty() throws Exception {
        assertEquals(Map.of(), DotEnv.read(dir.resolve(".env")));
    }
}

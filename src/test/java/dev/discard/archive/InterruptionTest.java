package dev.discard.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.Interruptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptionTest {
    @TempDir Path out;

    @Test
    void interruptMidPageLeavesCompleteGzipAndHonestMeta() throws Exception {
        try (FakeDiscord discord = Fixtures.standard().start()) {
            // The second page hangs until the run is interrupted.
            ArchiveSettings settings = ArchiveSettings.builder(Mode.GUILD, Fixtures.TOKEN, out)
                    .ids(List.of(Fixtures.GUILD_ID)).gzip(true).apiUrl(discord.apiUrl()).build();
            Throwable failure = Interruptions.interruptAt(discord, ArchiveRun.builder(settings).build(),
                    "/channels/" + Fixtures.GENERAL + "/messages?", 2, "SIGTERM");
            assertTrue(failure instanceof RunFailedException, String.valueOf(failure));
            assertTrue(failure.getMessage().startsWith("run interrupted (SIGTERM)"), failure.getMessage());

            Path runDir = ArchiveFiles.onlyRun(out);
            JsonNode meta = ArchiveFiles.meta(runDir.resolve("run.meta.json"));
            assertFalse(meta.path("run").path("completed").asBoolean());
            assertTrue(meta.path("run").path("finished").asBoolean());
            assertEquals("SIGTERM", meta.path("run").path("interrupted").asText());
            Path guildDir = runDir.resolve(Long.toString(Fixtures.GUILD_ID));
            JsonNode channelMeta = ArchiveFiles.meta(guildDir.resolve(Fixtures.GENERAL + ".meta.json"));
            assertFalse(channelMeta.path("completed").asBoolean());
            assertEquals("interrupted", channelMeta.path("error").asText());
            assertEquals(100, channelMeta.path("summary").path("num_messages").asInt(), "the first page counts");
            assertFalse(ArchiveFiles.meta(guildDir.resolve("guild.meta.json")).path("completed").asBoolean());
            // Every gzip stream was finished: reading each to its end succeeds.
            for (Path file : ArchiveFiles.allFiles(runDir)) {
                try {
                    ArchiveFiles.lines(file);
                } catch (java.io.IOException e) {
                    throw new AssertionError(file + " (" + java.nio.file.Files.size(file) + " bytes) does not read: "
                            + e, e);
                }
            }
            List<String> ids = ArchiveFiles.messageIds(guildDir.resolve(Fixtures.GENERAL + ".jsonl.gz"));
            assertEquals(100, ids.size());
        }
    }
}

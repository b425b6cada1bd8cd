package dev.discard.cli;

import static dev.discard.fake.Fixtures.GENERAL;
import static dev.discard.fake.Fixtures.GUILD_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import dev.discard.format.OutputFiles;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import dev.discard.testing.FillingDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A disk that fills up mid-run: one line with the file and the --resume command, exit 1, nothing half left. */
class WriteErrorTest extends FakeDiscordTest {
    private static Function<ArchiveSettings, ArchiveRun> on(OutputFiles disk) {
        return settings -> CliRun.fixedRuns().apply(settings).newBuilder().outputFiles(disk).build();
    }

    private CliRun archive(OutputFiles disk, String... args) {
        List<String> all = new ArrayList<>(List.of("--api-url", discord.apiUrl(), "-o", out.toString(),
                "--no-gateway"));
        all.addAll(List.of(args));
        return CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), on(disk), all.toArray(String[]::new));
    }

    private static void assertNothingHalfLeft(Path runDir) throws Exception {
        for (Path file : ArchiveFiles.allFiles(runDir)) {
            assertFalse(file.toString().endsWith(".tmp"), file + " left");
            assertTrue(Files.size(file) > 0, file + " is empty");
        }
    }

    @Test
    void aFullDiskIsOneLineWithTheFileAndTheResumeCommandAndTheResumeCompletesTheRun() throws Exception {
        Path general = Path.of(GUILD_ID + "/" + GENERAL + ".jsonl");
        CliRun full = archive(new FillingDisk(40_000, p -> p.endsWith(general)), "guild", Long.toString(GUILD_ID));
        assertEquals(ExitCode.FAILED, full.exitCode, full.toString());
        Path runDir = ArchiveFiles.onlyRun(out);
        assertEquals("discard: cannot write " + runDir.resolve(general) + ": " + FillingDisk.FULL + "; once it can be"
                + " written (free some space), continue with: discard --resume " + runDir + "\n", full.err);
        assertNothingHalfLeft(runDir);
        JsonNode meta = ArchiveFiles.meta(runDir.resolve("run.meta.json"));
        assertTrue(meta.path("run").path("finished").asBoolean(), meta.toString());
        assertFalse(meta.path("run").path("completed").asBoolean());
        assertTrue(meta.path("run").path("exception").asText().contains(FillingDisk.FULL), meta.toString());
        JsonNode channelMeta = ArchiveFiles.meta(runDir.resolve(GUILD_ID + "/" + GENERAL + ".meta.json"));
        assertTrue(channelMeta.toString().contains(FillingDisk.FULL), channelMeta.toString());

        CliRun resumed = archive(OutputFiles.DISK, "--resume", runDir.toString());
        assertEquals(0, resumed.exitCode, resumed.toString());
        List<String> ids = new ArrayList<>();
        for (Path part : ArchiveFiles.allFiles(runDir.resolve(Long.toString(GUILD_ID)))) {
            if (part.getFileName().toString().startsWith(GENERAL + ".") && part.toString().endsWith(".jsonl")) {
                ids.addAll(ArchiveFiles.messageIds(part));
            }
        }
        assertEquals(discord.standardIds(GENERAL), ids.stream().distinct().sorted().toList());
        CliRun verify = CliRun.run(Map.of(), "verify", out.toString());
        assertEquals(0, verify.exitCode, verify.toString());
    }

    @Test
    void aDiskFullForEveryFileLeavesNoEmptyOrTemporaryFileAndTheFirstMetaFile() throws Exception {
        CliRun full = archive(new FillingDisk(20_000, p -> true), "guild", Long.toString(GUILD_ID));
        assertEquals(ExitCode.FAILED, full.exitCode, full.toString());
        Path runDir = ArchiveFiles.onlyRun(out);
        assertEquals(1, full.err.lines().count(), full.err);
        assertTrue(full.err.startsWith("discard: cannot write " + runDir) && full.err.contains(FillingDisk.FULL)
                && full.err.endsWith("continue with: discard --resume " + runDir + "\n"), full.err);
        assertNothingHalfLeft(runDir);
        JsonNode meta = ArchiveFiles.meta(runDir.resolve("run.meta.json"));
        assertFalse(meta.path("run").path("completed").asBoolean(), "the meta file of the start, whole");
    }
}

package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.ChildProcess;
import dev.discard.testing.FakeDiscordTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real process: SIGTERM mid-page exits 143 with finished gzip files and a meta file that says SIGTERM. */
class SignalExitTest extends FakeDiscordTest {
    @TempDir Path printedTo;

    @Test
    void sigtermMidPageExits143WithValidFilesAndHonestMeta() throws Exception {
        discord.hangOn("/channels/" + Fixtures.GENERAL + "/messages?", 2);
        // A file, not a pipe: destroying the process closes the pipe, and what it printed last would be lost.
        Path output = printedTo.resolve("child-output.txt");
        Process process = ChildProcess.builder(discord, out, "--gzip", "channel", Long.toString(Fixtures.GENERAL))
                .redirectOutput(output.toFile()).start();
        try {
            ChildProcess.awaitRequests(discord, "/channels/" + Fixtures.GENERAL + "/messages?", 2);
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the child should stop");
            assertEquals(ExitCode.TERMINATED, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
        Path runDir = ArchiveFiles.onlyRun(out);
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(printed.contains("discard: run interrupted (SIGTERM); " + runDir + " holds what was archived until"
                + " then; continue with: discard --resume " + runDir + "\n"), printed);
        JsonNode meta = ArchiveFiles.meta(runDir.resolve("run.meta.json"));
        assertEquals("SIGTERM", meta.path("run").path("interrupted").asText());
        assertFalse(meta.path("run").path("completed").asBoolean());
        for (Path file : ArchiveFiles.allFiles(runDir)) ArchiveFiles.lines(file);
        List<String> ids = ArchiveFiles.messageIds(runDir.resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL
                + ".jsonl.gz"));
        assertEquals(100, ids.size());
    }
}

package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.fake.Fixtures;
import dev.discard.format.RunLock;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.ChildProcess;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run directory in use is locked (issue 25, item 1): a second process on it is refused and writes nothing; the
 * lock dies with the process that held it, SIGKILL included, and a killed run is then verified as interrupted
 * (item 4) and resumed.
 */
class RunDirectoryLockTest extends FakeDiscordTest {
    @TempDir Path printedTo;

    private static Map<Path, byte[]> snapshot(Path dir) throws Exception {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) files.put(dir.relativize(f), Files.readAllBytes(f));
        }
        return files;
    }

    @Test
    void aSecondResumeOfARunInUseIsRefusedAndTheLockDiesWithAKilledProcess() throws Exception {
        String messages = "/channels/" + Fixtures.GENERAL + "/messages?";
        discord.hangFrom(messages, 2); // and its retries: the child holds the run until it is killed
        Process child = ChildProcess.builder(discord, out, "--gzip", "channel", Long.toString(Fixtures.GENERAL))
                .redirectOutput(printedTo.resolve("child.txt").toFile()).start();
        Path runDir;
        try {
            ChildProcess.awaitRequests(discord, messages, 2);
            runDir = ArchiveFiles.onlyRun(out);
            assertTrue(Files.exists(runDir.resolve(RunLock.FILE)), "the running run holds its lock");
            Map<Path, byte[]> before = snapshot(runDir);
            CliRun second = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--resume", runDir.toString());
            assertEquals(ExitCode.USAGE, second.exitCode, second.toString());
            assertEquals("discard: " + runDir + " is in use by another discard process (pid " + child.pid()
                    + "): wait until it ends, or stop it; nothing was written\n", second.err);
            // The child goes on recording its hung page's attempts; the refused process adds and rewrites nothing.
            Map<Path, byte[]> after = snapshot(runDir);
            assertEquals(before.keySet(), after.keySet(), "no new file, no new log part");
            for (String file : new String[] {"run.meta.json", RunLock.FILE}) {
                assertArrayEquals(before.get(Path.of(file)), after.get(Path.of(file)), file);
            }
            CliRun verifyRunning = CliRun.run(Map.of(), "verify", out.toString());
            assertTrue(verifyRunning.out.contains("in progress"), verifyRunning.toString());
            child.destroyForcibly(); // SIGKILL: no hook runs, the OS releases the lock
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        discord.stopHanging();
        damagesFiles = true; // a SIGKILLed gzip part is cut short until the resume continues it
        assertTrue(Files.exists(runDir.resolve(RunLock.FILE)), "a killed process leaves its file, not its lock");
        CliRun killed = CliRun.run(Map.of(), "verify", out.toString());
        assertEquals(ExitCode.FAILED, killed.exitCode, killed.toString());
        assertTrue(killed.out.contains("interrupted at an unknown time (killed before it could finish its files): run `discard --resume " + runDir
                + "`"), killed.out);
        assertFalse(killed.out.contains(" but "), "no counts compared on a run that never finished: " + killed.out);
        assertTrue(killed.out.contains("FAILED: 1 problem,"), "the kill is the one problem: " + killed.out);
        CliRun resumed = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--resume", runDir.toString());
        assertEquals(0, resumed.exitCode, resumed.toString());
        assertFalse(Files.exists(runDir.resolve(RunLock.FILE)), "a run that ends removes its lock file");
        CliRun verify = CliRun.run(Map.of(), "verify", out.toString());
        assertEquals(0, verify.exitCode, verify.toString());
        assertEquals(Fixtures.GENERAL_MESSAGES, ArchiveFiles.meta(runDir.resolve(Fixtures.GUILD_ID + "/"
                + Fixtures.GENERAL + ".meta.json")).path("summary").path("num_messages").asInt());
        for (String reader : new String[] {"read", "summary"}) {
            String target = reader.equals("read") ? runDir.resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL
                    + ".jsonl.gz").toString() : out.toString();
            CliRun read = CliRun.run(Map.of(), reader, target);
            assertEquals(0, read.exitCode, read.toString());
        }
    }
}

package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import dev.discard.archive.Mode;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.ChildProcess;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import dev.discard.testing.Interruptions;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** verify says OK on every clean run of ours, names an interrupted run as such, and still finds damage. */
class VerifyEveryRunTest extends FakeDiscordTest {
    private static CliRun verify(Path run) {
        return CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "verify", run.toString());
    }

    private static String lastLine(CliRun run) {
        return run.out.lines().reduce((a, b) -> b).orElse("");
    }

    @Test
    void aChannelRunHasNoGuildMetaAndVerifiesClean() throws Exception {
        assertEquals(0, run("channel", Long.toString(Fixtures.GENERAL)).exitCode);
        Path runDir = ArchiveFiles.onlyRun(out);
        assertTrue(Files.notExists(runDir.resolve(Fixtures.GUILD_ID + "/guild.meta.json")), "as in Discard");
        CliRun verify = verify(runDir);
        assertEquals(0, verify.exitCode, verify.toString());
        assertTrue(lastLine(verify).startsWith("OK: 1 run"), verify.out);
    }

    @Test
    void aRangedRunWhoseLastPageCrossesTheRangeVerifiesClean() throws Exception {
        CliRun archive = run("--after", "2021-02-02T12:00:00", "--before", "2021-02-02T14:00:00", "guild",
                Long.toString(Fixtures.GUILD_ID));
        assertEquals(0, archive.exitCode, archive.toString());
        CliRun verify = verify(ArchiveFiles.onlyRun(out));
        assertEquals(0, verify.exitCode, verify.toString());
        assertTrue(lastLine(verify).startsWith("OK: 1 run"), verify.out);
    }

    @Test
    void anInterruptedRunIsReportedAsSuchWithTheWayToResumeIt() throws Exception {
        Path runDir = interruptedGuildRun();
        CliRun verify = verify(runDir);
        assertEquals(1, verify.exitCode, verify.toString());
        assertTrue(verify.out.contains(runDir.resolve("run.meta.json") + ": interrupted at "), verify.out);
        assertTrue(verify.out.contains(": run `discard --resume " + runDir + "`"), verify.out);
        assertEquals(1, verify.out.lines().filter(l -> !l.contains(": info: ")).count() - 1, verify.out);
    }

    @Test
    void aTruncatedLastPartThatNothingContinuedIsAProblem() throws Exception {
        damagesFiles = true;
        assertEquals(0, run("--gzip", "channel", Long.toString(Fixtures.GENERAL)).exitCode);
        Path log = ArchiveFiles.onlyRun(out).resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL + ".jsonl.gz");
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.setLength(file.length() - 9);
        }
        CliRun verify = verify(ArchiveFiles.onlyRun(out));
        assertEquals(1, verify.exitCode, verify.toString());
        assertTrue(verify.out.contains(log + ":"), verify.out);
        assertTrue(verify.out.contains("truncated gzip stream"), verify.out);
    }

    @Test
    void garbageAfterAGzipStreamAndARecordThatDoesNotParseAreProblems() throws Exception {
        damagesFiles = true;
        assertEquals(0, run("--gzip", "guild", Long.toString(Fixtures.GUILD_ID)).exitCode);
        Path guild = ArchiveFiles.onlyRun(out).resolve(Long.toString(Fixtures.GUILD_ID));
        Path gz = guild.resolve(Fixtures.GENERAL + ".jsonl.gz");
        Files.write(gz, "garbage".getBytes(), StandardOpenOption.APPEND);
        CliRun verify = verify(ArchiveFiles.onlyRun(out));
        assertEquals(1, verify.exitCode, verify.toString());
        assertTrue(verify.out.contains(gz + ":"), verify.out);
    }

    @Test
    void aRunResumedAfterKillDashNineVerifiesClean() throws Exception {
        damagesFiles = true; // a hard kill leaves the first part's gzip stream without its end
        discord.hangOn("/channels/" + Fixtures.GENERAL + "/messages?", 2);
        Process process = ChildProcess.builder(discord, out, "--gzip", "channel", Long.toString(Fixtures.GENERAL))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            ChildProcess.awaitRequests(discord, "/channels/" + Fixtures.GENERAL + "/messages?", 2);
        } finally {
            process.destroyForcibly(); // SIGKILL: no shutdown hook runs
            process.waitFor();
        }
        Path runDir = ArchiveFiles.onlyRun(out);
        CliRun killed = verify(runDir);
        assertEquals(1, killed.exitCode, killed.toString());
        assertTrue(killed.out.contains(": run `discard --resume " + runDir + "`"), killed.out);

        CliRun resumed = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--resume", runDir.toString());
        assertEquals(0, resumed.exitCode, resumed.toString());
        CliRun verify = verify(runDir);
        assertEquals(0, verify.exitCode, verify.toString());
        assertTrue(lastLine(verify).startsWith("OK: 1 run"), verify.out);
    }

    /** A gzip guild run stopped by SIGTERM at its last channel's first page (its only one: 3 messages). */
    private Path interruptedGuildRun() throws Exception {
        ArchiveSettings settings = ArchiveSettings.builder(Mode.GUILD, Fixtures.TOKEN, out)
                .ids(List.of(Fixtures.GUILD_ID)).gzip(true).apiUrl(discord.apiUrl()).concurrency(1).build();
        Interruptions.interruptAt(discord, ArchiveRun.builder(settings).connection(CliRun.lateJitter()).build(),
                "/channels/" + Fixtures.REOPENED + "/messages?", 1, "SIGTERM");
        return ArchiveFiles.onlyRun(out);
    }
}

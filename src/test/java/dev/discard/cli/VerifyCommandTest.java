package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.read.PythonExampleAccess;
import dev.discard.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir Path tmp;
    static final String TOKEN = "Nzk0MzM4ODU2MzQ1NjM0ODE2.X_abcd.SECRETSECRETSECRETSECRET";

    @Test
    void aCleanRunPrintsItsInformationAndAnOkVerdict() throws Exception {
        Path run = PythonExampleAccess.write(tmp);
        CliRun cli = CliRun.run(Map.of(), "verify", run.toString());
        assertEquals(0, cli.exitCode, cli.out + cli.err);
        assertEquals(run.resolve("run.jsonl") + ":5: info: scrubbed record: the token was replaced by [SCRUBBED]\n"
                + run.resolve("805808489695150180/guild.meta.json") + ": info: num_messages is 1 but the channel meta"
                + " files add up to 6 (the Python Discard counts only the last channel)\n"
                + "OK: 1 run, 8 files, 10 records, 6 messages checked; no problems, 2 info lines; token check skipped"
                + " (give -t/--token or set DISCORD_TOKEN)\n", cli.out);
        assertEquals("", cli.err);
    }

    @Test
    void theTokenFromTheEnvironmentIsLookedForAndNeverShown() throws Exception {
        Path run = PythonExampleAccess.write(tmp);
        Path log = run.resolve("805808489695150180/805808821749415946.jsonl");
        Files.writeString(log, Files.readString(log).replace("This is a second channel.", TOKEN));
        CliRun cli = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), "verify", tmp.toString());
        assertEquals(1, cli.exitCode);
        assertTrue(cli.out.contains(log + ":1: holds the token\n"), cli.out);
        assertTrue(cli.out.contains("FAILED: 1 problem, 2 info lines in 1 run"), cli.out);
        assertTrue(cli.out.endsWith("; token checked\n"), cli.out);
        assertFalse(cli.out.contains(TOKEN));
        CliRun option = CliRun.run(Map.of(), "verify", "-t", TOKEN, run.toString());
        assertEquals(1, option.exitCode);
        CliRun before = CliRun.run(Map.of(), "--token", TOKEN, "verify", run.toString());
        assertEquals(1, before.exitCode);
        assertTrue(before.out.contains("holds the token"), before.out);
    }

    @Test
    void aPathWithoutRunsIsAUsageError() throws Exception {
        CliRun missing = CliRun.run(Map.of(), "verify", tmp.resolve("nope").toString());
        assertEquals(2, missing.exitCode);
        assertEquals("discard: no folder " + tmp.resolve("nope") + ": give a run directory\n", missing.err);
        CliRun none = CliRun.run(Map.of(), "verify");
        assertEquals(2, none.exitCode);
        assertEquals(1, none.err.split("\n").length);
        assertTrue(none.err.startsWith("discard: Missing required parameter: 'RUN_DIR'"), none.err);
    }
}

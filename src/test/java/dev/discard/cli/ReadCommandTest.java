package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.read.PythonExampleAccess;
import dev.discard.read.TestArchive;
import dev.discard.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadCommandTest {
    @TempDir Path tmp;

    static final String EXPECTED = String.join("\n",
            "Channel general (id 805808489695150183)",
            "[2021-02-01 14:35:33.216000] <Sanqui#3248> Hello this is a message today, on the first of February.",
            "[2021-02-01 14:36:01.683000] DiscardTest#9433 joined the server.",
            "[2021-02-01 14:36:19.281000] <Sanqui#3248> The previous message was an invite message.",
            "[2021-02-01 14:36:24.155000] <Sanqui#3248> This message will have a reaction.",
            "[2021-02-01 14:37:12.362000] <Sanqui#3248> This message was edited. (edited)",
            "");

    Path general() throws Exception {
        return PythonExampleAccess.write(tmp).resolve("805808489695150180/805808489695150183");
    }

    @Test
    void readsThePythonExampleOldestFirstByAnyOfItsNames() throws Exception {
        Path base = general();
        for (String name : List.of(base.toString(), base + ".jsonl", base + ".meta.json")) {
            CliRun run = CliRun.run(Map.of(), "read", name);
            assertEquals("", run.err);
            assertEquals(0, run.exitCode);
            assertEquals(EXPECTED, run.out);
        }
    }

    @Test
    void jsonWritesTheArchivedObjectsVerbatimOldestFirst() throws Exception {
        Path base = general();
        CliRun run = CliRun.run(Map.of(), "read", "--json", base.toString());
        assertEquals(0, run.exitCode);
        String[] lines = run.out.split("\n");
        assertEquals(5, lines.length);
        String log = Files.readString(base.resolveSibling(base.getFileName() + ".jsonl"));
        for (String line : lines) assertTrue(log.contains(line), line);
        assertTrue(lines[0].startsWith("{\"id\": \"805808565507457035\", \"type\": 0"), lines[0]);
        assertTrue(lines[4].startsWith("{\"id\": \"805808981356183572\""), lines[4]);
    }

    @Test
    void aGzipLogWithADamagedLineIsPrintedAroundItAndExitsOne() throws Exception {
        Path dir = tmp.resolve("run/" + TestArchive.GUILD);
        long a = TestArchive.id("2021-03-01T10:00:00Z", 0);
        long b = TestArchive.id("2021-03-01T11:00:00Z", 0);
        TestArchive.write(dir.resolve(TestArchive.CHANNEL + ".jsonl.gz"), List.of(
                TestArchive.page(0, List.of(TestArchive.message(a, "before"))), "{broken",
                TestArchive.page(a, List.of(TestArchive.message(b, "after")))));
        CliRun run = CliRun.run(Map.of(), "read", dir.resolve(TestArchive.CHANNEL).toString());
        assertEquals(1, run.exitCode);
        assertEquals(String.join("\n", "Channel (unknown name) (id " + TestArchive.CHANNEL + ")",
                "[2021-03-01 10:00:00] <Sanqui#3248> before", // as Python prints a datetime
                "[2021-03-01 11:00:00] <Sanqui#3248> after", ""), run.out);
        String[] errors = run.err.split("\n");
        assertEquals(1, errors.length);
        assertTrue(errors[0].startsWith("discard: " + dir.resolve(TestArchive.CHANNEL + ".jsonl.gz") + ":2: not a"
                + " valid JSON record"), errors[0]);
    }

    @Test
    void aMissingLogIsAUsageErrorOfOneLine() {
        CliRun run = CliRun.run(Map.of(), "read", tmp.resolve("nothing/here").toString());
        assertEquals(2, run.exitCode);
        assertEquals("", run.out);
        assertEquals(1, run.err.split("\n").length);
        assertTrue(run.err.startsWith("discard: no channel log at "), run.err);
        CliRun missing = CliRun.run(Map.of(), "read", tmp.resolve("123").toString());
        assertEquals(2, missing.exitCode);
        assertTrue(missing.err.contains("expected " + tmp.resolve("123") + ".jsonl, "), missing.err);
    }

    @Test
    void aDirectoryOrAGuildLogIsNotAChannelLog() throws Exception {
        Path base = general();
        CliRun dir = CliRun.run(Map.of(), "read", base.getParent().toString());
        assertEquals(2, dir.exitCode);
        assertTrue(dir.err.startsWith("discard: " + base.getParent() + " is a directory"), dir.err);
        CliRun guild = CliRun.run(Map.of(), "read", base.resolveSibling("guild").toString());
        assertEquals(2, guild.exitCode);
        assertTrue(guild.err.contains("not a channel meta file"), guild.err);
        assertEquals(1, guild.err.split("\n").length);
    }

    @Test
    void helpIsDocumentation() {
        CliRun run = CliRun.run(Map.of(), "read", "--help");
        assertEquals(0, run.exitCode);
        assertTrue(run.out.startsWith("Usage: discard read [-hV] [--all] [--json] [--versions] PATH"), run.out);
        assertTrue(run.out.contains("Exit codes:"));
    }
}

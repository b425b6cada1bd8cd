package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import dev.discard.archive.Mode;
import dev.discard.archive.RunFailedException;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import dev.discard.testing.Interruptions;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --resume continues an interrupted run in place, and the union of its parts is what a clean run archives. */
class ResumeRunTest extends FakeDiscordTest {
    /** A gzip guild run stopped at its last channel's first page (its only one): channels one at a time, in id order. */
    private Path interruptedGuildRun() throws Exception {
        return interruptedGuildRun(true);
    }

    private Path interruptedGuildRun(boolean gzip) throws Exception {
        ArchiveSettings settings = ArchiveSettings.builder(Mode.GUILD, Fixtures.TOKEN, out)
                .ids(List.of(Fixtures.GUILD_ID)).gzip(gzip).apiUrl(discord.apiUrl()).concurrency(1).build();
        Throwable failure = Interruptions.interruptAt(discord, ArchiveRun.builder(settings)
                .connection(CliRun.lateJitter()).build(), "/channels/" + Fixtures.REOPENED + "/messages?", 1,
                "SIGTERM");
        assertTrue(failure instanceof RunFailedException, String.valueOf(failure));
        return ArchiveFiles.onlyRun(out);
    }

    /** Every message id of a channel over all log parts, each once, as {@code discard read --json} gives them. */
    private static List<String> union(Path guildDir, long channel) throws Exception {
        CliRun read = CliRun.run(Map.of(), "read", "--json", guildDir.resolve(Long.toString(channel)).toString());
        List<String> ids = new ArrayList<>();
        for (String line : read.out.lines().toList()) {
            ids.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("id").asText());
        }
        return ids;
    }

    @Test
    void resumeCompletesTheRunInPlaceWithNewLogParts() throws Exception {
        Path runDir = interruptedGuildRun();
        Path guildDir = runDir.resolve(Long.toString(Fixtures.GUILD_ID));
        assertFalse(ArchiveFiles.meta(guildDir.resolve(Fixtures.REOPENED + ".meta.json")).path("completed").asBoolean());
        long generalLogSize = Files.size(guildDir.resolve(Fixtures.GENERAL + ".jsonl.gz"));
        byte[] firstPart = Files.readAllBytes(guildDir.resolve(Fixtures.REOPENED + ".jsonl.gz"));
        long requestsBefore = discord.paths().size();

        CliRun resumed = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--resume", runDir.toString());
        assertEquals(0, resumed.exitCode, resumed.toString());

        assertTrue(Files.exists(guildDir.resolve(Fixtures.REOPENED + ".2.jsonl.gz")), "a new part");
        assertTrue(java.util.Arrays.equals(firstPart, Files.readAllBytes(guildDir.resolve(Fixtures.REOPENED
                + ".jsonl.gz"))), "the first part is never rewritten");
        for (long finished : List.of(Fixtures.GENERAL, Fixtures.ANNOUNCEMENTS)) {
            // Issue 25, item 5: a channel finished with its threads is skipped whole: no request, no new part.
            assertFalse(Files.exists(guildDir.resolve(finished + ".2.jsonl.gz")), "no new part of " + finished);
            assertFalse(discord.paths().stream().skip(requestsBefore).anyMatch(p -> p.contains("/" + finished + "/")),
                    "nothing asked of " + finished);
        }
        assertEquals(generalLogSize, Files.size(guildDir.resolve(Fixtures.GENERAL + ".jsonl.gz")));
        for (long channel : List.of(Fixtures.GENERAL, Fixtures.ANNOUNCEMENTS, Fixtures.REOPENED)) {
            assertEquals(discord.standardIds(channel), union(guildDir, channel), "channel " + channel);
        }
        JsonNode reopened = ArchiveFiles.meta(guildDir.resolve(Fixtures.REOPENED + ".meta.json"));
        assertTrue(reopened.path("completed").asBoolean());
        assertEquals(3, reopened.path("summary").path("num_messages").asInt());
        JsonNode meta = ArchiveFiles.meta(runDir.resolve("run.meta.json"));
        assertTrue(meta.path("run").path("completed").asBoolean());
        assertEquals(1, meta.path("run").path("resumes").size());
        assertEquals(Fixtures.GENERAL_MESSAGES + 5 + 3, meta.path("summary").path("num_messages").asInt());
        assertEquals(Fixtures.GENERAL_MESSAGES + 5 + 3, ArchiveFiles.meta(guildDir.resolve("guild.meta.json"))
                .path("summary").path("num_messages").asInt());

        CliRun verify = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "verify", runDir.toString());
        assertEquals(0, verify.exitCode, verify.toString());
    }

    /**
     * Issue 25, item 5: a channel whose threads were cut short is not complete; the resume goes on with its threads
     * (skipping those finished) and then marks it complete, and a second resume has nothing to do.
     */
    @Test
    void resumeGoesOnWithTheThreadsOfAChannelAndSkipsTheFinishedOnes() throws Exception {
        List<Long> threadIds = twoThreadsOfGeneral();
        ArchiveSettings settings = ArchiveSettings.builder(Mode.CHANNEL, Fixtures.TOKEN, out)
                .ids(List.of(Fixtures.GENERAL)).apiUrl(discord.apiUrl()).concurrency(1).build();
        Throwable failure = Interruptions.interruptAt(discord, ArchiveRun.builder(settings)
                .connection(CliRun.lateJitter()).build(), "/channels/" + threadIds.get(1) + "/messages?", 1, "SIGTERM");
        assertTrue(failure instanceof RunFailedException, String.valueOf(failure));
        Path runDir = ArchiveFiles.onlyRun(out);
        Path guildDir = runDir.resolve(Long.toString(Fixtures.GUILD_ID));
        assertFalse(ArchiveFiles.meta(guildDir.resolve(Fixtures.GENERAL + ".meta.json")).path("completed")
                .asBoolean(), "a channel whose threads were cut short is not complete");
        assertTrue(ArchiveFiles.meta(guildDir.resolve(threadIds.get(0) + ".meta.json")).path("completed").asBoolean());
        long requestsBefore = discord.paths().size();

        CliRun resumed = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--resume", runDir.toString());
        assertEquals(0, resumed.exitCode, resumed.toString());
        List<String> asked = discord.paths().subList((int) requestsBefore, discord.paths().size());
        assertFalse(asked.stream().anyMatch(p -> p.contains("/" + threadIds.get(0) + "/")), "finished thread: " + asked);
        assertTrue(asked.stream().anyMatch(p -> p.contains("/" + threadIds.get(1) + "/messages")), asked.toString());
        assertTrue(ArchiveFiles.meta(guildDir.resolve(Fixtures.GENERAL + ".meta.json")).path("completed").asBoolean());
        assertEquals(3, ArchiveFiles.meta(guildDir.resolve(threadIds.get(1) + ".meta.json")).path("summary")
                .path("num_messages").asInt());
        assertFalse(Files.exists(guildDir.resolve(threadIds.get(0) + ".2.jsonl")), "no empty part of a finished thread");
        CliRun verify = CliRun.run(Map.of(), "verify", runDir.toString());
        assertEquals(0, verify.exitCode, verify.toString());
        CliRun again = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--resume", runDir.toString());
        assertEquals("Nothing to resume: " + runDir + " completed\n", again.out);
    }

    /**
     * Issue 25's rule with issue 29's threads as tasks of their own, several at once: the parent's listing ends before
     * its threads do, and its meta says completed only when the last of them has ended whole; a cut thread leaves it
     * incomplete, and the resume completes it.
     */
    @Test
    void parallelThreadsCompleteTheirParentOnlyWhenTheLastEnds() throws Exception {
        List<Long> threadIds = twoThreadsOfGeneral();
        ArchiveSettings settings = ArchiveSettings.builder(Mode.CHANNEL, Fixtures.TOKEN, out)
                .ids(List.of(Fixtures.GENERAL)).apiUrl(discord.apiUrl()).concurrency(4).build();
        Throwable failure = Interruptions.interruptAt(discord, ArchiveRun.builder(settings)
                .connection(CliRun.lateJitter()).build(), "/channels/" + threadIds.get(1) + "/messages?", 1, "SIGTERM");
        assertTrue(failure instanceof RunFailedException, String.valueOf(failure));
        Path runDir = ArchiveFiles.onlyRun(out);
        Path guildDir = runDir.resolve(Long.toString(Fixtures.GUILD_ID));
        assertFalse(ArchiveFiles.meta(guildDir.resolve(Fixtures.GENERAL + ".meta.json")).path("completed")
                .asBoolean(), "a channel whose threads were cut short is not complete");

        CliRun resumed = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--resume", runDir.toString());
        assertEquals(0, resumed.exitCode, resumed.toString());
        assertTrue(ArchiveFiles.meta(guildDir.resolve(Fixtures.GENERAL + ".meta.json")).path("completed").asBoolean());
        for (long threadId : threadIds) {
            JsonNode thread = ArchiveFiles.meta(guildDir.resolve(threadId + ".meta.json"));
            assertTrue(thread.path("completed").asBoolean(), thread.toString());
            assertEquals(3, thread.path("summary").path("num_messages").asInt(), thread.toString());
        }
        CliRun again = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--resume", runDir.toString());
        assertEquals("Nothing to resume: " + runDir + " completed\n", again.out);
    }

    /** Two threads of #general, of 3 messages each, created a minute apart. */
    private List<Long> twoThreadsOfGeneral() {
        java.time.Instant created = java.time.Instant.parse("2021-02-02T12:00:00Z");
        List<Long> threadIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long id = Fixtures.snowflake(created.plusSeconds(60L * i), 7 + i);
            dev.discard.fake.FakeChannel thread = discord.channel(discord.guild(Fixtures.GUILD_ID), id, 11,
                    "thread-" + i, null);
            discord.thread(thread, discord.channel(Fixtures.GENERAL), "2021-02-03T00:00:00.000000+00:00",
                    Fixtures.iso(created.plusSeconds(60L * i)));
            Fixtures.fill(discord, thread, discord.self(), created.plusSeconds(60L * i + 1), 3);
            threadIds.add(id);
        }
        return threadIds;
    }

    /** Issue 25, item 4: read, summary and index take a cut part that the next part continues as verify does. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void everyReaderTakesACutPartThatTheNextContinuesAsVerifyDoes(boolean gzip) throws Exception {
        Path runDir = interruptedGuildRun(gzip);
        Path guildDir = runDir.resolve(Long.toString(Fixtures.GUILD_ID));
        damagesFiles = true;
        Files.delete(guildDir.resolve(Fixtures.GENERAL + ".meta.json"));
        Path log = guildDir.resolve(Fixtures.GENERAL + (gzip ? ".jsonl.gz" : ".jsonl"));
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            // gzip: the stream's end is gone; plain: the last line loses its end and its newline
            file.setLength(file.length() - (gzip ? 9 : 500));
        }
        // ... and run.meta.json as a killed process leaves it: written at the start, never finished.
        Path metaFile = runDir.resolve("run.meta.json");
        com.fasterxml.jackson.databind.node.ObjectNode meta = (com.fasterxml.jackson.databind.node.ObjectNode)
                ArchiveFiles.meta(metaFile);
        com.fasterxml.jackson.databind.node.ObjectNode run = (com.fasterxml.jackson.databind.node.ObjectNode)
                meta.get("run");
        run.put("finished", false).putNull("datetime_end");
        run.remove("interrupted");
        Files.writeString(metaFile, meta.toPrettyString());
        CliRun resumed = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--resume", runDir.toString());
        assertEquals(0, resumed.exitCode, resumed.toString());
        CliRun verify = CliRun.run(Map.of(), "verify", runDir.toString());
        assertEquals(0, verify.exitCode, verify.toString());
        assertTrue(verify.out.contains(log + ":") && verify.out.contains("info: ")
                && verify.out.contains("the next part continues the log"), verify.out);
        CliRun read = CliRun.run(Map.of(), "read", log.toString());
        assertEquals(0, read.exitCode, read.toString());
        assertEquals("", read.err);
        assertEquals(Fixtures.GENERAL_MESSAGES, read.out.lines().filter(l -> l.startsWith("[")).count(), read.out);
        CliRun summary = CliRun.run(Map.of(), "summary", runDir.toString());
        assertEquals(0, summary.exitCode, summary.toString());
        assertEquals("", summary.err);
        Path db = out.resolve("index.sqlite");
        CliRun index = CliRun.run(Map.of(), "index", "--db", db.toString(), runDir.toString());
        assertEquals(0, index.exitCode, index.toString());
        assertEquals("", index.err);
        CliRun search = CliRun.run(Map.of(), "search", "--db", db.toString(), "number 259");
        assertEquals(0, search.exitCode, search.toString());
        assertTrue(search.out.contains("message number 259"), search.out);
    }

    @Test
    void resumeAfterAHardKillReadsWhatTheTruncatedLogHolds() throws Exception {
        Path runDir = interruptedGuildRun();
        Path guildDir = runDir.resolve(Long.toString(Fixtures.GUILD_ID));
        // As after SIGKILL: no meta file for the channel, and its gzip log cut short.
        damagesFiles = true;
        Files.delete(guildDir.resolve(Fixtures.GENERAL + ".meta.json"));
        Path log = guildDir.resolve(Fixtures.GENERAL + ".jsonl.gz");
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.setLength(file.length() - 9);
        }
        CliRun resumed = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--resume", runDir.toString());
        assertEquals(0, resumed.exitCode, resumed.toString());
        assertEquals(discord.standardIds(Fixtures.GENERAL), union(guildDir, Fixtures.GENERAL));
        assertEquals(Fixtures.GENERAL_MESSAGES, ArchiveFiles.meta(guildDir.resolve(Fixtures.GENERAL + ".meta.json"))
                .path("summary").path("num_messages").asInt());
        // The truncated first part is continued by the second: expected, not damage.
        CliRun verify = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "verify", runDir.toString());
        assertEquals(0, verify.exitCode, verify.toString());
    }

    @Test
    void completedRunsHaveNothingToResume() throws Exception {
        run("channel", Long.toString(Fixtures.ANNOUNCEMENTS));
        Path runDir = ArchiveFiles.onlyRun(out);
        CliRun resumed = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--resume", runDir.toString());
        assertEquals(0, resumed.exitCode, resumed.toString());
        assertEquals("Nothing to resume: " + runDir + " completed\n", resumed.out);
    }

    @Test
    void resumeWithACommandOrWithoutARunIsAUsageError() {
        CliRun withCommand = run("--resume", out.toString(), "guild", "1");
        assertEquals(ExitCode.USAGE, withCommand.exitCode);
        assertEquals("discard: --resume continues a run with its own settings: give it without a command\n",
                withCommand.err);
        CliRun noRun = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--resume", out.toString());
        assertEquals(ExitCode.USAGE, noRun.exitCode);
        assertEquals("discard: not a run directory (no run.meta.json): " + out + "\n", noRun.err);
    }
}

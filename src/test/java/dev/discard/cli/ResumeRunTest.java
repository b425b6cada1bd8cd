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
        ArchiveSettings settings = ArchiveSettings.builder(Mode.GUILD, Fixtures.TOKEN, out)
                .ids(List.of(Fixtures.GUILD_ID)).gzip(true).apiUrl(discord.apiUrl()).concurrency(1).build();
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

        CliRun resumed = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--resume", runDir.toString());
        assertEquals(0, resumed.exitCode, resumed.toString());

        assertTrue(Files.exists(guildDir.resolve(Fixtures.REOPENED + ".2.jsonl.gz")), "a new part");
        assertTrue(java.util.Arrays.equals(firstPart, Files.readAllBytes(guildDir.resolve(Fixtures.REOPENED
                + ".jsonl.gz"))), "the first part is never rewritten");
        for (long finished : List.of(Fixtures.GENERAL, Fixtures.ANNOUNCEMENTS)) {
            // A finished channel's messages are not fetched again; its threads are listed again, in a new part.
            Path again = guildDir.resolve(finished + ".2.jsonl.gz");
            assertTrue(ArchiveFiles.records(again).stream().allMatch(r -> r.path("request").path("url").asText()
                    .contains("/threads/")), "only thread listings in " + again);
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

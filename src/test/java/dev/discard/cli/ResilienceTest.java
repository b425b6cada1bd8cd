package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.archive.ArchiveRun;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Whole runs through a hostile server: every message archived exactly once, and the run completed. */
class ResilienceTest extends FakeDiscordTest {
    private void assertEveryMessageOnce(Path runDir) throws Exception {
        assertEveryMessageOnce(runDir, Fixtures.GENERAL_MESSAGES);
    }

    private void assertEveryMessageOnce(Path runDir, int generalMessages) throws Exception {
        Path guild = runDir.resolve(Long.toString(Fixtures.GUILD_ID));
        for (long channel : List.of(Fixtures.GENERAL, Fixtures.ANNOUNCEMENTS, Fixtures.REOPENED)) {
            List<String> ids = ArchiveFiles.messageIds(guild.resolve(channel + ".jsonl"));
            assertEquals(discord.standardIds(channel), ids, "channel " + channel);
            assertEquals(ids.size(), new HashSet<>(ids).size());
        }
        JsonNode meta = ArchiveFiles.meta(runDir.resolve("run.meta.json"));
        assertTrue(meta.path("run").path("completed").asBoolean());
        assertEquals(generalMessages + 5 + 3, meta.path("summary").path("num_messages").asInt());
    }

    @Test
    void bucketLimitsAreKeptPreemptivelyWithout429s() throws Exception {
        discord.rateLimits().set(3, 100, 0);
        CliRun run = run("--concurrency", "3", "guild", Long.toString(Fixtures.GUILD_ID));
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(0, discord.tooManyRequests(), "the limiter waited for each bucket's reset instead");
        assertEveryMessageOnce(ArchiveFiles.onlyRun(out));
    }

    @Test
    void burstsOfBucketAndGlobal429sAreWaitedOut() throws Exception {
        discord.rateLimits().set(3, 100, 8);
        discord.script("/messages", 3, discord.tooManyRequests(0.05, false));
        CliRun run = run("--concurrency", "3", "guild", Long.toString(Fixtures.GUILD_ID));
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(discord.tooManyRequests() > 3, "global 429s came on top of the scripted ones");
        assertEveryMessageOnce(ArchiveFiles.onlyRun(out));
    }

    @Test
    void serverErrorsDropsAndSlowAnswersAreRetriedUntilDone() throws Exception {
        // 5 % of requests fail: 500, 502, a dropped connection, or an answer slower than the client waits.
        Fixtures.fill(discord, discord.channel(Fixtures.GENERAL), discord.self(),
                java.time.Instant.parse("2022-01-01T00:00:00Z"), 5_000);
        discord.faults(0.05, 42, 1_500);
        OkHttpClient impatient = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build();
        CliRun run = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), settings -> ArchiveRun.builder(settings)
                .connection(CliRun.lateJitter().withHttp(impatient).withRetry(CliRun.FAST_RETRY)).build(),
                "--api-url", discord.apiUrl(), "-o", out.toString(), "guild", Long.toString(Fixtures.GUILD_ID));
        assertEquals(0, run.exitCode, run.toString());
        Path runDir = ArchiveFiles.onlyRun(out);
        assertEveryMessageOnce(runDir, Fixtures.GENERAL_MESSAGES + 5_000);
        long failedAttempts = 0;
        for (Path log : ArchiveFiles.allFiles(runDir)) {
            if (!log.toString().endsWith(".jsonl")) continue;
            failedAttempts += ArchiveFiles.records(log).stream().filter(r -> r.has("error")
                    || r.path("response").path("status").asInt() >= 500).count();
        }
        assertTrue(failedAttempts > 0, "the faults were recorded as attempts");
    }

    @Test
    void parallelAndSequentialRunsArchiveTheSame() throws Exception {
        Map<String, String> env = Map.of("DISCORD_TOKEN", Fixtures.TOKEN);
        CliRun one = CliRun.run(env, "--api-url", discord.apiUrl(), "--concurrency", "1", "-o",
                out.resolve("one").toString(), "guild", Long.toString(Fixtures.GUILD_ID));
        CliRun four = CliRun.run(env, "--api-url", discord.apiUrl(), "--concurrency", "4", "-o",
                out.resolve("four").toString(), "guild", Long.toString(Fixtures.GUILD_ID));
        assertEquals(0, one.exitCode, one.toString());
        assertEquals(0, four.exitCode, four.toString());
        Path a = ArchiveFiles.onlyRun(out.resolve("one"));
        Path b = ArchiveFiles.onlyRun(out.resolve("four"));
        assertEveryMessageOnce(a);
        assertEveryMessageOnce(b);
        assertEquals(ArchiveFiles.meta(a.resolve(Fixtures.GUILD_ID + "/guild.meta.json")).path("summary"),
                ArchiveFiles.meta(b.resolve(Fixtures.GUILD_ID + "/guild.meta.json")).path("summary"));
    }

    @Test
    void tooManyRefusalsStopTheRunBeforeDiscordWouldBanTheIp() throws Exception {
        discord.channel(Fixtures.GENERAL).historyForbidden();
        discord.channel(Fixtures.ANNOUNCEMENTS).historyForbidden();
        discord.channel(Fixtures.REOPENED).historyForbidden();
        CliRun run = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), settings -> ArchiveRun.builder(settings)
                .invalidRequestLimit(2).connection(CliRun.lateJitter().withRetry(CliRun.FAST_RETRY)).build(),
                "--api-url", discord.apiUrl(), "-o", out.toString(), "--concurrency", "1", "guild",
                Long.toString(Fixtures.GUILD_ID));
        assertEquals(ExitCode.FAILED, run.exitCode, run.toString());
        assertTrue(run.err.startsWith("discard: stopped after 2 refused requests (401/403/429) within 10 minutes"),
                run.err);
    }

    @Test
    void concurrencyOutOfRangeIsAUsageError() {
        CliRun run = run("--concurrency", "0", "guild", "1");
        assertEquals(ExitCode.USAGE, run.exitCode);
        assertEquals("discard: --concurrency must be between 1 and 64, not 0\n", run.err);
    }
}

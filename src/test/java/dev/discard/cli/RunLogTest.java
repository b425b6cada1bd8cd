package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import dev.discard.archive.ArchiveListener;
import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import dev.discard.archive.Mode;
import dev.discard.archive.RunFailedException;
import dev.discard.archive.RunResult;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import dev.discard.testing.Interruptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every run keeps its own run.log: DEBUG and up, token scrubbed, none of another run's lines. */
class RunLogTest extends FakeDiscordTest {
    private static String runLog(Path runDir) throws Exception {
        return Files.readString(runDir.resolve("run.log"), StandardCharsets.UTF_8);
    }

    @Test
    void aRunLogsItsRequestsChannelsAndEndIntoItsDirectory() throws Exception {
        discord.script("/channels/" + Fixtures.GENERAL + "/messages", 1, discord.tooManyRequests(0.01, false));
        CliRun run = run("guild", Long.toString(Fixtures.GUILD_ID));
        assertEquals(0, run.exitCode, run.toString());
        String log = runLog(ArchiveFiles.onlyRun(out));
        assertTrue(log.contains(" INFO  [main] ArchiveRun: run started: discard "), log);
        assertTrue(log.contains("ChannelArchiver: channel " + Fixtures.GENERAL + " (general): archiving after id 0"));
        assertTrue(log.contains("ChannelArchiver: channel " + Fixtures.GENERAL + ": 260 messages"), log);
        assertTrue(log.contains(" DEBUG [discard-channel-"), "the channel threads' lines are the run's: " + log);
        // Answers other than 2xx get a line each; the 2xx ones are in the archive, not in run.log.
        assertTrue(log.contains("DiscordRest: GET " + discord.apiUrl() + "/channels/" + Fixtures.GENERAL
                + "/messages {limit=100, after=0} -> 429"), log);
        assertFalse(log.contains("/messages {limit=100, after=0} -> 200"), log);
        assertTrue(log.contains("/messages: 429 Too Many Requests (this bucket); waiting 0.01 s"), log);
        assertTrue(log.contains("SessionLoop: gateway#1: READY with 1 guilds"), "the gateway's threads too: " + log);
        assertTrue(log.lines().reduce((a, b) -> b).orElse("").contains("ArchiveRun: run completed: 268 messages from"
                + " 4 channels"), log);
        assertFalse(log.contains("Hello, this is message number"), "never message contents");
        assertFalse(log.contains(Fixtures.TOKEN));
    }

    @Test
    void aLongChannelLeavesAProgressLineEveryHundredPages() throws Exception {
        Fixtures.fill(discord, discord.channel(Fixtures.GENERAL), discord.self(), java.time.Instant.parse(
                "2022-01-01T00:00:00Z"), 100 * 100);
        CliRun run = run("channel", Long.toString(Fixtures.GENERAL));
        assertEquals(0, run.exitCode, run.toString());
        String log = runLog(ArchiveFiles.onlyRun(out));
        assertEquals(1, log.lines().filter(line -> line.contains(" DEBUG ") && line.contains("ChannelArchiver: channel "
                + Fixtures.GENERAL + ": 10000 messages so far, the newest from 2022-")).count(), log);
        assertTrue(log.contains("channel " + Fixtures.GENERAL + ": " + (Fixtures.GENERAL_MESSAGES + 100 * 100)
                + " messages"), log);
    }

    @Test
    void theTokenIsScrubbedFromRunLogEvenWithNoScrub() throws Exception {
        // A server URL that holds the token: every request line and the failure would show it.
        for (String noScrub : List.of("--gzip", "--no-scrub")) {
            CliRun run = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--api-url",
                    discord.apiUrl() + "/" + Fixtures.TOKEN, "-o", out.resolve(noScrub).toString(), noScrub, "profile");
            assertEquals(ExitCode.FAILED, run.exitCode, run.toString());
            String log = runLog(ArchiveFiles.onlyRun(out.resolve(noScrub)));
            assertTrue(log.contains(discord.apiUrl() + "/[SCRUBBED]/users/@me"), log);
            assertTrue(log.contains("ArchiveRun: run ended: "), log);
            assertFalse(log.contains(Fixtures.TOKEN), noScrub + ": " + log);
        }
    }

    @Test
    void concurrentRunsKeepTheirLinesApartAndDetachTheirLogs() throws Exception {
        try (FakeDiscord other = Fixtures.standard().start()) {
            // Both runs wait in their first channel until the other is in its own: their lines interleave in time.
            CyclicBarrier bothArchiving = new CyclicBarrier(2);
            ArchiveListener meet = new ArchiveListener() {
                @Override
                public void channelStarted(long channelId, String name) {
                    try {
                        bothArchiving.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            // Each server answers its first history request with a 429, which each run's log records with its URL.
            for (FakeDiscord server : List.of(discord, other)) {
                server.script("/channels/" + Fixtures.GENERAL + "/messages", 1, server.tooManyRequests(0.01, false));
            }
            CompletableFuture<RunResult> first = CompletableFuture.supplyAsync(() -> archive(discord, "a", meet));
            CompletableFuture<RunResult> second = CompletableFuture.supplyAsync(() -> archive(other, "b", meet));
            String firstLog = runLog(first.get(30, TimeUnit.SECONDS).runDirectory());
            String secondLog = runLog(second.get(30, TimeUnit.SECONDS).runDirectory());
            String firstServer = discord.apiUrl();
            String secondServer = other.apiUrl();
            assertTrue(firstLog.contains(firstServer + "/channels/" + Fixtures.GENERAL + "/messages"), firstLog);
            assertTrue(secondLog.contains(secondServer + "/channels/" + Fixtures.GENERAL + "/messages"), secondLog);
            assertFalse(firstLog.contains(secondServer), "the first run's log holds a line of the second: " + firstLog);
            assertFalse(secondLog.contains(firstServer), "the second run's log holds a line of the first: " + secondLog);
            assertFalse(firstLog.contains(out.resolve("b").toString()), firstLog);
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        List<String> appenders = StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(
                context.getLogger("ROOT").iteratorForAppenders(), 0), false).map(a -> a.getName()).toList();
        assertTrue(appenders.stream().noneMatch(name -> name.contains(out.toString())),
                "a finished run leaves no appender behind: " + appenders);
    }

    private RunResult archive(FakeDiscord server, String folder, ArchiveListener listener) {
        ArchiveSettings settings = ArchiveSettings.builder(Mode.GUILD, Fixtures.TOKEN, out.resolve(folder))
                .ids(List.of(Fixtures.GUILD_ID)).apiUrl(server.apiUrl()).concurrency(1).build();
        try {
            return ArchiveRun.builder(settings).connection(CliRun.lateJitter()).listener(listener).build().run();
        } catch (RunFailedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aResumedRunAppendsToItsRunLog() throws Exception {
        ArchiveSettings settings = ArchiveSettings.builder(Mode.CHANNEL, Fixtures.TOKEN, out)
                .ids(List.of(Fixtures.GENERAL)).apiUrl(discord.apiUrl()).build();
        Interruptions.interruptAt(discord, ArchiveRun.builder(settings).connection(CliRun.lateJitter()).build(),
                "/channels/" + Fixtures.GENERAL + "/messages?", 2, "SIGTERM");
        Path runDir = ArchiveFiles.onlyRun(out);
        assertTrue(runLog(runDir).contains("ArchiveRun: run ended: run interrupted (SIGTERM)"), runLog(runDir));

        CliRun resumed = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--resume", runDir.toString());
        assertEquals(0, resumed.exitCode, resumed.toString());
        String log = runLog(runDir);
        assertEquals(2, log.lines().filter(l -> l.contains("ArchiveRun: run started: ")).count(), log);
        assertTrue(log.lines().filter(l -> l.contains("ArchiveRun: run started: ")).skip(1).findFirst().orElseThrow()
                .endsWith(", resuming"), log);
        assertTrue(log.contains("ArchiveRun: run completed: 260 messages"), log);
    }
}

package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.archive.ArchiveListener;
import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import dev.discard.archive.ChannelResult;
import dev.discard.archive.Mode;
import dev.discard.archive.RunFailedException;
import dev.discard.archive.RunResult;
import dev.discard.discord.ConnectionConfig;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library as a Java program outside {@code dev.discard} sees it: this package can reach public types only, so
 * whatever compiles here is the public API. The example in docs/library.md is this package's {@link ArchiveExample}, verbatim.
 */
class LibraryApiTest {
    private static final Path EXAMPLE = Path.of("src/test/java/com/example/ArchiveExample.java");
    private static final Pattern DOCS_EXAMPLE = Pattern.compile(
            "<!-- library-example: src/test/java/com/example/ArchiveExample\\.java -->\n```java\n(.*?)```\n",
            Pattern.DOTALL);

    @TempDir Path out;
    private FakeDiscord discord;

    @BeforeEach
    void start() throws Exception {
        discord = Fixtures.standard().start();
    }

    @AfterEach
    void stop() throws Exception {
        discord.close();
    }

    @Test
    void docsShowTheExampleThatThisBuildCompilesAndRuns() throws Exception {
        String page = Files.readString(Path.of("docs/library.md"), StandardCharsets.UTF_8);
        Matcher example = DOCS_EXAMPLE.matcher(page);
        assertTrue(example.find(), "docs/library.md must hold the library example after its marker");
        assertEquals(Files.readString(EXAMPLE, StandardCharsets.UTF_8), example.group(1),
                "docs/library.md's library example must be " + EXAMPLE + ", verbatim");
    }

    @Test
    void theReadmeExampleArchivesFromTheFakeDiscord() throws Exception {
        RunResult result = ArchiveExample.archive(Fixtures.TOKEN, List.of(Fixtures.GENERAL, Fixtures.ANNOUNCEMENTS),
                out, discord.apiUrl());
        assertEquals(Fixtures.GENERAL_MESSAGES + 5, result.messages());
        assertEquals(2, result.channels());
        assertTrue(result.failures().isEmpty(), result.failures().toString());
        assertEquals(out, result.runDirectory().getParent());
        assertTrue(Files.isRegularFile(result.runDirectory()
                .resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL + ".jsonl.gz")), "gzip, as the example asks");
        assertTrue(Files.isRegularFile(result.runDirectory().resolve("run.log")));
    }

    @Test
    void listenerHearsTheRunAndTheResultCountsIt() throws Exception {
        discord.script("/channels/" + Fixtures.GENERAL + "/messages", 2, discord.tooManyRequests(0.01, false));
        AtomicInteger sent = new AtomicInteger();
        OkHttpClient http = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    sent.incrementAndGet();
                    return chain.proceed(chain.request());
                })
                .build();
        List<String> events = new CopyOnWriteArrayList<>();
        Map<Long, Long> lastCount = new ConcurrentHashMap<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        ArchiveListener listener = new ArchiveListener() {
            @Override
            public void runStarted(Path runDirectory) {
                events.add("run started " + runDirectory.getFileName());
            }

            @Override
            public void channelStarted(long channelId, String name) {
                events.add("started #" + name);
                threads.add(Thread.currentThread().getName());
            }

            @Override
            public void pageArchived(long channelId, long messages, String newestTimestamp) {
                lastCount.put(channelId, messages);
            }

            @Override
            public void channelFinished(ChannelResult result) {
                events.add("finished #" + result.name() + " " + result.messages());
            }

            @Override
            public void runFinished(RunResult result) {
                events.add("run finished " + result.messages());
            }
        };
        ArchiveSettings settings = ArchiveSettings.builder(Mode.GUILD, Fixtures.TOKEN, out)
                .ids(List.of(Fixtures.GUILD_ID))
                .apiUrl(discord.apiUrl())
                .concurrency(2)
                .noGateway(true)
                .build();
        RunResult result = ArchiveRun.builder(settings).connection(ConnectionConfig.defaults().withHttp(http))
                .listener(listener).build().run();

        assertEquals("run started " + result.runDirectory().getFileName(), events.get(0));
        assertEquals("run finished " + (Fixtures.GENERAL_MESSAGES + 8), events.get(events.size() - 1));
        assertTrue(events.containsAll(List.of("started #general", "finished #general 260", "started #announcements",
                "finished #announcements 5", "started #reopened", "finished #reopened 3")), events.toString());
        assertEquals(Fixtures.GENERAL_MESSAGES, lastCount.get(Fixtures.GENERAL));
        assertTrue(threads.stream().allMatch(t -> t.startsWith("discard-channel-")), threads.toString());
        assertEquals(2, result.rateLimited(), "the two 429s, waited out");
        assertEquals(sent.get(), result.httpRequests(), "every request went through the client given");
        assertEquals(Fixtures.GENERAL_MESSAGES + 8, result.messages());
        assertEquals(4, result.channels(), "#general, #announcements, #reopened and the voice channel's chat");
        assertEquals(0, result.channelsFailed());
        assertEquals("discardbot", result.user().path("username").asText());
    }

    @Test
    void newBuilderCopiesARunWithOneThingChanged() throws Exception {
        ArchiveSettings settings = ArchiveSettings.builder(Mode.CHANNEL, Fixtures.TOKEN, out)
                .ids(List.of(Fixtures.ANNOUNCEMENTS)).apiUrl(discord.apiUrl()).noGateway(true).build();
        // One pinned second for both runs, so that the second run's name is taken whatever the machine's speed.
        ConnectionConfig pinned = ConnectionConfig.defaults().withClock(
                java.time.Clock.fixed(java.time.Instant.parse("2026-11-21T10:00:00Z"), java.time.ZoneOffset.UTC));
        ArchiveRun first = ArchiveRun.builder(settings).connection(pinned).ident(() -> "abcdefghijklmnopqrstuvwx")
                .build();
        List<Long> finished = new CopyOnWriteArrayList<>();
        ArchiveRun copy = first.newBuilder().listener(new ArchiveListener() {
            @Override
            public void channelFinished(ChannelResult result) {
                finished.add(result.channelId());
            }
        }).build();
        RunResult one = first.run();
        RunResult two = copy.run();
        assertEquals(List.of(Fixtures.ANNOUNCEMENTS), finished, "the copy has the new listener, the first none");
        assertTrue(two.runDirectory().getFileName().toString().endsWith("_abcde"),
                "the copy keeps the ident: the second run's name is taken, so it gets the ident's first characters: "
                        + one.runDirectory() + ", " + two.runDirectory());
    }

    @Test
    void aRefusedTokenFailsTheRunWithItsDirectory() {
        ArchiveSettings settings = ArchiveSettings.builder(Mode.PROFILE, "not-the-token", out)
                .apiUrl(discord.apiUrl()).noGateway(true).build();
        RunFailedException e = assertThrows(RunFailedException.class, () -> ArchiveRun.builder(settings).build().run());
        assertNotNull(e.runDirectory());
        assertTrue(Files.isRegularFile(e.runDirectory().resolve("run.meta.json")));
        assertTrue(e.getMessage().startsWith("the token was refused (401 Unauthorized)"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-token"));
        assertNull(settings.after());
    }
}

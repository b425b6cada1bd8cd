package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import dev.discard.fake.FakeChannel;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.FakeGuild;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request earns its place: a short history page ends the walk where the server is known (or has shown) to honour
 * the limit, pins are listed only where the archive cannot prove them empty, and nothing is lost for it.
 */
class FewestRequestsTest {
    static final long GUILD = 890000000000000001L;
    static final long TALK = 891000000000000001L;
    static final long BOARD = 891000000000000002L;
    static final Instant DAY = Instant.parse("2023-05-01T00:00:00Z");

    @TempDir Path out;
    FakeDiscord discord;
    FakeGuild guild;
    FakeChannel talk;
    long nextThread = 0;

    @AfterEach
    void stop() throws Exception {
        discord.close();
    }

    /** A guild with #talk (text) of {@code messages} messages. */
    private void server(int messages) {
        discord = new FakeDiscord(Fixtures.TOKEN, false, Fixtures.selfUser(false));
        guild = discord.guild(GUILD, "Fewest", Fixtures.OWNER_ID);
        guild.addRole(GUILD, "@everyone", Fixtures.VIEW_CHANNEL | Fixtures.READ_MESSAGE_HISTORY);
        guild.addMember(discord.self());
        talk = discord.channel(guild, TALK, 0, "talk", null);
        Fixtures.fill(discord, talk, discord.self(), DAY, messages);
    }

    private CliRun run(Function<ArchiveSettings, ArchiveRun> runs, String... args) throws Exception {
        discord.announce(guild).start();
        List<String> all = new ArrayList<>(List.of("--api-url", discord.apiUrl(), "-o", out.toString(),
                "--max-rate", "0", "--no-gateway"));
        all.addAll(List.of(args));
        return CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), runs, all.toArray(String[]::new));
    }

    /** Runs as the tests' fake plays Discord: a server known to honour the page limit. */
    private CliRun run(String... args) throws Exception {
        return run(CliRun.fixedRuns(), args);
    }

    /** Runs against a server whose page size the client must learn. */
    private CliRun runLearning(String... args) throws Exception {
        return run(settings -> CliRun.fixedRuns().apply(settings).newBuilder().honoursPageLimit(false).build(), args);
    }

    private List<RecordedRequest> history(long channel) {
        String path = "/channels/" + channel + "/messages?";
        return discord.requests().stream().filter(r -> r.getPath().contains(path)).toList();
    }

    private List<RecordedRequest> pins(long channel) {
        return discord.requests().stream().filter(r -> r.getPath().contains("/channels/" + channel + "/messages/pins")
                || r.getPath().contains("/channels/" + channel + "/pins")).toList();
    }

    private Path log(long channel) throws Exception {
        return ArchiveFiles.onlyRun(out).resolve(GUILD + "/" + channel + ".jsonl");
    }

    private void verifies() {
        CliRun verify = CliRun.run(Map.of(), "verify", out.toString());
        assertEquals(0, verify.exitCode, verify.toString());
        assertFalse(verify.out.contains("PROBLEM"), verify.toString());
    }

    @Test
    void aChannelOf250MessagesTakesThreePagesAndNoPinsRequest() throws Exception {
        server(250);
        CliRun run = run("channel", Long.toString(TALK));
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(3, history(TALK).size(), "100 + 100 + 50: the short page is the last");
        assertEquals(0, pins(TALK).size(), "no archived message was pinned: the pins list is provably empty");
        assertEquals(talk.messageIds().stream().map(String::valueOf).toList(), ArchiveFiles.messageIds(log(TALK)));
        assertEquals(100, ArchiveFiles.meta(log(TALK).resolveSibling(TALK + ".meta.json")).path("page_size").asInt());
        assertFalse(ArchiveFiles.meta(log(TALK).resolveSibling(TALK + ".meta.json")).path("summary")
                .path("pins_listed").asBoolean(true));
        verifies();
    }

    @Test
    void aServerOfUnknownPageSizeIsTrustedOnceItShowedAFullPage() throws Exception {
        server(250);
        CliRun run = runLearning("channel", Long.toString(TALK));
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(3, history(TALK).size(), "a page of 100 showed the size; the page of 50 below it is the last");
        assertEquals(250, ArchiveFiles.messageIds(log(TALK)).size());
    }

    @Test
    void aSmallChannelOfAnUnknownServerEndsOnAnEmptyPage() throws Exception {
        server(3);
        CliRun run = runLearning("channel", Long.toString(TALK));
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(2, history(TALK).size(), "3 messages prove nothing of a server that may cap pages at 3");
        verifies();
    }

    @Test
    void aServerCappingPagesAt50StillYieldsEveryMessage() throws Exception {
        server(250);
        FakeChannel other = discord.channel(guild, TALK + 1, 0, "other", null);
        Fixtures.fill(discord, other, discord.self(), DAY.plusSeconds(86_400), 120);
        discord.capsPages(50);
        CliRun run = runLearning("guild", Long.toString(GUILD), "--concurrency", "1");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(talk.messageIds().stream().map(String::valueOf).toList(), ArchiveFiles.messageIds(log(TALK)));
        assertEquals(6, history(TALK).size(), "five pages of 50 at the cap, then the empty page proves the end");
        assertEquals(120, ArchiveFiles.messageIds(log(TALK + 1)).size());
        assertEquals(3, history(TALK + 1).size(), "50 + 50 + 20: a page below the shown 50 is the last");
        assertEquals(50, ArchiveFiles.meta(log(TALK).resolveSibling(TALK + ".meta.json")).path("page_size").asInt());
        verifies();
    }

    @Test
    void aCappingServerTreatedAsDiscordWouldEndEarlyWhichIsWhyPageSizesAreLearned() throws Exception {
        server(250);
        discord.capsPages(50);
        CliRun run = run("channel", Long.toString(TALK));
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(50, ArchiveFiles.messageIds(log(TALK)).size(), "the test's premise: only learning saves this");
    }

    @Test
    void pinnedMessagesAreStillArchivedInFull() throws Exception {
        server(120);
        List<Long> ids = talk.messageIds();
        for (int i = 0; i < 60; i++) talk.pin(ids.get(i), Fixtures.iso(DAY.plusSeconds(200_000 + i)));
        CliRun run = run("channel", Long.toString(TALK));
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(2, pins(TALK).size(), "60 pins, two pages of 50");
        assertEquals(60, ArchiveFiles.meta(log(TALK).resolveSibling(TALK + ".meta.json")).path("summary")
                .path("num_pins").asInt());
        verifies();
    }

    @Test
    void aRangedRunListsPinsWhoseMessagesItDidNotSee() throws Exception {
        server(10);
        talk.pin(talk.messageIds().get(0), Fixtures.iso(DAY.plusSeconds(100)));
        talk.message(talk.messageIds().get(0)).put("pinned", true);
        CliRun run = run("channel", Long.toString(TALK), "--after", "2023-05-01T00:00:05");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(1, pins(TALK).size(), "the pinned message lies before the range");
        assertEquals(1, ArchiveFiles.meta(log(TALK).resolveSibling(TALK + ".meta.json")).path("summary")
                .path("num_pins").asInt());
    }

    @Test
    void pinsAreListedWhenTheChannelNamesAPinTimeOrAMessageDoesNotSayWhetherItIsPinned() throws Exception {
        server(5);
        talk.json().put("last_pin_timestamp", Fixtures.iso(DAY.plusSeconds(100)));
        FakeChannel quiet = discord.channel(guild, TALK + 1, 0, "quiet", null);
        Fixtures.fill(discord, quiet, discord.self(), DAY.plusSeconds(86_400), 5);
        quiet.message(quiet.messageIds().get(2)).remove("pinned");
        FakeChannel plain = discord.channel(guild, TALK + 2, 0, "plain", null);
        Fixtures.fill(discord, plain, discord.self(), DAY.plusSeconds(2 * 86_400), 5);
        plain.json().putNull("last_pin_timestamp");
        CliRun run = run("guild", Long.toString(GUILD));
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(1, pins(TALK).size(), "last_pin_timestamp names a pin");
        assertEquals(1, pins(TALK + 1).size(), "a message without its pinned flag proves nothing");
        assertEquals(0, pins(TALK + 2).size(), "null, and every flag false");
    }

    @Test
    void channelsOfOneGuildGivenTogetherShareItsActiveThreadList() throws Exception {
        server(3);
        FakeChannel other = discord.channel(guild, TALK + 1, 0, "other", null);
        Fixtures.fill(discord, other, discord.self(), DAY.plusSeconds(86_400), 3);
        CliRun run = run("channel", Long.toString(TALK), Long.toString(TALK + 1));
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(1, discord.requests().stream().filter(r -> r.getPath().contains("/threads/active")).count());
    }

    @Test
    void aForumsThreadsAreArchivedWhileItsListingGoesOn() throws Exception {
        server(0);
        FakeChannel board = discord.channel(guild, BOARD, 15, "board", null);
        for (int i = 0; i < 250; i++) {
            Instant created = DAY.plusSeconds(3600L * i);
            FakeChannel thread = discord.channel(guild, Fixtures.snowflake(created, i), 11, "post-" + i, null);
            discord.thread(thread, board, Fixtures.iso(created.plusSeconds(600)), Fixtures.iso(created));
            Fixtures.fill(discord, thread, discord.self(), created.plusSeconds(1), 2);
        }
        // Each listing page comes a while after it is asked for: the threads of the first have time to go.
        discord.slow("/threads/archived/public", 300);
        CliRun run = run("guild", Long.toString(GUILD));
        assertEquals(0, run.exitCode, run.toString());
        List<String> paths = discord.requests().stream().map(RecordedRequest::getPath).toList();
        int lastListing = -1;
        int firstThread = -1;
        for (int i = 0; i < paths.size(); i++) {
            if (paths.get(i).contains("/channels/" + BOARD + "/threads/archived/public")) lastListing = i;
            if (firstThread == -1 && paths.get(i).matches(".*/channels/\\d+/messages\\?.*")
                    && !paths.get(i).contains("/channels/" + TALK + "/")) {
                firstThread = i;
            }
        }
        long listingPages = paths.stream().filter(p -> p.contains("/channels/" + BOARD + "/threads/archived/")).count();
        assertEquals(3, listingPages, "250 threads, 100 a page");
        assertTrue(firstThread >= 0 && firstThread < lastListing,
                "a thread's history was asked for before the listing's last page: " + paths);
        assertEquals(250, java.nio.file.Files.list(log(TALK).getParent())
                .filter(p -> p.getFileName().toString().endsWith(".meta.json")).count() - 3,
                "every thread has its meta file (and #talk, #board and the guild theirs)");
        verifies();
    }

    @Test
    void aForumOfSmallThreadsCostsOneMessageRequestPerThreadPlusTheListing() throws Exception {
        server(0);
        FakeChannel board = discord.channel(guild, BOARD, 15, "board", null);
        List<Long> threads = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Instant created = DAY.plusSeconds(3600L * i);
            long id = Fixtures.snowflake(created, i);
            FakeChannel thread = discord.channel(guild, id, 11, "post-" + i, null);
            discord.thread(thread, board, Fixtures.iso(created.plusSeconds(600)), Fixtures.iso(created));
            Fixtures.fill(discord, thread, discord.self(), created.plusSeconds(1), 3);
            threads.add(id);
        }
        CliRun run = run("guild", Long.toString(GUILD));
        assertEquals(0, run.exitCode, run.toString());
        for (long thread : threads) {
            assertEquals(1, history(thread).size(), "thread " + thread);
            assertEquals(0, pins(thread).size(), "thread " + thread);
            assertEquals(3, ArchiveFiles.messageIds(log(thread)).size());
        }
        long listing = discord.requests().stream()
                .filter(r -> r.getPath().contains("/channels/" + BOARD + "/threads/archived/")).count();
        assertEquals(1, listing, "one page of the public archived list (the bot may not list private ones)");
        long channelRequests = discord.requests().stream().filter(r -> r.getPath().contains("/channels/")).count();
        assertEquals(threads.size() + listing + 2, channelRequests,
                "a request per thread, the listing, and #talk's empty page and thread list: " + discord.paths());
        verifies();
    }
}

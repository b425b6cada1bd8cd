package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.fake.FakeChannel;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.FakeGuild;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Threads and forum posts, members, pins, invites, webhooks and DMs: a guild archive that misses nothing. */
class CompletenessTest {
    static final long GUILD = 880000000000000001L;
    static final long TALK = 881000000000000001L;
    static final long BOARD = 881000000000000002L;
    static final long MANAGE_THREADS = 1L << 34;
    static final long MANAGE_WEBHOOKS = 1L << 29;
    static final Instant DAY = Instant.parse("2023-05-01T00:00:00Z");

    @TempDir Path out;
    FakeDiscord discord;
    FakeGuild guild;
    FakeChannel talk;
    FakeChannel board;
    long nextId = 882000000000000001L;

    @AfterEach
    void stop() throws Exception {
        discord.close();
    }

    /** A guild with #talk (text) and #board (forum), the bot's permissions as given. */
    private void server(long extraPermissions, boolean userAccount) throws Exception {
        discord = new FakeDiscord(Fixtures.TOKEN, userAccount, Fixtures.selfUser(userAccount));
        guild = discord.guild(GUILD, "Complete", Fixtures.OWNER_ID);
        guild.addRole(GUILD, "@everyone", Fixtures.VIEW_CHANNEL | Fixtures.READ_MESSAGE_HISTORY | extraPermissions);
        guild.addMember(discord.self());
        talk = discord.channel(guild, TALK, 0, "talk", null);
        Fixtures.fill(discord, talk, discord.self(), DAY, 3);
        board = discord.channel(guild, BOARD, 15, "board", null);
    }

    private FakeChannel thread(FakeChannel parent, int type, String archivedAt, Instant created, int messages) {
        long id = Fixtures.snowflake(created, (int) (nextId++ & 0xFFF));
        FakeChannel thread = discord.channel(guild, id, type, "thread-" + id, null);
        discord.thread(thread, parent, archivedAt, Fixtures.iso(created));
        Fixtures.fill(discord, thread, discord.self(), created.plusSeconds(1), messages);
        return thread;
    }

    private CliRun run(String... args) throws Exception {
        discord.announce(guild).start();
        List<String> all = new ArrayList<>(List.of("--api-url", discord.apiUrl(), "-o", out.toString(),
                "--max-rate", "0"));
        all.addAll(List.of(args));
        return CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), all.toArray(String[]::new));
    }

    private List<RecordedRequest> requests(String part) {
        return discord.requests().stream().filter(r -> r.getPath().contains(part)).toList();
    }

    private Path guildDir() throws Exception {
        return ArchiveFiles.onlyRun(out).resolve(Long.toString(GUILD));
    }

    @Test
    void threadsActiveAndArchivedAcrossPagesAndForumPostsAreArchivedLikeChannels() throws Exception {
        server(0, false);
        List<FakeChannel> threads = new ArrayList<>();
        threads.add(thread(talk, 11, null, DAY.plusSeconds(100), 2));
        threads.add(thread(talk, 11, null, DAY.plusSeconds(200), 2));
        for (int i = 0; i < 250; i++) {
            threads.add(thread(talk, 11, Fixtures.iso(DAY.plusSeconds(86_400 + i * 60L)), DAY.plusSeconds(300 + i), 1));
        }
        thread(talk, 12, Fixtures.iso(DAY.plusSeconds(90_000)), DAY.plusSeconds(900), 1); // private, archived
        for (int i = 0; i < 3; i++) {
            threads.add(thread(board, 11, Fixtures.iso(DAY.plusSeconds(100_000 + i)), DAY.plusSeconds(1000 + i), 2));
        }
        CliRun run = run("guild", Long.toString(GUILD));
        assertEquals(0, run.exitCode, run.toString());
        for (FakeChannel thread : threads) {
            assertTrue(Files.exists(guildDir().resolve(thread.id() + ".jsonl")), "thread " + thread.id());
        }
        List<RecordedRequest> pages = requests("/channels/" + TALK + "/threads/archived/public");
        assertEquals(3, pages.size(), "250 archived threads: pages of 100");
        assertEquals(null, pages.get(0).getRequestUrl().queryParameter("before"));
        assertEquals(Fixtures.iso(DAY.plusSeconds(86_400 + 150 * 60L)), pages.get(1).getRequestUrl()
                .queryParameter("before"), "the next page starts before the last archive_timestamp");
        assertEquals(List.of(), requests("/threads/archived/private"), "no MANAGE_THREADS: not asked");
        assertEquals(List.of(), requests("/channels/" + BOARD + "/messages"), "a forum has no messages of its own");
        JsonNode meta = ArchiveFiles.meta(guildDir().resolve(threads.get(5).id() + ".meta.json"));
        assertEquals(TALK, meta.path("channel").path("parent_id").asLong());
        assertTrue(meta.path("channel").path("thread_metadata").path("archived").asBoolean());
        assertEquals(1, meta.path("summary").path("num_messages").asInt());
        JsonNode guildMeta = ArchiveFiles.meta(guildDir().resolve("guild.meta.json"));
        assertEquals(threads.size(), guildMeta.path("summary").path("num_threads").asInt());
        assertEquals(3 + 2 * 2 + 250 + 3 * 2, guildMeta.path("summary").path("num_messages").asInt());
        CliRun verify = CliRun.run(Map.of(), "verify", out.toString());
        assertEquals(0, verify.exitCode, verify.toString());
    }

    @Test
    void privateArchivedThreadsNeedManageThreads() throws Exception {
        server(MANAGE_THREADS, false);
        discord.managesThreadsAndWebhooks();
        FakeChannel secret = thread(talk, 12, Fixtures.iso(DAY.plusSeconds(90_000)), DAY.plusSeconds(900), 2);
        CliRun run = run("guild", Long.toString(GUILD));
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(1, requests("/channels/" + TALK + "/threads/archived/private").size());
        assertTrue(Files.exists(guildDir().resolve(secret.id() + ".jsonl")));
    }

    @Test
    void threadsOutsideTheRangeAreLeftOutAndListingStopsEarly() throws Exception {
        server(0, false);
        FakeChannel old = thread(talk, 11, Fixtures.iso(DAY.plusSeconds(3_600)), DAY.plusSeconds(10), 1);
        FakeChannel recent = thread(talk, 11, Fixtures.iso(DAY.plusSeconds(5 * 86_400)), DAY.plusSeconds(20), 1);
        CliRun run = run("--after", "2023-05-03", "guild", Long.toString(GUILD));
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(Files.exists(guildDir().resolve(recent.id() + ".jsonl")), "active in the range");
        assertFalse(Files.exists(guildDir().resolve(old.id() + ".jsonl")), "archived before --after");
    }

    @Test
    void membersBeyondOneThousandArePagedAndCounted() throws Exception {
        server(0, false);
        guild.addMembers(discord, 890000000000000001L, 1500);
        CliRun run = run("--members", "guild", Long.toString(GUILD));
        assertEquals(0, run.exitCode, run.toString());
        List<RecordedRequest> pages = requests("/guilds/" + GUILD + "/members?");
        assertEquals(3, pages.size(), "1000, 501, then an empty page");
        assertEquals("1000", pages.get(0).getRequestUrl().queryParameter("limit"));
        JsonNode guildMeta = ArchiveFiles.meta(guildDir().resolve("guild.meta.json"));
        assertEquals(1501, guildMeta.path("summary").path("num_members").asInt());
        JsonNode identify = new ObjectMapper().readTree(discord.gateway().framesFromClient().get(0));
        assertEquals(1 << 1, identify.path("d").path("intents").asInt() & (1 << 1), "GUILD_MEMBERS asked for");
    }

    @Test
    void refusedMembersAreRecordedAndNotedNotFatal() throws Exception {
        server(0, false);
        discord.membersRefused();
        CliRun run = run("--members", "guild", Long.toString(GUILD));
        assertEquals(0, run.exitCode, run.toString());
        JsonNode guildMeta = ArchiveFiles.meta(guildDir().resolve("guild.meta.json"));
        assertEquals(-1, guildMeta.path("summary").path("num_members").asInt());
        assertTrue(guildMeta.path("notes").toString().contains("members: refused (403 Missing Access (50001)); enable the SERVER MEMBERS intent"));
        assertTrue(ArchiveFiles.records(guildDir().resolve("guild.jsonl")).stream()
                .anyMatch(r -> r.path("response").path("status").asInt() == 403));
    }

    @Test
    void pinsArePagedByPinnedAtAndOldServersGetTheOldRoute() throws Exception {
        server(0, false);
        List<Long> ids = Fixtures.fill(discord, talk, discord.self(), DAY.plusSeconds(86_400), 60);
        for (int i = 0; i < 60; i++) talk.pin(ids.get(i), Fixtures.iso(DAY.plusSeconds(200_000 + i)));
        CliRun run = run("guild", Long.toString(GUILD));
        assertEquals(0, run.exitCode, run.toString());
        List<RecordedRequest> pages = requests("/channels/" + TALK + "/messages/pins");
        assertEquals(2, pages.size());
        assertEquals(Fixtures.iso(DAY.plusSeconds(200_000 + 10)), pages.get(1).getRequestUrl().queryParameter("before"));
        assertEquals(60, ArchiveFiles.meta(guildDir().resolve(TALK + ".meta.json")).path("summary").path("num_pins")
                .asInt());
    }

    @Test
    void oldServersWithoutTheNewPinsRouteAnswerTheOldOne() throws Exception {
        server(0, false);
        talk.pin(talk.messageIds().get(1), Fixtures.iso(DAY.plusSeconds(5))).oldPinsOnly();
        CliRun run = run("channel", Long.toString(TALK));
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(1, requests("/channels/" + TALK + "/pins").size());
        assertEquals(1, ArchiveFiles.meta(guildDir().resolve(TALK + ".meta.json")).path("summary").path("num_pins")
                .asInt());
    }

    @Test
    void eachInviteIsFetchedOncePerRunWhereverItIsLinked() throws Exception {
        server(0, false);
        List<Long> ids = talk.messageIds();
        talk.message(ids.get(0)).put("content", "join us: https://discord.gg/abcDEF and discord.com/invite/xyz-1");
        talk.message(ids.get(1)).put("content", "again discord.gg/abcDEF");
        talk.message(ids.get(2)).put("content", "dead link discordapp.com/invite/gone");
        discord.invite("abcDEF", guild, talk);
        discord.invite("xyz-1", guild, talk);
        CliRun run = run("guild", Long.toString(GUILD));
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(1, requests("/invites/abcDEF").size());
        assertEquals("true", requests("/invites/abcDEF").get(0).getRequestUrl().queryParameter("with_counts"));
        assertEquals(1, requests("/invites/xyz-1").size());
        assertEquals(1, requests("/invites/gone").size(), "a dead invite is asked too: its 404 is evidence");
        JsonNode runMeta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve("run.meta.json"));
        assertEquals(3, runMeta.path("summary").path("num_invites").asInt());
    }

    @Test
    void webhooksOnlyWithManageWebhooks() throws Exception {
        server(0, false);
        run("guild", Long.toString(GUILD));
        assertEquals(List.of(), requests("/webhooks"));
        assertTrue(ArchiveFiles.meta(guildDir().resolve("guild.meta.json")).path("notes").toString()
                .contains("webhooks: skipped, no MANAGE_WEBHOOKS permission"));
        discord.close();
        out = Files.createDirectories(out.resolve("again"));
        server(MANAGE_WEBHOOKS, false);
        discord.managesThreadsAndWebhooks();
        CliRun run = run("guild", Long.toString(GUILD));
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(1, requests("/guilds/" + GUILD + "/webhooks").size());
    }

    @Test
    void dmArchivesEveryDirectMessageOfAUserAccount() throws Exception {
        server(0, true);
        FakeChannel dm = discord.channel(null, 883000000000000001L, 1, null, null);
        Fixtures.fill(discord, dm, discord.self(), DAY, 4);
        FakeChannel group = discord.channel(null, 883000000000000002L, 3, "friends", null);
        Fixtures.fill(discord, group, discord.self(), DAY, 2);
        CliRun run = run("-U", "dm");
        assertEquals(0, run.exitCode, run.toString());
        Path runDir = ArchiveFiles.onlyRun(out);
        assertEquals(4, ArchiveFiles.messageIds(runDir.resolve("@me/" + dm.id() + ".jsonl")).size());
        assertEquals(2, ArchiveFiles.messageIds(runDir.resolve("@me/" + group.id() + ".jsonl")).size());
        assertTrue(runDir.getFileName().toString().endsWith("_dm_full"));
    }

    @Test
    void dmForABotIsAUsageError() throws Exception {
        server(0, false);
        CliRun run = run("dm");
        assertEquals(ExitCode.USAGE, run.exitCode);
        assertEquals("discard: dm needs a user account (-U): bots cannot list their DMs\n", run.err);
    }
}

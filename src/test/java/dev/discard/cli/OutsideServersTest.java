package dev.discard.cli;

import static dev.discard.fake.Fixtures.GUILD_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.fake.FakeChannel;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import dev.discard.testing.VirtualTime;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What broke against servers other than the project's fake (issue 13), each case now part of the fake. */
class OutsideServersTest extends FakeDiscordTest {
    private static final long FUTURE = 810000000000000099L;
    /** 2^63 as a message id is made at 2084-09-06T15:47:35.552Z. */
    private static final Instant AROUND_2_63 = Instant.parse("2084-09-06T15:20:00Z");

    private List<String> futureIds() {
        FakeChannel future = discord.channel(discord.guild(GUILD_ID), FUTURE, 0, "future", null);
        List<String> ids = new ArrayList<>();
        for (long id : Fixtures.fill(discord, future, discord.self(), AROUND_2_63, 6)) ids.add(Long.toUnsignedString(id));
        return ids;
    }

    private CliRun runIn(Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of("--api-url", discord.apiUrl(), "-o", dir.toString()));
        all.addAll(List.of(args));
        return CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), all.toArray(String[]::new));
    }

    private Path channelLog(long channel) throws Exception {
        return ArchiveFiles.onlyRun(out).resolve(GUILD_ID + "/" + channel + ".jsonl");
    }

    @Test
    void beforeFarInTheFutureArchivesEverythingAndIdsAbove2To63SortUnsigned() throws Exception {
        List<String> ids = futureIds();
        assertTrue(ids.get(0).compareTo("9223372036854775808") < 0 && ids.get(5).length() == 19
                && Long.parseUnsignedLong(ids.get(5)) < 0, "the channel straddles 2^63");
        CliRun run = run("--before", "2099-01-01", "guild", Long.toString(GUILD_ID));
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(ids, ArchiveFiles.messageIds(channelLog(FUTURE)), "all, oldest first, unsigned order");
        JsonNode meta = ArchiveFiles.meta(channelLog(FUTURE).resolveSibling(FUTURE + ".meta.json"));
        assertEquals(ids.get(5), meta.path("summary").path("newest_message").path("id").bigIntegerValue().toString());
        assertEquals(ids.get(0), meta.path("summary").path("oldest_message").path("id").asText());
        CliRun verify = CliRun.run(Map.of(), "verify", out.toString());
        assertEquals(0, verify.exitCode, verify.toString());
        CliRun summary = CliRun.run(Map.of(), "summary", "--json", out.toString());
        assertEquals(0, summary.exitCode, summary.toString());
        assertTrue(summary.out.contains("\"gaps\" : 0") || summary.out.contains("\"gaps\":0"), summary.out);
        CliRun read = CliRun.run(Map.of(), "read", channelLog(FUTURE).toString());
        assertEquals(0, read.exitCode, read.toString());
        assertTrue(read.out.indexOf("number 5.") > read.out.indexOf("number 4.") && read.out.contains("2084-09-06"), read.out);
    }

    @Test
    void everyDateUpToTheYear9999Works() throws Exception {
        List<String> ids = futureIds();
        CliRun general = run("--before", "2099-01-01", "channel", Long.toString(Fixtures.GENERAL));
        assertEquals(0, general.exitCode, general.toString());
        assertEquals(Fixtures.GENERAL_MESSAGES, ArchiveFiles.messageIds(channelLog(Fixtures.GENERAL)).size());
        CliRun none = runIn(out.resolve("after"), "--after", "2099-01-01", "channel",
                Long.toString(FUTURE));
        assertEquals(0, none.exitCode, none.toString());
        assertEquals(List.of(), ArchiveFiles.messageIds(ArchiveFiles.onlyRun(out.resolve("after"))
                .resolve(GUILD_ID + "/" + FUTURE + ".jsonl")));
        CliRun all = runIn(out.resolve("9999"), "--before", "9999-12-31", "channel",
                Long.toString(FUTURE));
        assertEquals(0, all.exitCode, all.toString());
        assertEquals(ids, ArchiveFiles.messageIds(ArchiveFiles.onlyRun(out.resolve("9999"))
                .resolve(GUILD_ID + "/" + FUTURE + ".jsonl")));
    }

    private void assertMembersArchivedWithoutFailedAttempts(CliRun run, int members) throws Exception {
        assertEquals(0, run.exitCode, run.toString());
        JsonNode guildMeta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve(GUILD_ID + "/guild.meta.json"));
        assertEquals(members, guildMeta.path("summary").path("num_members").asInt());
        assertFalse(guildMeta.path("notes").toString().contains("members"), guildMeta.path("notes").toString());
        assertFalse(ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve("run.meta.json")).path("run").path("errors")
                .asBoolean());
        assertEquals(Fixtures.GENERAL_MESSAGES, ArchiveFiles.messageIds(channelLog(Fixtures.GENERAL)).size());
    }

    /** Attempts that got no answer and were not a dead pooled connection sent again at once. */
    private List<String> failedAttempts() throws Exception {
        List<String> failed = new ArrayList<>();
        for (Path file : ArchiveFiles.allFiles(ArchiveFiles.onlyRun(out))) {
            if (!file.toString().endsWith(".jsonl")) continue;
            for (JsonNode r : ArchiveFiles.records(file)) {
                String error = r.path("error").asText("");
                if (!error.isEmpty() && !error.contains("reused keep-alive connection")) failed.add(error);
            }
        }
        return failed;
    }

    /** A run whose waits take no wall-clock time, and in which the fake's idle connections time out. */
    private CliRun runWaitingVirtually(VirtualTime time, String... args) {
        List<String> all = new ArrayList<>(List.of("--api-url", discord.apiUrl(), "-o", out.toString()));
        all.addAll(List.of(args));
        return CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), CliRun.fixedRuns(time), all.toArray(String[]::new));
    }

    @Test
    void serverClosingIdleConnectionsDuringA429CostsNoFailedAttempt() throws Exception {
        discord.idleTimeout(1000);
        discord.guild(GUILD_ID).addMembers(discord, 720000000000000000L, 1500);
        discord.script("/soundboard-sounds", 1, discord.tooManyRequests(4.0, false));
        VirtualTime time = new VirtualTime(discord::clientWaited);
        CliRun run = runWaitingVirtually(time, "--no-gateway", "--members", "guild", Long.toString(GUILD_ID));
        assertMembersArchivedWithoutFailedAttempts(run, 1502);
        assertEquals(List.of(), failedAttempts());
        assertTrue(time.waitedNanos() >= 4_000_000_000L, "waited out the 429: " + time.waitedNanos() + " ns");
    }

    @Test
    void aDeadPooledConnectionIsRecordedAndTheRequestSentAgainAtOnce() throws Exception {
        discord.guild(GUILD_ID).addMembers(discord, 720000000000000000L, 1500);
        discord.script("/soundboard-sounds", 1, discord.tooManyRequests(2.0, false));
        // Every connection the server holds is dropped during the 429's wait (as an idle timeout or a restart
        // would): the connection the retry takes from the pool is dead, whichever it is.
        VirtualTime time = new VirtualTime(nanos -> {
            if (nanos < java.util.concurrent.TimeUnit.SECONDS.toNanos(1)) return;
            try {
                discord.gateway().drop();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CliRun run = runWaitingVirtually(time, "--no-gateway", "--concurrency", "1", "--members", "guild",
                Long.toString(GUILD_ID));
        assertMembersArchivedWithoutFailedAttempts(run, 1502);
        assertEquals(List.of(), failedAttempts());
        long dead = ArchiveFiles.records(ArchiveFiles.onlyRun(out).resolve(GUILD_ID + "/guild.jsonl")).stream()
                .filter(r -> r.path("error").asText("").contains("reused keep-alive connection")).count();
        assertTrue(dead >= 1, "the attempt on the closed connection is recorded, as every attempt is");
    }

    @Test
    void membersOfACompatibleServerStartFromAfterZero() throws Exception {
        discord.compatibleMembers();
        CliRun run = run("--no-gateway", "--members", "guild", Long.toString(GUILD_ID));
        assertMembersArchivedWithoutFailedAttempts(run, 2);
        assertEquals("0", discord.requests().stream().filter(r -> r.getPath().contains("/members?"))
                .findFirst().orElseThrow().getRequestUrl().queryParameter("after"));
    }

    @Test
    void membersTheServerFailsAreANoteNotTheEndOfTheRun() throws Exception {
        discord.script("/guilds/" + GUILD_ID + "/members", 50, discord.error(502, 0, "502: Bad Gateway"));
        CliRun guild = runIn(out.resolve("g"), "--no-gateway", "--members", "guild", Long.toString(GUILD_ID));
        assertEquals(0, guild.exitCode, guild.toString());
        JsonNode guildMeta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out.resolve("g"))
                .resolve(GUILD_ID + "/guild.meta.json"));
        assertTrue(guildMeta.path("notes").toString().contains("members: the server failed (502"),
                guildMeta.toString());
    }

    private static String notesOf(JsonNode meta, String key) {
        return key.equals("warnings") ? meta.path("run").path("warnings").toString() : meta.path(key).toString();
    }

    @Test
    void pinsThreadListsAndInvitesThatFailAreNotesNotTheEndOfTheRun() throws Exception {
        long first = discord.channel(Fixtures.GENERAL).messageIds().get(0);
        discord.channel(Fixtures.GENERAL).message(first).put("content", "join us: https://discord.gg/abc and discord.gg/xyz");
        // A pinned message: pins are asked for only where the archived history does not prove them empty.
        discord.channel(Fixtures.GENERAL).pin(first, "2021-02-02T00:00:00.000000+00:00");
        discord.script("/channels/" + Fixtures.GENERAL + "/messages/pins", 1,
                discord.error(403, 50013, "Missing Permissions"));
        discord.script("/threads/archived/public", 100, discord.error(502, 0, "502: Bad Gateway"));
        discord.script("/threads/active", 100, discord.error(503, 0, "503: Service Unavailable"));
        discord.script("/invites/abc", 100, discord.noAnswer());
        discord.script("/invites/xyz", 1, discord.error(400, 50035, "Invalid Form Body"));
        CliRun guild = runIn(out.resolve("g"), "--no-gateway", "guild", Long.toString(GUILD_ID));
        assertEquals(0, guild.exitCode, guild.toString());
        Path runDir = ArchiveFiles.onlyRun(out.resolve("g"));
        String notes = notesOf(ArchiveFiles.meta(runDir.resolve(GUILD_ID + "/guild.meta.json")), "notes");
        String general = Long.toString(Fixtures.GENERAL);
        for (String expected : List.of("pins of channel " + general + ": refused (403 Missing Permissions (50013))",
                "threads/archived/public of channel " + general + ": the server failed (502 Bad Gateway)",
                "threads/active: 503 Service Unavailable", "invite abc: cannot reach ",
                "invite xyz: 400 Invalid Form Body (50035)")) {
            assertTrue(notes.contains(expected), expected + " in " + notes);
        }
        JsonNode runMeta = ArchiveFiles.meta(runDir.resolve("run.meta.json"));
        assertTrue(notesOf(runMeta, "warnings").contains("guild " + GUILD_ID + ": invite abc: cannot reach "),
                notesOf(runMeta, "warnings"));
        assertFalse(runMeta.path("run").path("errors").asBoolean(), runMeta.toString());
        assertTrue(runMeta.path("run").path("completed").asBoolean());
        assertEquals(Fixtures.GENERAL_MESSAGES, ArchiveFiles.messageIds(runDir.resolve(GUILD_ID + "/" + general
                + ".jsonl")).size());

        discord.script("/channels/" + general + "/messages/pins", 100,
                discord.noAnswer());
        CliRun channel = runIn(out.resolve("c"), "--no-gateway", "channel", general);
        assertEquals(0, channel.exitCode, channel.toString());
        String warnings = notesOf(ArchiveFiles.meta(ArchiveFiles.onlyRun(out.resolve("c")).resolve("run.meta.json")),
                "warnings");
        assertTrue(warnings.contains("guild " + GUILD_ID + ": pins of channel " + general + ": cannot reach "), warnings);
        assertTrue(warnings.contains("guild " + GUILD_ID + ": threads/active: the server failed (503"), warnings);
    }
}

package dev.discard.cli;

import static dev.discard.fake.Fixtures.GUILD_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.archive.ArchiveRun;
import dev.discard.fake.FakeChannel;
import dev.discard.fake.Fixtures;
import dev.discard.index.IndexIds;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code discard index} and {@code discard search} on real runs against the fake Discord. */
class IndexArchiveRunsTest extends FakeDiscordTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long FUTURE = 810000000000000099L;
    /** 2^63 as a message id is made at 2084-09-06T15:47:35.552Z. */
    private static final Instant AROUND_2_63 = Instant.parse("2084-09-06T15:20:00Z");

    @TempDir Path dbDir;

    @Test
    void anIncrementalRunAddsExactlyItsNewMessagesToTheIndex() throws Exception {
        Path db = dbDir.resolve("index.sqlite");
        CliRun first = runAt(Instant.parse("2026-11-20T03:00:00Z"), "--incremental", "guild",
                Long.toString(GUILD_ID));
        assertEquals(0, first.exitCode, first.toString());
        CliRun index = index(db);
        assertEquals(0, index.exitCode, index.toString());
        Set<String> before = new TreeSet<>(IndexCommandTest.column(db, "SELECT id FROM messages"));
        assertTrue(before.size() >= Fixtures.GENERAL_MESSAGES, "every message of the first run: " + before.size());

        List<Long> fresh = Fixtures.fill(discord, discord.channel(Fixtures.GENERAL), discord.self(),
                Instant.parse("2026-11-20T12:00:00Z"), 7);
        CliRun second = runAt(Instant.parse("2026-11-21T03:00:00Z"), "--incremental", "guild",
                Long.toString(GUILD_ID));
        assertEquals(0, second.exitCode, second.toString());
        CliRun again = index(db);

        assertEquals(0, again.exitCode, again.toString());
        assertTrue(again.out.contains(": 7 messages added, 0 updated, 7 read."), again.out);
        Set<String> after = new TreeSet<>(IndexCommandTest.column(db, "SELECT id FROM messages"));
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        assertEquals(fresh.stream().map(IndexIds::of).collect(java.util.stream.Collectors.toCollection(TreeSet::new)),
                added);
        assertEquals(before.size() + 7, after.size(), "nothing of the first run lost");
        assertEquals(List.of(Integer.toString(after.size())), IndexCommandTest.column(db,
                "SELECT count(*) FROM messages_fts"));
        assertEquals(List.of("2"), IndexCommandTest.column(db, "SELECT count(*) FROM runs"));
    }

    @Test
    void idsStraddling2To63AreIndexedSortedAndSearchedInUnsignedOrder() throws Exception {
        FakeChannel future = discord.channel(discord.guild(GUILD_ID), FUTURE, 0, "future", null);
        List<String> ids = new ArrayList<>();
        for (long id : Fixtures.fill(discord, future, discord.self(), AROUND_2_63, 6)) {
            ids.add(Long.toUnsignedString(id));
            future.message(id).put("content", "straddle " + ids.size());
        }
        assertTrue(Long.parseLong(ids.get(0)) > 0 && Long.parseUnsignedLong(ids.get(5)) < 0,
                "the channel straddles 2^63: " + ids);
        CliRun run = run("--before", "2099-01-01", "channel", Long.toString(FUTURE));
        assertEquals(0, run.exitCode, run.toString());
        Path db = dbDir.resolve("index.sqlite");
        CliRun index = index(db);
        assertEquals(0, index.exitCode, index.toString());

        assertEquals(ids.stream().map(IndexIds::of).toList(), IndexCommandTest.column(db,
                "SELECT id FROM messages WHERE channel_id = '" + IndexIds.of(FUTURE) + "' ORDER BY id"));
        assertEquals(ids.stream().map(IndexIds::of).toList(), IndexCommandTest.column(db,
                "SELECT id FROM messages WHERE channel_id = '" + IndexIds.of(FUTURE) + "' ORDER BY rowid_"),
                "the rowid keeps unsigned order");
        assertEquals(reversed(ids), searchIds(db, "--channel", "future", "straddle"), "newest first");
        assertEquals(ids, searchIds(db, "--channel", "future", "--oldest", "straddle"));
        assertEquals(ids.subList(0, 3), searchIds(db, "--channel", "future", "--limit", "3", "--oldest", "straddle"),
                "the limit cuts after the oldest three");
        assertEquals(reversed(ids.subList(3, 6)), searchIds(db, "--channel", "future", "--limit", "3", "straddle"),
                "and after the newest three, above 2^63");
        CliRun after = CliRun.run(Map.of(), "search", "--db", db.toString(), "--json", "--after",
                "2084-09-06T15:47:35.553Z", "straddle");
        assertEquals(0, after.exitCode, after.toString());
        List<String> above = lines(after).stream().map(l -> l.get("id").asText()).toList();
        assertTrue(!above.isEmpty() && above.stream().allMatch(id -> Long.parseUnsignedLong(id) < 0),
                "--after 2^63's time: only ids above it, " + above);
        assertEquals(reversed(ids.stream().filter(id -> Long.parseUnsignedLong(id) < 0).toList()), above);
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private List<String> searchIds(Path db, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("search", "--db", db.toString(), "--json"));
        all.addAll(List.of(args));
        CliRun search = CliRun.run(Map.of(), all.toArray(String[]::new));
        assertEquals(0, search.exitCode, search.toString());
        return lines(search).stream().map(l -> l.get("id").asText()).toList();
    }

    private static List<JsonNode> lines(CliRun run) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out.split("\n")) if (!line.isBlank()) lines.add(MAPPER.readTree(line));
        return lines;
    }

    private CliRun index(Path db) {
        return CliRun.run(Map.of(), "index", "--db", db.toString(), out.toString());
    }

    private CliRun runAt(Instant now, String... args) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        List<String> all = new ArrayList<>(List.of("--api-url", discord.apiUrl(), "-o", out.toString()));
        all.addAll(List.of(args));
        return CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), settings -> ArchiveRun.builder(settings)
                .connection(CliRun.fastConnection(clock)).ident(() -> CliRun.IDENT)
                .build(), all.toArray(String[]::new));
    }
}

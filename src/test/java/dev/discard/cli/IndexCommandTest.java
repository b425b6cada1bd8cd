package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.LogFile;
import dev.discard.index.IndexIds;
import dev.discard.read.ChannelLog;
import dev.discard.read.Message;
import dev.discard.read.PythonExampleAccess;
import dev.discard.read.RecordProblem;
import dev.discard.read.TestArchive;
import dev.discard.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCommandTest {
    @TempDir Path tmp;

    /** The shipped example run of ours and the Python Discard's example run, side by side in one folder. */
    private Path archives() throws IOException {
        Path out = tmp.resolve("out");
        copyTree(Path.of("example"), out);
        PythonExampleAccess.write(out);
        return out;
    }

    @Test
    void indexesEveryMessageOfBothArchiveFormatsExactlyOnce() throws Exception {
        Path out = archives();
        CliRun run = CliRun.run(Map.of(), "index", out.toString());
        assertEquals(0, run.exitCode, run.err);
        Set<String> expected = idsInLogs(out);
        assertEquals(29, expected.size(), "the two examples hold 23 + 6 messages");
        List<String> stored = column(out.resolve("index.sqlite"), "SELECT id FROM messages ORDER BY id");
        assertEquals(new ArrayList<>(expected), stored);
        assertEquals(List.of("29"), column(out.resolve("index.sqlite"), "SELECT count(*) FROM messages_fts"));
        assertTrue(run.out.contains("29 messages added"), run.out);
    }

    @Test
    void indexingAgainReadsNothingAndAddsNothing() throws Exception {
        Path out = archives();
        assertEquals(0, CliRun.run(Map.of(), "index", out.toString()).exitCode);
        CliRun again = CliRun.run(Map.of(), "index", out.toString());
        assertEquals(0, again.exitCode, again.err);
        assertTrue(again.out.startsWith("Indexed 0 of "), again.out);
        assertTrue(again.out.contains(" 0 messages added, 0 updated"), again.out);
        assertEquals(List.of("29"), column(out.resolve("index.sqlite"), "SELECT count(*) FROM messages"));
    }

    @Test
    void aLaterRunAddsExactlyItsNewMessagesAndKeepsTheEarlierVersionOfAnEdit() throws Exception {
        Path out = tmp.resolve("out");
        long base = TestArchive.id("2024-01-01T00:00:00Z", 0);
        writeRun(out.resolve("20240101T000000_channel"), List.of(TestArchive.page(0, TestArchive.newestFirst(base, 1,
                5))));
        assertEquals(0, CliRun.run(Map.of(), "index", "-q", out.toString()).exitCode);
        long edited = base + (5L << 22);
        List<String> later = new ArrayList<>(TestArchive.newestFirst(base, 6, 8));
        later.add(TestArchive.message(edited, 0, "message 5, corrected",
                ",\"edited_timestamp\":\"2024-01-02T00:00:00.000000+00:00\"").replace(
                ",\"edited_timestamp\":null", ""));
        writeRun(out.resolve("20240102T000000_channel"), List.of(TestArchive.page(base + (4L << 22), later)));
        CliRun run = CliRun.run(Map.of(), "index", out.toString());
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("3 messages added, 1 updated"), run.out);
        Path db = out.resolve("index.sqlite");
        assertEquals(List.of("8"), column(db, "SELECT count(*) FROM messages"));
        assertEquals(List.of("message 5, corrected"), column(db, "SELECT content FROM messages WHERE id = '"
                + IndexIds.of(edited) + "'"));
        assertEquals(List.of("message 5"), column(db, "SELECT content FROM message_versions"));
        CliRun old = CliRun.run(Map.of(), "search", "--db", db.toString(), "--json", "corrected");
        assertEquals(1, old.out.lines().count(), old.out);
    }

    @Test
    void searchFindsAPhraseOnlyOneMessageHolds() throws Exception {
        Path out = archives();
        CliRun.run(Map.of(), "index", "-q", out.toString());
        CliRun search = CliRun.run(Map.of(), "search", "--db", out.resolve("index.sqlite").toString(), "\"message number 14\"");
        assertEquals(0, search.exitCode, search.err);
        assertEquals(List.of("Discard Test Server ✨ #general message 805804651373920270",
                "[2021-02-01 14:20:00.014000] <Sanqui> Hello, this is message number 14."),
                search.out.lines().toList());
    }

    @Test
    void searchFindsTheIndexThatIndexPutInOutWhenNoneIsHere() throws Exception {
        Path work = tmp.resolve("work");
        Path out = Files.createDirectories(work.resolve("out"));
        PythonExampleAccess.write(out);
        CliRun index = CliRun.run(Map.of(), "index", "-q", out.toString());
        assertEquals(0, index.exitCode, index.err);
        CliRun search = CliRun.run(Map.of(), Terminal.none(work),
                Clock.systemUTC(), CliRun.fixedRuns(), "search", "reaction");
        assertEquals(0, search.exitCode, search.toString());
        assertTrue(search.out.contains("This message will have a reaction."), search.toString());

        CliRun nowhere = CliRun.run(Map.of(), Terminal.none(tmp),
                Clock.systemUTC(), CliRun.fixedRuns(), "search", "reaction");
        assertEquals(ExitCode.FAILED, nowhere.exitCode, nowhere.toString());
        assertTrue(nowhere.err.contains("no index at " + tmp.resolve("index.sqlite")), nowhere.toString());
    }

    @Test
    void searchFindsAWordOfThePythonRunAndPrintsJsonLines() throws Exception {
        Path out = archives();
        CliRun.run(Map.of(), "index", "-q", out.toString());
        CliRun search = CliRun.run(Map.of(), "search", "--db", out.resolve("index.sqlite").toString(), "--json", "February");
        assertEquals(0, search.exitCode, search.err);
        List<String> lines = search.out.lines().toList();
        assertEquals(1, lines.size(), search.out);
        JsonNode hit = new ObjectMapper().readTree(lines.get(0));
        assertEquals("Hello this is a message today, on the first of February.", hit.get("content").asText());
        assertEquals("805808489695150183", hit.get("channel_id").asText());
        assertEquals("general", hit.get("channel_name").asText());
        assertEquals("805808489695150180", hit.get("guild_id").asText());
        for (String key : List.of("id", "author_id", "author_name", "timestamp")) {
            assertFalse(hit.path(key).isNull() || hit.path(key).isMissingNode(), key);
        }
    }

    @Test
    void searchHonoursChannelAuthorAndRangeFilters() throws Exception {
        Path out = archives();
        CliRun.run(Map.of(), "index", "-q", out.toString());
        String db = out.resolve("index.sqlite").toString();
        assertEquals(7, hits(db, "Hello"), "ours: number 4, 5, 9, 10, 14 in #general, 4 in #announcements; Python: 1");
        assertEquals(6, hits(db, "--channel", "general", "Hello"), "both examples have a #general");
        assertEquals(5, hits(db, "--channel", "#general", "--guild", "800000000000000001", "Hello"));
        assertEquals(1, hits(db, "--channel", "810000000000000003", "Hello"));
        assertEquals(4, hits(db, "--after", "2021-02-01T13:00:00", "--before", "2021-02-02", "Hello"));
        assertEquals(3, hits(db, "--after", "2021-02-01T13:00:00", "--before", "2021-02-01T14:30:00", "Hello"));
        assertEquals(2, hits(db, "--limit", "2", "Hello"));
        assertEquals(1, hits(db, "--author", "Sanqui#3248", "February"));
        assertEquals(0, hits(db, "--author", "DiscardTest", "February"));
        CliRun oldest = CliRun.run(Map.of(), "search", "--db", db, "--oldest", "--limit", "1", "Hello");
        assertTrue(oldest.out.contains("message number 4."), oldest.out);
        CliRun newest = CliRun.run(Map.of(), "search", "--db", db, "--limit", "1", "Hello");
        assertTrue(newest.out.contains("message number 4."), newest.out);
        assertTrue(newest.out.contains("#announcements"), newest.out);
    }

    @Test
    void onATerminalMatchesInAttachmentNamesAndEmbedsAreHighlightedToo() throws Exception {
        Path out = tmp.resolve("out");
        long id = TestArchive.id("2024-01-01T00:00:00Z", 1);
        String message = TestArchive.message(id, "see the figures").replace("\"attachments\":[],\"embeds\":[]",
                "\"attachments\":[{\"id\":\"1\",\"filename\":\"quarterly-report.pdf\",\"size\":4,\"url\":"
                + "\"https://cdn.discordapp.com/attachments/1/1/quarterly-report.pdf\"}],\"embeds\":[{\"type\":"
                + "\"rich\",\"title\":\"The quarterly numbers\"}]");
        writeRun(out.resolve("20240101T000000_channel"), List.of(TestArchive.page(0, List.of(message))));
        assertEquals(0, CliRun.run(Map.of(), "index", "-q", out.toString()).exitCode);
        String db = out.resolve("index.sqlite").toString();

        CliRun search = CliRun.run(Map.of(), true, "search", "--db", db,
                "quarterly");

        assertEquals(0, search.exitCode, search.toString());
        String on = "\u001b[1;33m";
        String off = "\u001b[0m";
        String line = search.out.lines().toList().get(1);
        assertTrue(line.contains("/1/1/" + on + "quarterly" + off + "-report.pdf"), line);
        assertTrue(line.contains("The " + on + "quarterly" + off + " numbers"), line);
        assertTrue(line.contains("see the figures"), line);
        CliRun plain = CliRun.run(Map.of(), "search", "--db", db, "quarterly");
        assertFalse(plain.out.contains("\u001b"), "no colour when not a terminal: " + plain.out);
    }

    @Test
    void aGatewayGuildCreateNamesWhatNoRestAnswerNamed() throws Exception {
        Path out = tmp.resolve("out");
        Path run = out.resolve("20240101T000000_channel");
        long id = TestArchive.id("2024-01-01T00:00:00Z", 1);
        writeRun(run, List.of(TestArchive.page(0, List.of(TestArchive.message(id, "hello from the gateway"))),
                "{\"type\":\"http\",\"datetime_start\":\"2024-01-01T00:00:02+00:00\",\"datetime_end\":"
                + "\"2024-01-01T00:00:02.1+00:00\",\"request\":{\"method\":\"GET\",\"url\":"
                + "\"https://discord.com/api/v10/channels/" + TestArchive.CHANNEL + "\"},\"response\":{\"status\":200,"
                + "\"data\":{\"id\":\"" + TestArchive.CHANNEL + "\",\"type\":0,\"name\":\"from-rest\"}}}"));
        String other = "805808489695150199";
        Files.writeString(run.resolve("run.jsonl"), "{\"type\":\"ws\",\"datetime\":\"2024-01-01T00:00:00+00:00\","
                + "\"direction\":\"recv\",\"data\":{\"t\":\"GUILD_CREATE\",\"s\":2,\"op\":0,\"d\":{\"id\":\""
                + TestArchive.GUILD + "\",\"name\":\"Gateway Guild\",\"icon\":null,\"roles\":[{\"id\":\""
                + TestArchive.GUILD + "\",\"name\":\"@everyone\",\"color\":0,\"position\":0}],\"channels\":["
                + "{\"id\":\"" + TestArchive.CHANNEL + "\",\"type\":0,\"name\":\"from-gateway\",\"position\":3},"
                + "{\"id\":\"" + other + "\",\"type\":0,\"name\":\"only-in-gateway\",\"position\":4}],"
                + "\"threads\":[],\"emojis\":[{\"id\":\"820000000000000001\",\"name\":\"blobcat\"}],"
                + "\"stickers\":[]}}}\n");

        CliRun index = CliRun.run(Map.of(), "index", "-q", out.toString());

        assertEquals(0, index.exitCode, index.err);
        Path db = out.resolve("index.sqlite");
        assertEquals(List.of("Gateway Guild"), column(db, "SELECT name FROM guilds"));
        assertEquals(List.of("from-rest|3", "only-in-gateway|4"), column(db, "SELECT name || '|' || position"
                + " FROM channels ORDER BY id"), "a REST answer wins; the gateway fills what it left out");
        assertEquals(List.of("@everyone"), column(db, "SELECT name FROM roles"));
        assertEquals(List.of("blobcat"), column(db, "SELECT name FROM emojis"));
        CliRun search = CliRun.run(Map.of(), "search", "--db", db.toString(), "gateway");
        assertEquals("Gateway Guild #from-rest message " + id, search.out.lines().findFirst().orElseThrow());
    }

    @Test
    void aDamagedLineIsReportedAndTheRestIndexed() throws Exception {
        Path out = tmp.resolve("out");
        long base = TestArchive.id("2024-01-01T00:00:00Z", 0);
        writeRun(out.resolve("20240101T000000_channel"), List.of(TestArchive.page(0, TestArchive.newestFirst(base, 1,
                3)), "{\"type\": \"http\", trunc", TestArchive.page(base + (3L << 22), TestArchive.newestFirst(base, 4,
                5))));
        CliRun run = CliRun.run(Map.of(), "index", "-q", out.toString());
        assertEquals(ExitCode.FAILED, run.exitCode);
        assertTrue(run.err.matches("(?s)discard: \\S+" + TestArchive.CHANNEL + "\\.jsonl:2: not a valid JSON.*"),
                run.err);
        assertEquals(List.of("5"), column(out.resolve("index.sqlite"), "SELECT count(*) FROM messages"));
    }

    @Test
    void searchWithoutAnIndexSaysHowToMakeOne() {
        CliRun run = CliRun.run(Map.of(), "search", "--db", tmp.resolve("none.sqlite").toString(), "hello");
        assertEquals(ExitCode.FAILED, run.exitCode);
        assertEquals("discard: no index at " + tmp.resolve("none.sqlite") + ": make it with discard index --db "
                + tmp.resolve("none.sqlite") + " FOLDER\n", run.err);
    }

    @Test
    void aQueryFts5RejectsGetsOneLineWithTheReason() throws Exception {
        Path out = archives();
        CliRun.run(Map.of(), "index", "-q", out.toString());
        CliRun run = CliRun.run(Map.of(), "search", "--db", out.resolve("index.sqlite").toString(), "\"unclosed");
        assertEquals(ExitCode.FAILED, run.exitCode);
        assertEquals(1, run.err.lines().count(), run.err);
        assertTrue(run.err.startsWith("discard: the query \"unclosed is not valid FTS5 syntax ("), run.err);
    }

    @Test
    void aFileThatIsNotADatabaseGetsOneLine() throws Exception {
        Path out = archives();
        Path db = tmp.resolve("broken.sqlite");
        Files.writeString(db, "this is not a database, but it is long enough to have a header of sorts.........");
        CliRun run = CliRun.run(Map.of(), "index", "--db", db.toString(), out.toString());
        assertEquals(ExitCode.FAILED, run.exitCode);
        assertEquals(1, run.err.lines().count(), run.err);
        assertTrue(run.err.contains("is not a valid index"), run.err);
    }

    @Test
    void aFolderWithoutRunsIsAUsageError() {
        CliRun run = CliRun.run(Map.of(), "index", tmp.toString());
        assertEquals(ExitCode.USAGE, run.exitCode);
        assertTrue(run.err.contains("no run in"), run.err);
    }

    private static int hits(String db, String... args) {
        List<String> command = new ArrayList<>(List.of("search", "--db", db, "--json"));
        command.addAll(List.of(args));
        CliRun run = CliRun.run(Map.of(), command.toArray(String[]::new));
        assertEquals(0, run.exitCode, run.err);
        return (int) run.out.lines().count();
    }

    /** A completed channel run of the Java format with one channel log holding these lines. */
    private static void writeRun(Path run, List<String> lines) throws IOException {
        Path guild = run.resolve(TestArchive.GUILD);
        Files.createDirectories(guild);
        Files.writeString(guild.resolve(TestArchive.CHANNEL + ".jsonl"), String.join("\n", lines) + "\n");
        Files.writeString(run.resolve("run.meta.json"), "{\"client\": {\"name\": \"discard\", \"version\": \"0.2.0\","
                + " \"implementation\": \"java\"}, \"settings\": {\"mode\": \"channel\"}, \"run\": {\"datetime_start\":"
                + " \"" + run.getFileName().toString().substring(0, 4) + "-01-01T00:00:00+00:00\", \"completed\": true}}");
    }

    /** The ids of every message in every log under {@code root}, as {@code discard read} sees them, padded. */
    private static Set<String> idsInLogs(Path root) throws IOException {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                LogFile.of(f).ifPresent(log -> new ChannelLog(List.of(log), null, false, new ObjectMapper())
                        .read(new ChannelLog.Listener() {
                            @Override
                            public void message(Message m) {
                                ids.add(IndexIds.of(m.id()));
                            }

                            @Override
                            public void problem(RecordProblem problem) {}
                        }));
            }
        }
        return ids;
    }

    static List<String> column(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (r.next()) values.add(r.getString(1));
            return values;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
    }
}

package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.archive.ArchiveRun;
import dev.discard.fake.FakeChannel;
import dev.discard.fake.Fixtures;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two full runs against the fake Discord with a message deleted and one edited between them: the index concludes the
 * deletion ("gone by" the second run's start, "last seen" at the first's) and keeps both versions; search and the
 * HTML export show them. A channel the second run could not read proves nothing.
 */
class MessageLifeRunsTest extends FakeDiscordTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant FIRST = Instant.parse("2026-11-20T03:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-11-21T03:00:00Z");

    @TempDir Path dbDir;

    @Test
    void aMessageGoneInALaterCompleteRunIsDeletedBetweenThemAndAnEditIsASecondVersion() throws Exception {
        FakeChannel general = discord.channel(Fixtures.GENERAL);
        List<Long> ids = general.messageIds();
        long gone = ids.get(10);
        long edited = ids.get(20);
        String goneContent = general.message(gone).get("content").asText();
        general.message(edited).put("content", "original wording of the message");
        assertEquals(0, runAt(FIRST).exitCode);

        general.remove(gone);
        general.edit(edited, "revised wording", "2026-11-20T12:00:00.000000+00:00");
        CliRun second = runAt(SECOND);
        assertEquals(0, second.exitCode, second.toString());
        Path db = dbDir.resolve("index.sqlite");
        CliRun index = CliRun.run(Map.of(), "index", "-q", "--db", db.toString(), out.toString());
        assertEquals(0, index.exitCode, index.toString());

        List<JsonNode> deleted = search(db, "--deleted");
        assertEquals(List.of(Long.toString(gone)), deleted.stream().map(h -> h.get("id").asText()).toList());
        JsonNode d = deleted.get(0).get("deleted");
        assertEquals("between_runs", d.get("how").asText());
        assertEquals("2026-11-21T03:00:00+00:00", d.get("at").asText(), "gone by the second run's start");
        assertEquals("2026-11-20T03:00:00+00:00", d.get("last_seen").asText(), "last seen at the first's");
        assertEquals(goneContent, deleted.get(0).get("content").asText());

        List<JsonNode> old = search(db, "original");
        assertEquals(1, old.size());
        assertEquals(Long.toString(edited), old.get(0).get("id").asText());
        assertEquals(1, old.get(0).get("version").asInt());
        assertEquals(2, old.get(0).get("versions").asInt());
        List<JsonNode> edits = search(db, "--edited", "--limit", "1000");
        assertTrue(edits.stream().anyMatch(h -> h.get("id").asText().equals(Long.toString(edited))
                && h.get("versions").asInt() == 2 && h.get("content").asText().equals("revised wording")));
        assertTrue(edits.stream().allMatch(h -> h.get("edited").asBoolean()), "the fixtures' edited ones too");

        CliRun text = CliRun.run(Map.of(), "search", "--db", db.toString(), "--deleted");
        assertTrue(text.out.contains("(deleted: gone by 2026-11-21 03:00:00, last seen 2026-11-20 03:00:00)"),
                text.out);

        Path html = dbDir.resolve("html");
        CliRun export = CliRun.run(Map.of(), "export", "html", "-q", "--db", db.toString(), "-o", html.toString(),
                out.toString());
        assertEquals(0, export.exitCode, export.toString());
        String page = pageHolding(html, gone);
        assertTrue(page.contains("Deleted: gone by 2026-11-21 03:00:00, last seen 2026-11-20 03:00:00 UTC"));
        assertTrue(page.contains("1 message of this channel was deleted"), "the channel page counts it");
        String editedPage = pageHolding(html, edited);
        assertTrue(editedPage.contains("<details class=\"versions\">"));
        assertTrue(editedPage.contains("original wording of the message"));
    }

    @Test
    void aChannelTheLaterRunCouldNotReadMarksNothingDeleted() throws Exception {
        FakeChannel general = discord.channel(Fixtures.GENERAL);
        assertEquals(0, runAt(FIRST).exitCode);
        general.remove(general.messageIds().get(10));
        general.historyForbidden();
        runAt(SECOND);
        Path db = dbDir.resolve("index.sqlite");
        CliRun index = CliRun.run(Map.of(), "index", "-q", "--db", db.toString(), out.toString());
        assertTrue(index.exitCode == 0 || index.exitCode == 1, index.toString());
        try (var runs = Files.list(out)) {
            assertEquals(2, runs.filter(p -> p.getFileName().toString().startsWith("2026112")).count());
        }
        assertEquals(List.of(), search(db, "--deleted"));
    }

    private static String pageHolding(Path html, long id) throws Exception {
        try (var files = Files.walk(html)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String text = Files.readString(p);
                if (text.contains("id=\"" + id + "\"")) return text;
            }
        }
        throw new AssertionError("no page holds message " + id);
    }

    private static List<JsonNode> search(Path db, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("search", "--db", db.toString(), "--json"));
        all.addAll(List.of(args));
        CliRun run = CliRun.run(Map.of(), all.toArray(String[]::new));
        assertEquals(0, run.exitCode, run.toString());
        List<JsonNode> hits = new ArrayList<>();
        for (String line : run.out.split("\n")) if (!line.isBlank()) hits.add(MAPPER.readTree(line));
        return hits;
    }

    private CliRun runAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), settings -> ArchiveRun.builder(settings)
                .connection(CliRun.fastConnection(clock)).ident(() -> CliRun.IDENT).build(), "--api-url", discord.apiUrl(), "-o", out.toString(), "channel",
                Long.toString(Fixtures.GENERAL));
    }
}

package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.testing.CliRun;
import dev.discard.testing.FollowArchive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code discard index} and {@code search} of a follow run: every version searchable, deletions listed. */
class MessageLifeSearchTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir Path tmp;

    private Path indexed() throws Exception {
        Path out = tmp.resolve("out");
        FollowArchive.write(out);
        Path db = tmp.resolve("index.sqlite");
        CliRun index = CliRun.run(Map.of(), "index", "-q", "--db", db.toString(), out.toString());
        assertEquals(0, index.exitCode, index.err);
        return db;
    }

    private static List<JsonNode> lines(CliRun run) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : run.out.split("\n")) if (!line.isEmpty()) out.add(MAPPER.readTree(line));
        return out;
    }

    @Test
    void deletedWithoutAQueryListsEveryDeletedMessageWithWhenItWasDeleted() throws Exception {
        Path db = indexed();
        CliRun run = CliRun.run(Map.of(), "search", "--db", db.toString(), "--deleted", "--oldest", "--json");
        assertEquals(0, run.exitCode, run.err);
        List<JsonNode> hits = lines(run);
        assertEquals(List.of(Long.toString(FollowArchive.DELETED), Long.toString(FollowArchive.BULK_1),
                Long.toString(FollowArchive.BULK_2)), hits.stream().map(h -> h.get("id").asText()).toList());
        assertEquals("to be deleted", hits.get(0).get("content").asText());
        assertEquals("live", hits.get(0).path("deleted").path("how").asText());
        assertEquals("2026-12-07T10:31:02.000000+00:00", hits.get(0).path("deleted").path("at").asText());
        assertEquals("MESSAGE_DELETE_BULK", hits.get(2).path("deleted").path("source").asText());
    }

    @Test
    void aWordOfAnEarlierVersionFindsTheMessageAndSaysWhichVersionMatched() throws Exception {
        Path db = indexed();
        CliRun run = CliRun.run(Map.of(), "search", "--db", db.toString(), "--json", "second");
        assertEquals(0, run.exitCode, run.err);
        List<JsonNode> hits = lines(run);
        assertEquals(1, hits.size(), run.out);
        assertEquals(Long.toString(FollowArchive.EDITED), hits.get(0).get("id").asText());
        assertEquals("second words", hits.get(0).get("content").asText());
        assertEquals(2, hits.get(0).get("version").asInt());
        assertEquals(4, hits.get(0).get("versions").asInt(), "three edits, the replayed one counted once");
        assertTrue(hits.get(0).get("edited").asBoolean());

        CliRun text = CliRun.run(Map.of(), "search", "--db", db.toString(), "first");
        assertEquals(String.join("\n",
                "Follow guild #general message " + FollowArchive.EDITED + " (version 1 of 4)",
                "[2026-12-07 09:00:00] <Sanqui#3248> first words", ""), text.out);
        CliRun current = CliRun.run(Map.of(), "search", "--db", db.toString(), "--json", "words");
        assertEquals(1, lines(current).size(), "one hit per message, the current version's");
        assertEquals(4, lines(current).get(0).get("version").asInt());
    }

    @Test
    void aDeletedMessageIsFoundByItsTextAndMarked() throws Exception {
        Path db = indexed();
        CliRun run = CliRun.run(Map.of(), "search", "--db", db.toString(), "bulk", "two");
        assertEquals(0, run.exitCode, run.err);
        assertEquals(String.join("\n",
                "Follow guild #general message " + FollowArchive.BULK_2 + " (deleted 2026-12-07 10:34:00)",
                "[2026-12-07 10:33:00] <Sanqui#3248> bulk two [deleted 2026-12-07 10:34:00]", ""), run.out);
    }

    @Test
    void editedWithoutAQueryListsTheEditedMessage() throws Exception {
        Path db = indexed();
        CliRun run = CliRun.run(Map.of(), "search", "--db", db.toString(), "--edited", "--json");
        assertEquals(0, run.exitCode, run.err);
        List<JsonNode> hits = lines(run);
        assertEquals(1, hits.size(), run.out);
        assertEquals("fourth words", hits.get(0).get("content").asText());
        assertTrue(hits.get(0).get("deleted").isNull());
    }
}

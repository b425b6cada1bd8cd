package dev.discard.export;

import static dev.discard.export.ChatExportFixture.files;
import static dev.discard.export.ChatExportFixture.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code discard export csv} through the CLI: DiscordChatExporter's CSV, read back as a spreadsheet would. */
class ExportCsvTest {
    @TempDir static Path root;
    static ChatExportFixture fixture;

    @BeforeAll
    static void export() throws Exception {
        fixture = ChatExportFixture.build(root);
        assertEquals(0, fixture.csvRun.exitCode, fixture.csvRun.toString());
    }

    @Test
    void everyFileReadsBackAsTheSameRowsAsTheJson() throws Exception {
        List<Path> csvs = files(fixture.csv, "csv");
        List<Path> jsons = files(fixture.json, "json");
        assertEquals(jsons.size(), csvs.size());
        int rows = 0;
        for (int f = 0; f < csvs.size(); f++) {
            List<List<String>> table = parse(Files.readString(csvs.get(f), StandardCharsets.UTF_8));
            assertEquals(List.of("AuthorID", "Author", "Date", "Content", "Attachments", "Reactions"), table.get(0));
            JsonNode messages = read(jsons.get(f)).path("messages");
            assertEquals(messages.size(), table.size() - 1, csvs.get(f).toString());
            for (int i = 0; i < messages.size(); i++) {
                JsonNode m = messages.get(i);
                List<String> row = table.get(i + 1);
                assertEquals(6, row.size());
                assertEquals(m.path("author").path("id").asText(), row.get(0));
                String discriminator = m.path("author").path("discriminator").asText();
                assertEquals(m.path("author").path("name").asText() + (discriminator.equals("0000") ? ""
                        : "#" + discriminator), row.get(1));
                assertTrue(row.get(2).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}\\+00:00"), row.get(2));
                assertEquals(Instant.parse(m.path("timestamp").asText().replace("+00:00", "Z")),
                        OffsetDateTime.parse(row.get(2)).toInstant());
                assertEquals(m.path("content").asText(), row.get(3));
                List<String> urls = new ArrayList<>();
                for (JsonNode a : m.path("attachments")) urls.add(a.path("url").asText());
                assertEquals(String.join(",", urls), row.get(4));
                List<String> reactions = new ArrayList<>();
                for (JsonNode r : m.path("reactions")) {
                    reactions.add(r.path("emoji").path("name").asText() + " (" + r.path("count").asInt() + ")");
                }
                assertEquals(String.join(",", reactions), row.get(5));
                rows++;
            }
        }
        assertEquals(fixture.site.archivedIds.size() - 1, rows, "every message once, but the deleted one");
    }

    @Test
    void quotesAndLineBreaksInContentStayInOneField() throws Exception {
        String general = Files.readString(files(fixture.csv, "csv").get(0), StandardCharsets.UTF_8);
        assertTrue(general.contains("\"quotes \"\"inside\"\", back\\slash, tab\tand\nnewline, </script> & \u2028 #2\""),
                "quoted, quotes doubled");
        assertTrue(general.startsWith("AuthorID,Author,Date,Content,Attachments,Reactions\r\n"));
    }

    @Test
    void historyAddsAColumnAndARowForEachEarlierVersion() throws Exception {
        Path out = root.resolve("csv-history");
        CliRun run = CliRun.run(Map.of(), "export", "csv", "-q", "--history", "--channel", "general", "-o",
                out.toString(), fixture.site.archive.toString());
        assertEquals(0, run.exitCode, run.toString());
        List<List<String>> table = parse(Files.readString(files(out, "csv").get(0), StandardCharsets.UTF_8));
        assertEquals("Discard", table.get(0).get(6));
        int earlier = -1;
        for (int i = 1; i < table.size(); i++) {
            if (table.get(i).get(6).equals("earlier version")) {
                assertEquals(-1, earlier, "one earlier version");
                earlier = i;
            }
        }
        assertEquals("Hello, this is message number 30.", table.get(earlier).get(3));
        assertEquals(ExportedSite.EDITED_CONTENT, table.get(earlier + 1).get(3), "the message follows it");
        assertEquals("", table.get(earlier + 1).get(6));
        assertEquals(260 + 1, table.size() - 1, "260 messages (one deleted) and one earlier version");
        long deleted = table.stream().filter(row -> row.get(6).equals("deleted")).count();
        assertEquals(1, deleted, "the deleted message, marked");
    }

    /** RFC 4180: fields separated by commas, quoted fields may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        if (!row.isEmpty() || field.length() > 0) throw new AssertionError("the last row has no CRLF");
        return rows;
    }
}

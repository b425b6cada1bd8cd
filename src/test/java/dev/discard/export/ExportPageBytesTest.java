package dev.discard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.format.Json;
import dev.discard.index.Index;
import dev.discard.index.IndexIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages are bounded by bytes as well as by count: long messages close a page before the page size. The search index
 * fed while the pages are written holds every message once and links each to its page, also when a channel's pages
 * are planned again halfway.
 */
class ExportPageBytesTest {
    private static final Pattern ANCHOR = Pattern.compile("<article class=\"[^\"]*\" id=\"([0-9]+)\">");
    private static final Pattern POSITION = Pattern.compile("page ([0-9]+) of ([0-9]+)");
    private static final String CHANNEL = "900000000000000001";

    @TempDir Path root;

    @Test
    void aThousandMessagesOfTwoThousandCharactersSplitUnderAMegabyte() throws Exception {
        List<Path> pages = export("The quick brown fox jumps over the lazy dog, again and again. ");
        assertTrue(pages.size() >= 3, "2 MB of text needs at least three pages, got " + pages.size());
    }

    @Test
    void contentThatRendersLargerThanItsJsonStillSplitsUnderAMegabyte() throws Exception {
        // Every & becomes &amp; (five bytes from one): the estimate from JSON sizes is beaten, the measure is not.
        List<Path> pages = export("&&&&&&&&&&");
        assertTrue(pages.size() >= 10, "10 MB of HTML needs at least ten pages, got " + pages.size());
    }

    private List<Path> export(String unit) throws Exception {
        Path db = root.resolve("index.sqlite");
        String content = unit.repeat(2000 / unit.length() + 1).substring(0, 2000);
        List<String> ids = new ArrayList<>();
        try (Index index = Index.create(db)) {
            try (PreparedStatement s = index.connection().prepareStatement("INSERT INTO messages (rowid_, id,"
                    + " channel_id, author_id, type, timestamp, content, pinned, json) VALUES (?, ?, ?, ?, 0, ?, ?, 0,"
                    + " ?)")) {
                for (int i = 0; i < 1000; i++) {
                    long id = 1_000_000_000_000_000_000L + i;
                    String timestamp = Instant.parse("2021-02-01T00:00:00Z").plusSeconds(3600L * i).toString();
                    s.setLong(1, IndexIds.rowid(id));
                    s.setString(2, IndexIds.of(id));
                    s.setString(3, IndexIds.of(CHANNEL));
                    s.setString(4, IndexIds.of("700000000000000001"));
                    s.setString(5, timestamp);
                    s.setString(6, content);
                    s.setString(7, "{\"id\":\"" + id + "\",\"type\":0,\"content\":\"" + content + "\",\"author\":"
                            + "{\"id\":\"700000000000000001\",\"username\":\"writer\"},\"timestamp\":\""
                            + timestamp + "\"}");
                    s.addBatch();
                    ids.add(Long.toString(id));
                }
                s.executeBatch();
            }
            new HtmlExport(index.connection(), index::resolve, 1000, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                    true)
                    .write(root.resolve("site"), channel -> {});
        }
        Path folder = root.resolve("site/direct-messages").resolve(CHANNEL);
        List<Path> pages;
        try (Stream<Path> files = Files.list(folder)) {
            pages = files.filter(p -> p.getFileName().toString().matches("[0-9]+\\.html")).sorted().toList();
        }
        List<String> anchors = new ArrayList<>();
        Map<String, Integer> pageOf = new HashMap<>();
        for (int n = 1; n <= pages.size(); n++) {
            Path page = folder.resolve(n + ".html");
            assertTrue(Files.size(page) < ChannelExporter.PAGE_LIMIT, page + " is " + Files.size(page) + " bytes");
            String html = Files.readString(page);
            Matcher position = POSITION.matcher(html);
            assertTrue(position.find(), page.toString());
            assertEquals(n + " of " + pages.size(), position.group(1) + " of " + position.group(2));
            Matcher m = ANCHOR.matcher(html);
            while (m.find()) {
                anchors.add(m.group(1));
                pageOf.put(m.group(1), n);
            }
        }
        assertEquals(ids, anchors, "every message once, in order, on the pages planned");
        assertSearchLinksEachMessageToItsPage(ids, pageOf, pages.size());
        return pages;
    }

    /** The search index's documents are the messages in order, each once; its page list finds each one's page. */
    private void assertSearchLinksEachMessageToItsPage(List<String> ids, Map<String, Integer> pageOf, int pages)
            throws Exception {
        Path search = root.resolve("site").resolve(SearchIndexWriter.FOLDER);
        JsonNode index = script(search.resolve("index.js"), "DiscardSearch.index(");
        assertEquals(ids.size(), index.get("docs").asInt());
        assertEquals(pages, index.get("channels").get(0).get(3).asInt(), "the channel's pages");
        List<String> documents = new ArrayList<>();
        for (int file = 0; file * SearchIndexWriter.DOCS < ids.size(); file++) {
            for (JsonNode doc : script(search.resolve("d/" + file + ".js"), "DiscardSearch.docs(" + file + ",")) {
                documents.add(doc.get(0).asText());
                assertEquals(0, doc.get(1).asInt(), "the channel");
            }
        }
        assertEquals(ids, documents, "every message once, in order");
        List<String> firsts = new ArrayList<>();
        for (JsonNode id : script(search.resolve("p/0.js"), "DiscardSearch.pages(0,")) firsts.add(id.asText());
        assertEquals(pages - 1, firsts.size(), "the first ids of pages 2 to " + pages);
        for (String id : ids) {
            int page = 1;
            for (String first : firsts) if (Long.parseLong(first) <= Long.parseLong(id)) page++;
            assertEquals(pageOf.get(id), page, "the page of " + id);
        }
    }

    /** The JSON a script of the search index passes to its call. */
    private static JsonNode script(Path file, String call) throws Exception {
        String text = Files.readString(file);
        assertTrue(text.startsWith(call) && text.endsWith(");\n"), file + ": " + text.substring(0, 40));
        return Json.newMapper().readTree(text.substring(call.length(), text.length() - 3));
    }
}

package dev.discard.export;

import static dev.discard.export.ChatExportFixture.files;
import static dev.discard.export.ChatExportFixture.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.testing.CliRun;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code discard export json} through the CLI: DiscordChatExporter's JSON of the fake guild. */
class ExportJsonTest {
    /** The golden file: the head of #general and of the thread, and the messages of GOLDEN_MESSAGES. */
    private static final String GOLDEN = "dce-general.golden.json";
    /** Positions in #general of the messages the golden file holds: one of each kind the format has fields for. */
    private static final List<Integer> GOLDEN_MESSAGES = List.of(3, 11, 12, 13, 16, 17, 23, 24, 26, 40, 50, 51,
            52);

    @TempDir static Path root;
    static ChatExportFixture fixture;

    @BeforeAll
    static void export() throws Exception {
        fixture = ChatExportFixture.build(root);
        assertEquals(0, fixture.jsonRun.exitCode, fixture.jsonRun.toString());
        assertEquals(0, fixture.historyRun.exitCode, fixture.historyRun.toString());
    }

    @Test
    void everyArchivedMessageIsInExactlyOneFile() throws Exception {
        List<String> ids = new ArrayList<>();
        for (Path file : files(fixture.json, "json")) {
            JsonNode export = read(file);
            assertEquals(export.path("messages").size(), export.path("messageCount").asInt(), file.toString());
            for (JsonNode m : export.path("messages")) ids.add(m.path("id").asText());
        }
        assertEquals(ids.size(), new HashSet<>(ids).size(), "each message once");
        Set<String> kept = new HashSet<>(fixture.site.archivedIds);
        kept.remove(fixture.site.deletedId);
        assertEquals(kept, new HashSet<>(ids), "every message but the deleted one");
        assertTrue(fixture.jsonRun.out.startsWith("Exported " + ids.size() + " messages in 4 json files and "),
                fixture.jsonRun.out);
    }

    @Test
    void everyObjectHasTheFormatsKeysInOrderWithTheirTypes() throws Exception {
        for (Path file : files(fixture.json, "json")) DceSchema.check("root", read(file), file.getFileName().toString());
    }

    @Test
    void theGeneralChannelMatchesTheGoldenFile() throws Exception {
        JsonNode expected;
        try (InputStream in = ExportJsonTest.class.getResourceAsStream(GOLDEN)) {
            expected = new ObjectMapper().readTree(in);
        }
        List<Path> files = files(fixture.json, "json");
        ObjectNode actual = new ObjectMapper().createObjectNode();
        actual.set("general", goldenPart(read(files.get(0)), GOLDEN_MESSAGES));
        actual.set("thread", goldenPart(read(files.get(1)), List.of()));
        assertSameJson(expected, actual, "");
    }

    @Test
    void filesSortAsTheGuildsChannelList() throws Exception {
        List<String> names = new ArrayList<>();
        for (Path file : files(fixture.json, "json")) names.add(fixture.json.relativize(file).toString());
        assertEquals(List.of(
                "Discard Test Server ✨ [800000000000000001]/0001 Text Channels - general [810000000000000002].json",
                "Discard Test Server ✨ [800000000000000001]/0002 general - a _b_thread__b_ [" + fixture.site.threadId
                        + "].json",
                "Discard Test Server ✨ [800000000000000001]/0003 Text Channels - announcements [810000000000000003].json",
                "Discard Test Server ✨ [800000000000000001]/0004 Text Channels - reopened [810000000000000006].json"),
                names);
    }

    @Test
    void mediaLinksAreRelativeToTheFileAndLandOnTheArchivedFiles() throws Exception {
        Path general = files(fixture.json, "json").get(0);
        JsonNode export = read(general);
        List<String> local = new ArrayList<>();
        local.add(export.path("guild").path("iconUrl").asText());
        for (JsonNode m : export.path("messages")) {
            for (JsonNode a : m.path("attachments")) local.add(a.path("url").asText());
            for (JsonNode s : m.path("stickers")) local.add(s.path("sourceUrl").asText());
            local.add(m.path("author").path("avatarUrl").asText());
            for (JsonNode r : m.path("reactions")) local.add(r.path("emoji").path("imageUrl").asText());
        }
        Set<String> files = new HashSet<>();
        for (String url : local) {
            if (url.startsWith("https://")) continue;
            assertTrue(url.matches("\\.\\./media/[0-9a-f]{64}\\.(png|gif|txt)"), url);
            assertTrue(Files.isRegularFile(general.getParent().resolve(url)), url);
            files.add(url);
        }
        assertEquals(6, files.size(), "guild icon, avatar, two attachments, sticker, custom emoji: " + files);
    }

    @Test
    void originalUrlsLeaveMediaWhereDiscordServedThem() throws Exception {
        JsonNode export = read(files(fixture.history, "json").get(0));
        assertTrue(export.path("guild").path("iconUrl").asText().startsWith("https://cdn.discordapp.com/icons/"));
        assertFalse(Files.exists(fixture.history.resolve("media")));
    }

    @Test
    void earlierVersionsAreLeftOutUnlessAskedForAndThenMarkedInAKeyOfTheirOwn() throws Exception {
        JsonNode plain = message(read(files(fixture.json, "json").get(0)), fixture.site.editedId);
        assertEquals(ExportedSite.EDITED_CONTENT, plain.path("content").asText());
        assertFalse(plain.has("discard"));
        JsonNode export = read(files(fixture.history, "json").get(0));
        DceSchema.check("root", stripHistory(export.deepCopy()), "with --history, without its key");
        JsonNode edited = message(export, fixture.site.editedId);
        assertEquals(ExportedSite.EDITED_CONTENT, edited.path("content").asText(), "the newest version is the message");
        assertEquals("2021-02-02T09:00:00+00:00", edited.path("timestampEdited").asText());
        JsonNode history = edited.path("discard");
        assertTrue(history.path("deleted").isNull());
        assertEquals(1, history.path("earlierVersions").size());
        assertEquals("Hello, this is message number 30.",
                history.path("earlierVersions").path(0).path("content").asText());
        Iterator<String> keys = edited.fieldNames();
        String last = null;
        while (keys.hasNext()) last = keys.next();
        assertEquals("discard", last, "after every key of the format");
        assertEquals(export.path("messages").size(), export.path("messageCount").asInt(), "each message once still");
    }

    @Test
    void deletedMessagesAreLeftOutUnlessAskedForAndThenMarked() throws Exception {
        List<String> ids = new ArrayList<>();
        JsonNode deleted = null;
        for (Path file : files(fixture.history, "json")) {
            for (JsonNode m : read(file).path("messages")) {
                ids.add(m.path("id").asText());
                if (m.path("id").asText().equals(fixture.site.deletedId)) deleted = m;
                else assertTrue(m.path("discard").path("deleted").isNull(), m.path("id").asText());
            }
        }
        assertEquals(ids.size(), new HashSet<>(ids).size(), "each message once");
        assertEquals(fixture.site.archivedIds, new HashSet<>(ids), "every archived message, the deleted one too");
        JsonNode how = deleted.path("discard").path("deleted");
        assertEquals("between_runs", how.path("how").asText());
        assertTrue(how.path("at").asText().matches("\\d{4}-.*\\+00:00"), how.toString());
        assertTrue(how.path("lastSeen").asText().matches("\\d{4}-.*\\+00:00"), how.toString());
        assertEquals("Hello, this is message number 60.", deleted.path("content").asText(), "as archived");
    }

    @Test
    void channelAndDatesSelectTheMessages() throws Exception {
        Path out = root.resolve("selected");
        CliRun run = CliRun.run(Map.of(), "export", "json", "-q", "--original-urls", "--channel", "general",
                "--after", "2021-02-01T14:00:00", "--before", "2021-02-01T15:00:00", "-o", out.toString(),
                fixture.site.archive.toString());
        assertEquals(0, run.exitCode, run.toString());
        List<Path> files = files(out, "json");
        assertEquals(1, files.size());
        JsonNode export = read(files.get(0));
        assertEquals("2021-02-01T14:00:00+00:00", export.path("dateRange").path("after").asText());
        assertEquals("2021-02-01T15:00:00+00:00", export.path("dateRange").path("before").asText());
        List<String> times = new ArrayList<>();
        for (JsonNode m : export.path("messages")) times.add(m.path("timestamp").asText().substring(11, 16));
        assertEquals(List.of("14:00", "14:10", "14:20", "14:30", "14:40", "14:50"), times);
    }

    @Test
    void anUnknownChannelIsAUsageError() throws Exception {
        CliRun run = CliRun.run(Map.of(), "export", "json", "--channel", "nowhere", "-o",
                root.resolve("none").toString(), fixture.site.archive.toString());
        assertEquals(2, run.exitCode, run.toString());
        assertEquals("discard: no channel nowhere with messages in the index: give a channel or thread id or name\n",
                run.err);
    }

    @Test
    void anOutputFolderOfOtherFilesIsRefused() throws Exception {
        Path other = root.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("thesis.txt"), "mine");
        CliRun run = CliRun.run(Map.of(), "export", "json", "-o", other.toString(), fixture.site.archive.toString());
        assertEquals(2, run.exitCode);
        assertEquals("discard: " + other + " holds other files: give a new folder, an empty one or a previous export"
                + " json\n", run.err);
        assertEquals("mine", Files.readString(other.resolve("thesis.txt")));
    }

    @Test
    void aSecondExportReplacesTheFirstAndDropsChannelsNoLongerSelected() throws Exception {
        Path out = root.resolve("again");
        String archive = fixture.site.archive.toString();
        assertEquals(0, CliRun.run(Map.of(), "export", "json", "-q", "-o", out.toString(), archive).exitCode);
        CliRun again = CliRun.run(Map.of(), "export", "json", "-q", "--channel", "announcements", "-o",
                out.toString(), archive);
        assertEquals(0, again.exitCode, again.toString());
        List<Path> files = files(out, "json");
        assertEquals(1, files.size(), files.toString());
        assertTrue(files.get(0).getFileName().toString().contains("announcements"));
    }

    /** The head of an export with the given messages (by position), exportedAt and media hashes made stable. */
    static ObjectNode goldenPart(JsonNode export, List<Integer> positions) {
        ObjectNode part = (ObjectNode) export.deepCopy();
        assertTrue(part.path("exportedAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,7})?"
                + "\\+00:00"), part.path("exportedAt").asText());
        part.put("exportedAt", "(the time of the export)");
        ArrayNode messages = part.putArray("messages");
        for (int i : positions) messages.add(export.path("messages").get(i));
        part.put("messageCount", export.path("messageCount").asInt());
        return (ObjectNode) stableMedia(part);
    }

    private static JsonNode stableMedia(JsonNode node) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            return mapper.readTree(mapper.writeValueAsString(node).replaceAll("media/[0-9a-f]{64}", "media/SHA256"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode message(JsonNode export, String id) {
        for (JsonNode m : export.path("messages")) if (m.path("id").asText().equals(id)) return m;
        throw new AssertionError("no message " + id);
    }

    private static JsonNode stripHistory(JsonNode export) {
        for (JsonNode m : export.path("messages")) ((ObjectNode) m).remove("discard");
        return export;
    }

    /** Equal values, and objects with their keys in the same order. */
    static void assertSameJson(JsonNode expected, JsonNode actual, String where) {
        if (expected.isObject() && actual.isObject()) {
            List<String> e = new ArrayList<>();
            List<String> a = new ArrayList<>();
            expected.fieldNames().forEachRemaining(e::add);
            actual.fieldNames().forEachRemaining(a::add);
            assertEquals(e, a, "keys of " + where);
            for (String key : e) assertSameJson(expected.get(key), actual.get(key), where + "." + key);
        } else if (expected.isArray() && actual.isArray()) {
            assertEquals(expected.size(), actual.size(), "length of " + where);
            for (int i = 0; i < expected.size(); i++) assertSameJson(expected.get(i), actual.get(i), where + "[" + i + "]");
        } else {
            assertEquals(expected, actual, where);
        }
    }
}

package dev.discard.cli;

import static dev.discard.fake.Fixtures.GENERAL;
import static dev.discard.fake.Fixtures.GENERAL_MESSAGES;
import static dev.discard.fake.Fixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class ChannelCommandTest extends FakeDiscordTest {
    @Test
    void archivesEveryMessageOnceOldestFirst() throws Exception {
        CliRun run = run("channel", Long.toString(GENERAL));
        assertEquals(0, run.exitCode, run.toString());
        Path runDir = ArchiveFiles.onlyRun(out);
        assertEquals("20261121T100000_channel_full", runDir.getFileName().toString());
        Path log = runDir.resolve(Fixtures.GUILD_ID + "/" + GENERAL + ".jsonl");
        List<String> ids = ArchiveFiles.messageIds(log);
        assertEquals(GENERAL_MESSAGES, ids.size());
        assertEquals(GENERAL_MESSAGES, new HashSet<>(ids).size());
        List<String> expected = discord.standardIds(GENERAL);
        assertEquals(expected, ids);

        JsonNode meta = ArchiveFiles.meta(runDir.resolve(Fixtures.GUILD_ID + "/" + GENERAL + ".meta.json"));
        assertEquals(GENERAL_MESSAGES, meta.path("summary").path("num_messages").asInt());
        assertEquals(expected.get(0), meta.path("summary").path("oldest_message").path("id").asText());
        assertEquals(expected.get(expected.size() - 1), meta.path("summary").path("newest_message").path("id").asText());
        assertEquals("general", meta.path("channel").path("name").asText());
        assertEquals("text", meta.path("channel").path("type").asText());
        assertTrue(meta.path("channel").path("id").isIntegralNumber(), "ids are numbers in meta files");
        assertTrue(meta.path("completed").asBoolean());
        assertTrue(run.out.contains("Archived 260 messages from 1 channel"), run.out);
    }

    @Test
    void pagesWithLimitAndAfterAndRecordsEveryPageVerbatim() throws Exception {
        run("channel", Long.toString(GENERAL));
        List<RecordedRequest> pages = discord.requests().stream()
                .filter(r -> r.getRequestUrl().encodedPath().endsWith("/channels/" + GENERAL + "/messages")).toList();
        // 260 messages: pages of 100, 100 and 60; Discord's short page is the last, no empty page after it.
        assertEquals(3, pages.size());
        assertEquals("100", pages.get(0).getRequestUrl().queryParameter("limit"));
        assertEquals("0", pages.get(0).getRequestUrl().queryParameter("after"));
        Path log = ArchiveFiles.onlyRun(out).resolve(Fixtures.GUILD_ID + "/" + GENERAL + ".jsonl");
        List<JsonNode> records = ArchiveFiles.records(log);
        JsonNode first = records.get(0);
        assertEquals("http", first.get("type").asText());
        assertTrue(first.path("request").path("url").asText().endsWith("/api/v10/channels/" + GENERAL));
        JsonNode page = records.stream().filter(r -> r.path("request").path("url").asText().endsWith("/messages"))
                .findFirst().orElseThrow();
        assertEquals(100, page.path("request").path("params").path("limit").asInt());
        assertTrue(page.path("request").path("params").path("after").isNumber(), "params keep numbers as numbers");
        assertEquals(200, page.path("response").path("status").asInt());
        assertTrue(page.path("response").path("headers").has("x-ratelimit-bucket"));
        assertFalse(page.path("response").path("headers").has("authorization"));
        // Discord's newest-first page is recorded as sent, not reordered.
        JsonNode data = page.path("response").path("data");
        assertTrue(Long.parseLong(data.get(0).get("id").asText()) > Long.parseLong(data.get(1).get("id").asText()));
    }

    @Test
    void fetchesEveryReactionUserIncludingCustomAndBurst() throws Exception {
        run("channel", Long.toString(GENERAL));
        List<RecordedRequest> reactions = discord.requests().stream()
                .filter(r -> r.getRequestUrl().encodedPath().contains("/reactions/")).toList();
        List<RecordedRequest> thumbs = reactions.stream()
                .filter(r -> r.getRequestUrl().pathSegments().get(7).equals("👍")).toList();
        assertEquals(2, thumbs.size(), "150 users: a page of 100 and a page of 50");
        assertEquals("100", thumbs.get(0).getRequestUrl().queryParameter("limit"));
        assertEquals(thumbs.get(1).getRequestUrl().queryParameter("after"),
                Long.toString(710000000000000000L + 100 * 7L));
        assertTrue(reactions.stream().anyMatch(r -> r.getRequestUrl().encodedPath()
                .endsWith("/reactions/blobcat%3A" + Fixtures.CUSTOM_EMOJI)), "custom emoji as name:id, encoded");
        assertTrue(reactions.stream().anyMatch(r -> "1".equals(r.getRequestUrl().queryParameter("type"))),
                "burst reactions fetched with type=1");
        JsonNode runMeta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve("run.meta.json"));
        assertEquals(150 + 3 + 2 + 1, runMeta.path("summary").path("num_reaction_users").asInt());
    }

    @Test
    void rangeKeepsOnlyMessagesBetweenAfterAndBefore() throws Exception {
        // #general: one message every 10 minutes from 2021-02-01T12:00Z; 12:00 to 14:00 on the next day.
        CliRun run = run("channel", Long.toString(GENERAL), "--after", "2021-02-02T12:00:00",
                "--before", "2021-02-02T14:00:00");
        assertEquals(0, run.exitCode, run.toString());
        Path runDir = ArchiveFiles.onlyRun(out);
        assertEquals("20261121T100000_channel", runDir.getFileName().toString(), "no _full with a range");
        JsonNode meta = ArchiveFiles.meta(runDir.resolve(Fixtures.GUILD_ID + "/" + GENERAL + ".meta.json"));
        // Message i is at 12:00 + 10 min * i (+ i ms): i = 144 (12:00:00.144 on day two) to i = 155 (13:50).
        assertEquals(12, meta.path("summary").path("num_messages").asInt());
        assertEquals("2021-02-02T12:00:00.144000+00:00",
                meta.path("summary").path("oldest_message").path("timestamp").asText());
        assertEquals("2021-02-02T13:50:00.155000+00:00",
                meta.path("summary").path("newest_message").path("timestamp").asText());
        JsonNode runMeta = ArchiveFiles.meta(runDir.resolve("run.meta.json"));
        assertEquals("2021-02-02T12:00:00+00:00", runMeta.path("settings").path("after").asText());
        assertEquals("2021-02-02T14:00:00+00:00", runMeta.path("settings").path("before").asText());
        RecordedRequest firstPage = discord.requests().stream()
                .filter(r -> r.getRequestUrl().encodedPath().endsWith("/messages")).findFirst().orElseThrow();
        long afterId = (java.time.Instant.parse("2021-02-02T12:00:00Z").toEpochMilli() - 1420070400000L) << 22;
        assertEquals(Long.toString(afterId), firstPage.getRequestUrl().queryParameter("after"));
    }

    @Test
    void oldestFirstPagesOfCompatibleServersGiveTheSameArchive() throws Exception {
        discord.oldestFirst();
        CliRun run = run("channel", Long.toString(GENERAL));
        assertEquals(0, run.exitCode, run.toString());
        Path log = ArchiveFiles.onlyRun(out).resolve(Fixtures.GUILD_ID + "/" + GENERAL + ".jsonl");
        assertEquals(discord.standardIds(GENERAL), ArchiveFiles.messageIds(log));
    }

    @Test
    void gzipWritesCompleteGzipLogsWithTheSameRecords() throws Exception {
        CliRun run = run("--gzip", "channel", Long.toString(GENERAL));
        assertEquals(0, run.exitCode, run.toString());
        Path runDir = ArchiveFiles.onlyRun(out);
        Path log = runDir.resolve(Fixtures.GUILD_ID + "/" + GENERAL + ".jsonl.gz");
        assertTrue(Files.exists(log));
        assertTrue(Files.exists(runDir.resolve("run.jsonl.gz")));
        assertFalse(Files.exists(runDir.resolve(Fixtures.GUILD_ID + "/" + GENERAL + ".jsonl")));
        // GZIPInputStream fails on a missing trailer: reading to the end proves the stream was finished.
        assertEquals(discord.standardIds(GENERAL), ArchiveFiles.messageIds(log));
        assertTrue(ArchiveFiles.meta(runDir.resolve("run.meta.json")).path("settings").path("gzip").asBoolean());
    }

    @Test
    void channelWithoutGuildGoesUnderAtMe() throws Exception {
        discord.channel(null, 830000000000000001L, 1, null, null);
        CliRun run = run("channel", "830000000000000001");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(Files.exists(ArchiveFiles.onlyRun(out).resolve("@me/830000000000000001.jsonl")));
    }
}

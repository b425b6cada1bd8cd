package dev.discard.cli;

import static dev.discard.fake.Fixtures.GENERAL;
import static dev.discard.fake.Fixtures.GUILD_ID;
import static dev.discard.fake.Fixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import dev.discard.archive.Mode;
import dev.discard.archive.RunFailedException;
import dev.discard.discord.ConnectionConfig;
import dev.discard.fake.FakeCdn;
import dev.discard.media.MediaArchiver;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.Interruptions;
import dev.discard.testing.OriginalDiscard;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code channel}/{@code guild --media}: content-addressed media in the run, and the media.jsonl manifest. */
class MediaArchiveRunTest {
    static final byte[] RED = FakeCdn.png(8, Color.RED);
    static final byte[] BLUE = FakeCdn.jpeg(8, Color.BLUE);
    static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'};

    @TempDir Path out;
    FakeDiscord discord;
    FakeCdn cdn;

    @BeforeEach
    void start() throws Exception {
        discord = Fixtures.standard().start();
        cdn = new FakeCdn().start();
    }

    @AfterEach
    void stop() throws Exception {
        assertEquals(List.of(), cdn.credentialed(), "the CDN never sees the token");
        discord.close();
        cdn.close();
    }

    @Test
    void guildRunStoresEveryMediaOnceByContentWithAManifest() throws Exception {
        discordGuild().put("icon", "a_1269e74af4df7417b13759eae50c83dc");
        cdn.put("/icons/" + GUILD_ID + "/a_1269e74af4df7417b13759eae50c83dc.gif", FakeCdn.gif(8, Color.PINK),
                "image/gif");
        cdn.put("/emojis/" + Fixtures.CUSTOM_EMOJI + ".png", FakeCdn.png(4, Color.YELLOW), "image/png");
        discordGuild().withArray("stickers").addObject().put("id", "830000000000000009").put("name", "wave")
                .put("format_type", 3);
        cdn.put("/stickers/830000000000000009.json", "{\"v\":\"5.5.7\"}".getBytes(), "application/json");
        ObjectNode owner = (ObjectNode) message(3).get("author");
        owner.put("avatar", "f00dfeed");
        cdn.put("/avatars/" + Fixtures.OWNER_ID + "/f00dfeed.png", FakeCdn.png(4, Color.CYAN), "image/png");

        String signed = FakeCdn.signed(cdn.put("/attachments/" + GENERAL + "/1/chart.png", RED, "image/png"),
                "7fffffff");
        attach(3, 1, "chart.png", signed, "image/png");
        attach(4, 2, "report.pdf", cdn.put("/attachments/" + GENERAL + "/2/report.pdf", "%PDF".getBytes(),
                "application/pdf"), "application/pdf");
        String sameBytes = cdn.put("/attachments/" + GENERAL + "/3/chart-again.png", RED, "image/png");
        attach(5, 3, "chart-again.png", sameBytes, "image/png");
        ObjectNode gifv = Fixtures.embed(discord, "gifv", null, null, cdn.put("/ext/cat.png", BLUE, "image/jpeg"),
                cdn.url("/resizing/cat.png"));
        gifv.putObject("video").put("url", cdn.put("/ext/cat.mp4", MP4, "video/mp4"))
                .put("proxy_url", cdn.url("/resizing/cat.mp4"));
        message(6).withArray("embeds").add(gifv);
        ObjectNode youtube = Fixtures.embed(discord, "video", null, null, null, null);
        youtube.putObject("video").put("url", cdn.url("/embed/player"));
        message(7).withArray("embeds").add(youtube);

        CliRun run = archive("guild", Long.toString(GUILD_ID));

        assertEquals(0, run.exitCode, run.toString());
        Path runDir = ArchiveFiles.onlyRun(out);
        List<JsonNode> manifest = ArchiveFiles.records(runDir.resolve("media.jsonl"));
        JsonNode chart = find(manifest, "attachment", "/1/chart.png");
        assertEquals(cdn.url("/attachments/" + GENERAL + "/1/chart.png"), chart.get("url").asText(),
                "the URL without ex, is and hm");
        assertEquals(Long.toString(messageId(3)), chart.get("message_id").asText());
        assertEquals(Long.toString(GENERAL), chart.get("channel_id").asText());
        assertEquals("downloaded", chart.get("status").asText());
        assertEquals(sha256(RED), chart.get("sha256").asText());
        assertEquals(RED.length, chart.get("size").asInt());
        String file = "../media/" + sha256(RED).substring(0, 2) + "/" + sha256(RED) + ".png";
        assertEquals(file, chart.get("file").asText(), "the store of the output directory, outside the run");
        assertArrayEquals(RED, Files.readAllBytes(runDir.resolve(file)));
        assertTrue(Files.exists(out.resolve("media/" + sha256(RED).substring(0, 2) + "/" + sha256(RED) + ".png")));
        assertFalse(Files.exists(runDir.resolve("media")), "no folder but guild folders inside a run");
        assertFalse(OriginalDiscard.readRun(runDir).isEmpty(), "the original reader reads the run");
        assertEquals(1, OriginalDiscard.summary(out).size(), "and the original summary counts it");

        JsonNode again = find(manifest, "attachment", "/3/chart-again.png");
        assertEquals("duplicate", again.get("status").asText(), "equal content is stored once");
        assertEquals(file, again.get("file").asText());

        assertEquals("pdf", extension(find(manifest, "attachment", "/2/report.pdf")), "attachments of any type");
        assertEquals("gif", extension(find(manifest, "guild_icon", "/icons/")));
        assertEquals(GUILD_ID, find(manifest, "guild_icon", "/icons/").get("guild_id").asLong());
        assertTrue(find(manifest, "guild_icon", "/icons/").get("url").asText().endsWith(".gif?size=4096"));
        assertEquals("png", extension(find(manifest, "emoji", "/emojis/")));
        assertEquals("json", extension(find(manifest, "sticker", "/stickers/")));
        assertEquals("png", extension(find(manifest, "avatar", "/avatars/")));
        assertEquals("mp4", extension(find(manifest, "embed_video", "/ext/cat.mp4")));
        assertEquals("png", extension(find(manifest, "embed_thumbnail", "/ext/cat.png")));
        assertFalse(manifest.stream().anyMatch(l -> l.get("url").asText().contains("/embed/player")),
                "a video without proxy_url is a player page, not a file");
        assertFalse(cdn.paths().stream().anyMatch(p -> p.startsWith("/resizing/")), "originals, not proxy_url");
        assertEquals(1, cdn.paths().stream().filter(p -> p.startsWith("/avatars/")).count(),
                "the author's avatar once, whatever the number of messages");
        assertEquals(manifest.size(), manifest.stream().map(l -> l.get("url").asText()).distinct().count());

        JsonNode meta = ArchiveFiles.meta(runDir.resolve("run.meta.json"));
        assertTrue(meta.path("settings").path("media").asBoolean());
        assertEquals(manifest.size() - 1, meta.path("summary").path("num_media_files").asInt());
        assertEquals(1, meta.path("summary").path("num_media_duplicates").asInt());
        assertEquals(0, meta.path("summary").path("num_media_failed").asInt());
        for (Path f : ArchiveFiles.allFiles(runDir)) assertFalse(ArchiveFiles.text(f).contains(TOKEN), f.toString());
    }

    @Test
    void aLaterRunOfTheSameOutputDirectoryStoresNoBytesTwice() throws Exception {
        attach(3, 1, "chart.png", cdn.put("/attachments/" + GENERAL + "/1/chart.png", RED, "image/png"),
                "image/png");
        assertEquals(0, archive("channel", Long.toString(GENERAL)).exitCode);
        CliRun second = archive("channel", Long.toString(GENERAL));
        assertEquals(0, second.exitCode, second.toString());
        List<Path> runs;
        try (java.util.stream.Stream<Path> dirs = Files.list(out)) {
            runs = dirs.filter(d -> Files.exists(d.resolve("run.meta.json"))).sorted().toList();
        }
        assertEquals(2, runs.size());
        Path later = runs.stream().filter(d -> d.getFileName().toString().endsWith("_abcde")).findFirst().orElseThrow();
        JsonNode chart = find(ArchiveFiles.records(later.resolve("media.jsonl")), "attachment", "/1/chart.png");
        assertEquals("duplicate", chart.get("status").asText(), "stored by the earlier run");
        assertArrayEquals(RED, Files.readAllBytes(later.resolve(chart.get("file").asText())));
        assertEquals(0, ArchiveFiles.meta(later.resolve("run.meta.json")).path("summary").path("num_media_files")
                .asInt());
        try (java.util.stream.Stream<Path> stored = Files.walk(out.resolve("media"))) {
            assertEquals(1, stored.filter(Files::isRegularFile).count(), "the chart, once");
        }
    }

    @Test
    void expiredAttachmentUrlsAreRenewedAndTheRefetchIsRecorded() throws Exception {
        String url = cdn.put("/attachments/" + GENERAL + "/1/old.png", RED, "image/png");
        attach(3, 1, "old.png", FakeCdn.signed(url, "60000000"), "image/png");
        cdn.expire("60000000");
        discord.refetch(m -> {
            ((ObjectNode) m.withArray("attachments").get(0)).put("url", FakeCdn.signed(url, "7fffffff"));
            return m;
        });

        CliRun run = archive("channel", Long.toString(GENERAL));

        assertEquals(0, run.exitCode, run.toString());
        Path runDir = ArchiveFiles.onlyRun(out);
        JsonNode line = find(ArchiveFiles.records(runDir.resolve("media.jsonl")), "attachment", "/old.png");
        assertEquals("downloaded", line.get("status").asText());
        assertTrue(line.get("refreshed").asBoolean());
        List<JsonNode> log = ArchiveFiles.records(runDir.resolve(GUILD_ID + "/" + GENERAL + ".jsonl"));
        assertTrue(log.stream().anyMatch(r -> r.path("request").path("url").asText()
                .endsWith("/channels/" + GENERAL + "/messages/" + messageId(3))), "the refetch is evidence too");
    }

    @Test
    void aFailedDownloadIsAManifestLineAndAWarningNotAFailedRun() throws Exception {
        attach(3, 1, "gone.png", cdn.url("/attachments/" + GENERAL + "/1/gone.png"), "image/png");
        CliRun run = archive("channel", Long.toString(GENERAL));
        assertEquals(0, run.exitCode, run.toString());
        Path runDir = ArchiveFiles.onlyRun(out);
        assertEquals("1 media file could not be downloaded; media.jsonl says which and why", ArchiveFiles.meta(
                runDir.resolve("run.meta.json")).path("run").path("warnings").get(0).asText(), "also on stderr");
        JsonNode line = find(ArchiveFiles.records(runDir.resolve("media.jsonl")), "attachment", "/gone.png");
        assertEquals("failed", line.get("status").asText());
        assertEquals(404, line.get("http_status").asInt());
        assertTrue(line.get("file").isNull());
        assertEquals(1, ArchiveFiles.meta(runDir.resolve("run.meta.json")).path("summary").path("num_media_failed")
                .asInt());
    }

    @Test
    void mediaTheServerFailsOrThatCannotBeReachedAreManifestLinesNotAFailedRun() throws Exception {
        String failing = cdn.put("/attachments/" + GENERAL + "/1/busy.png", RED, "image/png");
        cdn.script("/attachments/" + GENERAL + "/1/busy.png", 50, new okhttp3.mockwebserver.MockResponse()
                .setResponseCode(503));
        attach(3, 1, "busy.png", failing, "image/png");
        // Port 1 on the loopback interface: nothing listens there, every attempt is refused.
        attach(4, 2, "nowhere.png", "http://127.0.0.1:1/attachments/" + GENERAL + "/2/nowhere.png", "image/png");
        attach(5, 3, "again.png", "http://127.0.0.1:1/attachments/" + GENERAL + "/3/again.png", "image/png");
        CliRun run = archive("channel", Long.toString(GENERAL));
        assertEquals(0, run.exitCode, run.toString());
        Path runDir = ArchiveFiles.onlyRun(out);
        List<JsonNode> manifest = ArchiveFiles.records(runDir.resolve("media.jsonl"));
        JsonNode busy = find(manifest, "attachment", "/busy.png");
        assertEquals("failed", busy.get("status").asText());
        assertEquals(503, busy.get("http_status").asInt());
        JsonNode nowhere = find(manifest, "attachment", "/nowhere.png");
        assertEquals("failed", nowhere.get("status").asText());
        assertTrue(nowhere.get("http_status").isNull(), nowhere.toString());
        assertTrue(nowhere.get("error").asText().contains("ConnectException"), nowhere.toString());
        // The same dead host is not waited for again.
        JsonNode again = find(manifest, "attachment", "/again.png");
        assertEquals("failed", again.get("status").asText());
        assertTrue(again.get("error").asText().contains("127.0.0.1 could not be reached earlier in this run"),
                again.toString());
        JsonNode meta = ArchiveFiles.meta(runDir.resolve("run.meta.json"));
        assertEquals(3, meta.path("summary").path("num_media_failed").asInt(), manifest.toString());
        assertTrue(meta.path("run").path("completed").asBoolean());
        assertFalse(meta.path("run").path("errors").asBoolean());
        assertTrue(meta.path("run").path("warnings").toString().contains("3 media files could not be downloaded"),
                meta.toString());
    }

    @Test
    void cdnUrlNamesTheCdnOfImagesBuiltFromIds() throws Exception {
        discordGuild().put("icon", "1269e74af4df7417b13759eae50c83dc");
        cdn.put("/icons/" + GUILD_ID + "/1269e74af4df7417b13759eae50c83dc.png", RED, "image/png");
        cdn.put("/emojis/" + Fixtures.CUSTOM_EMOJI + ".png", BLUE, "image/jpeg");
        // The run's own default is Discord's CDN: only the option points it at the fake one.
        CliRun run = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), CliRun.fixedRuns(), "--api-url", discord.apiUrl(),
                "-o", out.toString(), "--no-gateway", "--media", "--cdn-url", cdn.root().toString(), "guild",
                Long.toString(GUILD_ID));
        assertEquals(0, run.exitCode, run.toString());
        List<JsonNode> manifest = ArchiveFiles.records(ArchiveFiles.onlyRun(out).resolve("media.jsonl"));
        JsonNode icon = find(manifest, "guild_icon", "/icons/" + GUILD_ID + "/");
        assertEquals("downloaded", icon.get("status").asText(), icon.toString());
        assertTrue(icon.get("url").asText().startsWith(cdn.root().toString()), icon.toString());
        assertEquals("downloaded", find(manifest, "emoji", "/emojis/").get("status").asText());
        assertTrue(cdn.paths().stream().anyMatch(p -> p.startsWith("/icons/" + GUILD_ID + "/")), cdn.paths().toString());

        CliRun bad = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), CliRun.fixedRuns(), "--api-url", discord.apiUrl(),
                "-o", out.resolve("bad").toString(), "--media", "--cdn-url", "cdn.example", "guild",
                Long.toString(GUILD_ID));
        assertEquals(ExitCode.USAGE, bad.exitCode, bad.toString());
        assertTrue(bad.err.contains("--cdn-url: expected an http(s) URL but was cdn.example"), bad.err);
    }

    @Test
    void aResumedRunFetchesFromTheCdnTheInterruptedRunWasGiven() throws Exception {
        cdn.put("/emojis/" + Fixtures.CUSTOM_EMOJI + ".png", BLUE, "image/jpeg");
        ArchiveSettings settings = ArchiveSettings.builder(Mode.GUILD, TOKEN, out).ids(List.of(GUILD_ID))
                .apiUrl(discord.apiUrl()).cdnUrl(cdn.root().toString()).noGateway(true).media(true).concurrency(1)
                .build();
        Throwable failure = Interruptions.interruptAt(discord, ArchiveRun.builder(settings)
                .connection(ConnectionConfig.defaults().withRetry(CliRun.FAST_RETRY)).build(),
                "/channels/" + Fixtures.REOPENED + "/messages?", 1, "SIGTERM");
        assertTrue(failure instanceof RunFailedException, String.valueOf(failure));
        Path runDir = ArchiveFiles.onlyRun(out);
        JsonNode interrupted = ArchiveFiles.meta(runDir.resolve("run.meta.json"));
        assertEquals(cdn.root().toString(), interrupted.path("settings").path("cdn_url").asText());
        long stored = interrupted.path("summary").path("num_media_files").asLong();
        assertTrue(stored >= 1, interrupted.toString());

        // As a hard kill may leave it: the manifest's last line cut short.
        Files.writeString(runDir.resolve("media.jsonl"), "{\"url\":\"https://cut.sho", StandardOpenOption.APPEND);

        // No --cdn-url this time: the run's own is used again, not Discord's.
        CliRun resumed = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), "--resume", runDir.toString());

        assertEquals(0, resumed.exitCode, resumed.toString());
        List<JsonNode> emojis = ArchiveFiles.records(runDir.resolve("media.jsonl")).stream()
                .filter(line -> line.path("kind").asText().equals("emoji")).toList();
        assertTrue(emojis.size() >= 2, "the emoji in both sessions: " + emojis);
        assertFalse(Files.readString(runDir.resolve("media.jsonl")).contains("cut.sho"), "the cut line is dropped");
        JsonNode summary = ArchiveFiles.meta(runDir.resolve("run.meta.json")).path("summary");
        assertEquals(stored, summary.path("num_media_files").asLong(), "the files stored before the stop still count");
        assertTrue(summary.path("num_media_duplicates").asLong() >= 1, summary.toString());
        for (JsonNode emoji : emojis) {
            assertTrue(emoji.path("url").asText().startsWith(cdn.root().toString()), emoji.toString());
            assertFalse(emoji.path("status").asText().equals("failed"), emoji.toString());
        }
    }

    @Test
    void withoutMediaNothingIsDownloadedAndTheMetaFileIsUnchanged() throws Exception {
        attach(3, 1, "chart.png", cdn.put("/attachments/" + GENERAL + "/1/chart.png", RED, "image/png"),
                "image/png");
        CliRun run = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), runs(), "--api-url", discord.apiUrl(), "-o",
                out.toString(), "--no-gateway", "channel", Long.toString(GENERAL));
        assertEquals(0, run.exitCode, run.toString());
        Path runDir = ArchiveFiles.onlyRun(out);
        assertFalse(Files.exists(runDir.resolve("media")));
        assertFalse(Files.exists(runDir.resolve("media.jsonl")));
        JsonNode meta = ArchiveFiles.meta(runDir.resolve("run.meta.json"));
        assertNull(meta.path("settings").get("media"));
        assertNull(meta.path("summary").get("num_media_files"));
        assertEquals(List.of(), cdn.requests());
    }

    // --- helpers

    CliRun archive(String... args) {
        return archive(dev.discard.format.OutputFiles.DISK, args);
    }

    CliRun archive(dev.discard.format.OutputFiles disk, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--api-url", discord.apiUrl(), "-o", out.toString(),
                "--no-gateway", "--media", "--cdn-url", cdn.root().toString()));
        all.addAll(List.of(args));
        return CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), runs(disk), all.toArray(String[]::new));
    }

    java.util.function.Function<dev.discard.archive.ArchiveSettings, ArchiveRun> runs() {
        return runs(dev.discard.format.OutputFiles.DISK);
    }

    java.util.function.Function<dev.discard.archive.ArchiveSettings, ArchiveRun> runs(
            dev.discard.format.OutputFiles disk) {
        Clock clock = Clock.fixed(CliRun.START, ZoneOffset.UTC);
        return settings -> ArchiveRun.builder(settings).connection(CliRun.fastConnection(clock))
                .ident(() -> CliRun.IDENT).outputFiles(disk)
                .build();
    }

    ObjectNode discordGuild() {
        return discord.guild(GUILD_ID).json();
    }

    long messageId(int i) {
        return discord.channel(GENERAL).messageIds().get(i);
    }

    @Test
    void aDiskFullForTheManifestIsOneLineWithTheResumeCommandAndTheResumedRunCompletesIt() throws Exception {
        for (int i = 1; i <= 4; i++) {
            attach(2 + i, i, "file" + i + ".png", cdn.put("/attachments/" + GENERAL + "/" + i + "/file" + i + ".png",
                    FakeCdn.png(4 + i, Color.RED), "image/png"), "image/png");
        }
        CliRun full = archive(new dev.discard.testing.FillingDisk(500, p -> p.endsWith(MediaArchiver.MANIFEST)),
                "channel", Long.toString(GENERAL));
        assertEquals(ExitCode.FAILED, full.exitCode, full.toString());
        Path runDir = ArchiveFiles.onlyRun(out);
        Path manifest = runDir.resolve(MediaArchiver.MANIFEST);
        assertEquals("discard: cannot write " + manifest + ": " + dev.discard.testing.FillingDisk.FULL + "; once it can"
                + " be written (free some space), continue with: discard --resume " + runDir + "\n", full.err);
        String written = Files.readString(manifest);
        assertFalse(written.isEmpty(), "the line that fitted is kept");
        assertTrue(written.endsWith("\n"), "no half line is left: " + written);

        CliRun resumed = archive("--resume", runDir.toString());
        assertEquals(0, resumed.exitCode, resumed.toString());
        List<JsonNode> lines = ArchiveFiles.records(manifest);
        for (int i = 1; i <= 4; i++) find(lines, "attachment", "/" + i + "/file" + i + ".png");
        CliRun verify = CliRun.run(Map.of(), "verify", out.toString());
        assertEquals(0, verify.exitCode, verify.toString());
    }

    ObjectNode message(int i) {
        return discord.channel(GENERAL).message(messageId(i));
    }

    void attach(int i, long id, String name, String url, String type) {
        message(i).withArray("attachments").add(Fixtures.attachment(discord, id, name, url,
                url.replace("/attachments/", "/resizing/"), type, 1));
    }

    static JsonNode find(List<JsonNode> manifest, String kind, String urlPart) {
        return manifest.stream().filter(l -> l.get("kind").asText().equals(kind)
                && HttpUrl.get(l.get("url").asText()).encodedPath().contains(urlPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + urlPart + " in " + manifest));
    }

    static String extension(JsonNode line) {
        String file = line.get("file").asText();
        return file.substring(file.lastIndexOf('.') + 1);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

package dev.discard.cli;

import static dev.discard.fake.Fixtures.GENERAL;
import static dev.discard.fake.Fixtures.GUILD_ID;
import static dev.discard.fake.Fixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.fake.FakeCdn;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import java.awt.Color;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code discard media} against the fake Discord and a fake CDN serving real image bytes. #general has a message every
 * 10 minutes from 2021-02-01T12:00Z (message i at 12:00 + 10 min × i + i ms).
 */
class MediaCommandTest {
    static final Clock FEB_3 = Clock.fixed(Instant.parse("2021-02-03T12:00:00.500Z"), ZoneOffset.UTC);
    static final byte[] RED = FakeCdn.png(8, Color.RED);
    static final byte[] BLUE = FakeCdn.jpeg(8, Color.BLUE);
    static final byte[] GREEN = FakeCdn.gif(8, Color.GREEN);
    static final byte[] WEBP = FakeCdn.webp();

    @TempDir Path temp;
    FakeDiscord discord;
    FakeCdn cdn;
    Path images;
    long nextAttachment = 900000000000000001L;

    @BeforeEach
    void start() throws Exception {
        discord = Fixtures.standard().start();
        cdn = new FakeCdn().start();
        images = temp.resolve("images");
    }

    @AfterEach
    void stop() throws Exception {
        assertEquals(List.of(), cdn.credentialed(), "the CDN and linked hosts never see the token");
        discord.close();
        cdn.close();
    }

    @Test
    void downloadsEveryImageOfTheWindowAtFullResolutionWithDatedNames() throws Exception {
        attach(3, "chart.png", RED, "image/png");
        attach(3, "notes.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "application/pdf");
        String original = cdn.put("/external/original/photo.jpg", BLUE, "image/jpeg");
        String thumb = cdn.put("/external/original/thumb.gif", GREEN, "image/gif");
        message(4).withArray("embeds").add(Fixtures.embed(discord, "rich", original,
                cdn.url("/resizing/photo.jpg") + "?width=400&height=300", thumb, cdn.url("/resizing/thumb.gif")));
        String link = cdn.put("/pics/sticker.webp", WEBP, "image/webp");
        message(5).put("content", "look at this (" + link + "), and <https://example.invalid/page>");
        attach(2, "too-early.png", RED, "image/png");
        attach(6, "too-late.png", RED, "image/png");

        CliRun run = media("--after", "2021-02-01T12:30:00", "--before", "2021-02-01T13:00:00", GENERAL_ID);

        assertEquals(0, run.exitCode, run.toString());
        assertEquals(List.of("2021-02-01_12-30-00_chart.png", "2021-02-01_12-40-00_photo.jpg",
                "2021-02-01_12-40-00_thumb.gif", "2021-02-01_12-50-00_sticker.webp"), files(images));
        assertArrayEquals(RED, Files.readAllBytes(images.resolve("2021-02-01_12-30-00_chart.png")));
        assertArrayEquals(BLUE, Files.readAllBytes(images.resolve("2021-02-01_12-40-00_photo.jpg")));
        assertArrayEquals(WEBP, Files.readAllBytes(images.resolve("2021-02-01_12-50-00_sticker.webp")));
        assertFalse(cdn.paths().stream().anyMatch(p -> p.startsWith("/resizing/")), "never the resizing proxy_url");
        assertTrue(run.out.contains("Downloaded 4 images (" + MediaProgress.bytes(RED.length + BLUE.length
                + GREEN.length + WEBP.length) + "), skipped 0 already there, 0 errors"), run.out);
        assertTrue(run.out.contains("From 3 messages of #general, into " + images), run.out);
        assertEquals("", run.err);
    }

    @Test
    void windowKeepsWholeSecondsAndDaysCountBackFromNow() throws Exception {
        // Now is 2021-02-03T12:00:00.5; --days 1 starts at 2021-02-02T12:00:00, the second of message 144.
        attach(143, "before.png", RED, "image/png");
        attach(144, "first.png", RED, "image/png");
        attach(259, "last.png", BLUE, "image/jpeg");
        CliRun run = media("--days", "1", GENERAL_ID);
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(List.of("2021-02-02_12-00-00_first.png", "2021-02-03_07-10-00_last.png"), files(images));

        CliRun latest = mediaInto(temp.resolve("edge"), "--after", "2021-02-02T11:50:00", "--before",
                "2021-02-02T12:00:00", GENERAL_ID);
        assertEquals(0, latest.exitCode, latest.toString());
        assertEquals(List.of("2021-02-02_11-50-00_before.png"), files(temp.resolve("edge")),
                "--after's own second is in, --before's is out");
    }

    @Test
    void sameNameInTheSameSecondIsNumberedAndARerunSkipsWhatItHas() throws Exception {
        attach(3, "image.png", RED, "image/png");
        attach(3, "IMAGE.png", BLUE, "image/png");
        ObjectNode sameSecond = addMessage(Instant.parse("2021-02-01T12:30:00.900Z"));
        attach(sameSecond, "image.png", GREEN, "image/png");
        attach(sameSecond, "image_2.png", WEBP, "image/png");

        CliRun first = media("--after", "2021-02-01T12:30:00", "--before", "2021-02-01T12:31:00", GENERAL_ID);
        assertEquals(0, first.exitCode, first.toString());
        assertEquals(List.of("2021-02-01_12-30-00_IMAGE_2.png", "2021-02-01_12-30-00_image.png",
                "2021-02-01_12-30-00_image_2_2.png", "2021-02-01_12-30-00_image_3.png"), files(images));
        assertArrayEquals(GREEN, Files.readAllBytes(images.resolve("2021-02-01_12-30-00_image_3.png")));
        assertArrayEquals(WEBP, Files.readAllBytes(images.resolve("2021-02-01_12-30-00_image_2_2.png")));

        int downloads = cdn.requests().size();
        CliRun again = media("--after", "2021-02-01T12:30:00", "--before", "2021-02-01T12:31:00", GENERAL_ID);
        assertEquals(0, again.exitCode, again.toString());
        assertEquals(downloads, cdn.requests().size(), "nothing fetched twice");
        assertTrue(again.out.contains("Downloaded 0 images (0 B), skipped 4 already there, 0 errors"), again.out);
    }

    @Test
    void retriesAfterServerErrorsAndReportsWhatStillFailsWithoutStopping() throws Exception {
        String flaky = attach(3, "flaky.png", RED, "image/png");
        String broken = attach(4, "broken.png", BLUE, "image/png");
        attach(5, "fine.png", GREEN, "image/png");
        cdn.script(HttpUrl.get(flaky).encodedPath(), 2, new MockResponse().setResponseCode(500));
        cdn.script(HttpUrl.get(broken).encodedPath(), 4, new MockResponse().setResponseCode(503));

        CliRun run = media("--after", "2021-02-01T12:30:00", "--before", "2021-02-01T13:00:00", GENERAL_ID);

        assertEquals(ExitCode.PARTIAL, run.exitCode, run.toString());
        assertEquals(List.of("2021-02-01_12-30-00_flaky.png", "2021-02-01_12-50-00_fine.png"), files(images));
        assertEquals("discard: message " + messageId(4) + ": " + broken + ": HTTP 503 Server Error\n", run.err);
        assertEquals(4, cdn.paths().stream().filter(p -> p.startsWith("/attachments/") && p.endsWith("/broken.png"))
                .count(), "1 + 3 retries");
        assertTrue(run.out.contains("Downloaded 2 images"), run.out);
        assertTrue(run.out.contains("1 error"), run.out);
    }

    @Test
    void anInterruptedDownloadNeverLeavesAHalfFile() throws Exception {
        String cut = attach(3, "cut.png", FakeCdn.png(256, Color.ORANGE), "image/png");
        cdn.script(HttpUrl.get(cut).encodedPath(), 4, new MockResponse().setHeader("Content-Type", "image/png")
                .setBody(new okio.Buffer().write(FakeCdn.png(256, Color.ORANGE)))
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        CliRun run = media("--after", "2021-02-01T12:30:00", "--before", "2021-02-01T12:31:00", GENERAL_ID);
        assertEquals(ExitCode.PARTIAL, run.exitCode, run.toString());
        assertEquals(List.of(), files(images), "no file under the final name, no temporary file left");
    }

    @Test
    void anExpiredSignedUrlIsRenewedByFetchingTheMessageAgain() throws Exception {
        String url = attach(3, "old.png", RED, "image/png");
        ObjectNode attachment = (ObjectNode) message(3).withArray("attachments").get(0);
        attachment.put("url", FakeCdn.signed(url, "60000000"));
        cdn.expire("60000000");
        discord.refetch(m -> {
            ((ObjectNode) m.withArray("attachments").get(0)).put("url", FakeCdn.signed(url, "7fffffff"));
            return m;
        });

        CliRun run = media("--after", "2021-02-01T12:30:00", "--before", "2021-02-01T12:31:00", GENERAL_ID);

        assertEquals(0, run.exitCode, run.toString());
        assertArrayEquals(RED, Files.readAllBytes(images.resolve("2021-02-01_12-30-00_old.png")));
        assertTrue(discord.paths().contains("/api/v10/channels/" + GENERAL + "/messages/" + messageId(3)));
        assertEquals(List.of("60000000", "7fffffff"), cdn.requests().stream()
                .map(r -> r.getRequestUrl().queryParameter("ex")).toList());
    }

    @Test
    void hostileFileNamesStayInsideTheOutputFolder() throws Exception {
        String longName = "ž".repeat(200) + ".png";
        List<String> hostile = List.of("../../escape.png", "..\\..\\escape2.png", "/etc/passwd.png", "CON.png",
                "nul", "a\u0000b\u202ec\u0007.png", ".hidden.png", "what?<>:|*.png", longName);
        for (String name : hostile) attach(3, name, RED, "image/png");

        CliRun run = media("--after", "2021-02-01T12:30:00", "--before", "2021-02-01T12:31:00", GENERAL_ID);

        assertEquals(0, run.exitCode, run.toString());
        List<String> names = files(images);
        assertEquals(hostile.size(), names.size(), names.toString());
        try (Stream<Path> all = Files.walk(temp)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().contains("escape")
                    && !p.getParent().equals(images)).toList());
        }
        for (String name : names) {
            assertTrue(name.startsWith("2021-02-01_12-30-00_"), name);
            assertFalse(name.contains("..") || name.contains("/") || name.contains("\\"), name);
            assertTrue(name.chars().noneMatch(c -> c < 0x20 || c == 0x202e), name);
            assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, name);
        }
        assertTrue(names.contains("2021-02-01_12-30-00__CON.png"), names.toString());
        assertTrue(names.contains("2021-02-01_12-30-00_hidden.png"), names.toString());
        assertTrue(names.contains("2021-02-01_12-30-00_abc.png"), names.toString());
        assertTrue(names.contains("2021-02-01_12-30-00_what______.png"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("2021-02-01_12-30-00_žž") && n.endsWith("ž.png")),
                "a long name is cut and keeps its extension");
    }

    @Test
    void linkedHostsGetNoTokenAndNoFileNameHoldsIt() throws Exception {
        try (FakeCdn elsewhere = new FakeCdn().start()) {
            String link = elsewhere.put("/u/" + TOKEN + ".png", RED, "image/png");
            message(3).put("content", "see " + link);
            attach(4, "plain.png", BLUE, "image/png");
            CliRun run = media("--after", "2021-02-01T12:30:00", "--before", "2021-02-01T12:41:00", GENERAL_ID);
            assertEquals(0, run.exitCode, run.toString());
            assertEquals(List.of(), elsewhere.credentialed());
            assertEquals(1, elsewhere.requests().size());
            assertEquals(List.of("2021-02-01_12-30-00_[SCRUBBED].png", "2021-02-01_12-40-00_plain.png"),
                    files(images));
            assertFalse(run.out.contains(TOKEN) || run.err.contains(TOKEN));
        }
    }

    @Test
    void asksForWhatIsMissingOnATerminalAsDiscordPicExtractDoes() throws Exception {
        attach(3, "chart.png", RED, "image/png");
        Path work = Files.createDirectories(temp.resolve("work"));
        String answers = TOKEN + "\n#general\nDiscard Test Server ✨\nsoon\n2\n\n";
        Terminal terminal = new Terminal(new StringReader(answers), true, false, work, 80);
        CliRun run = CliRun.run(Map.of(), terminal, FEB_3, CliRun.fixedRuns(), "--api-url", discord.apiUrl(),
                "media");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("Enter your Discord token: Enter channel ID or name: Enter guild/server name: "
                + "Enter number of days to look back (default: 14): Please enter a whole number of days, 1 or more.\n"
                + "Enter number of days to look back (default: 14): "
                + "Enter output directory (press Enter for default: general): "), run.out);
        assertEquals(List.of("2021-02-01_12-30-00_chart.png"), files(work.resolve("general")));
        assertTrue(discord.paths().contains("/api/v10/users/@me/guilds"), "the guild is found by name");
    }

    @Test
    void withoutATerminalNothingIsAskedAndAMissingValueIsOneUsageLine() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        CliRun noToken = CliRun.run(Map.of(), Terminal.none(work), FEB_3, CliRun.fixedRuns(), "media", GENERAL_ID);
        assertEquals(ExitCode.USAGE, noToken.exitCode);
        assertEquals("discard: no token: pass -t, set DISCORD_TOKEN, or put DISCORD_TOKEN=... in .env\n", noToken.err);
        assertEquals("", noToken.out);

        CliRun noChannel = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), Terminal.none(work), FEB_3,
                CliRun.fixedRuns(), "media");
        assertEquals(ExitCode.USAGE, noChannel.exitCode);
        assertEquals("discard: no channel: give a channel id, or --guild and a channel name\n", noChannel.err);

        CliRun nameOnly = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), Terminal.none(work), FEB_3,
                CliRun.fixedRuns(), "media", "general");
        assertEquals(ExitCode.USAGE, nameOnly.exitCode);
        assertEquals("discard: 'general' is a channel name: pass --guild too, or the channel id\n", nameOnly.err);
        assertEquals(List.of(), discord.requests(), "nothing was sent");
    }

    @Test
    void readsTheTokenFromDotEnvInTheWorkingDirectory() throws Exception {
        attach(3, "chart.png", RED, "image/png");
        Path work = Files.createDirectories(temp.resolve("work"));
        Files.writeString(work.resolve(".env"), "# DiscordPicExtract's file\nDISCORD_TOKEN=\"" + TOKEN + "\"\n");
        CliRun run = CliRun.run(Map.of(), Terminal.none(work), FEB_3, CliRun.fixedRuns(), "--api-url",
                discord.apiUrl(), "media", "--guild", Long.toString(GUILD_ID), "general", "--after", "2021-02-01");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(List.of("2021-02-01_12-30-00_chart.png"), files(work.resolve("general")), "default: channel name");
    }

    @Test
    void dotEnvUserTokenOfDiscordPicExtractLogsInAsAUser() throws Exception {
        try (FakeDiscord users = Fixtures.standard(TOKEN, true).start()) {
            ObjectNode m = users.channel(GENERAL).message(users.channel(GENERAL).messageIds().get(3));
            String url = cdn.put("/attachments/u/chart.png", RED, "image/png");
            m.withArray("attachments").add(Fixtures.attachment(users, 1, "chart.png", url, url, "image/png", 1));
            Path work = Files.createDirectories(temp.resolve("work"));
            Files.writeString(work.resolve(".env"), "DISCORD_USER_TOKEN=" + TOKEN + "\n");
            CliRun run = CliRun.run(Map.of(), Terminal.none(work), FEB_3, CliRun.fixedRuns(), "--api-url",
                    users.apiUrl(), "media", GENERAL_ID, "--after", "2021-02-01", "-o", "pics");
            assertEquals(0, run.exitCode, run.toString());
            assertEquals(List.of("2021-02-01_12-30-00_chart.png"), files(work.resolve("pics")));
            assertEquals(TOKEN, users.requests().get(0).getHeader("Authorization"), "a bare user token");
        }
    }

    @Test
    void fromArchiveTakesTheMessagesFromTheRunAndAsksDiscordForNothing() throws Exception {
        Path runDir = archiveTwoImages();
        int requests = discord.requests().size();

        CliRun run = CliRun.run(Map.of(), Terminal.none(temp), FEB_3, CliRun.fixedRuns(), "media",
                "--from-archive", runDir.toString());

        assertEquals(0, run.exitCode, run.toString());
        assertEquals(requests, discord.requests().size(), "no request to Discord");
        assertEquals(List.of("2021-02-01_12-30-00_chart.png", "2021-02-02_21-20-00_later.png"),
                files(temp.resolve("general")), "the whole archive, into the channel's name");
    }

    @Test
    void fromArchiveReadsEveryPartOfAResumedLogEachMessageOnce() throws Exception {
        Path runDir = archiveTwoImages();
        // As a resume leaves it: the log in two parts, the second repeating the first's last page.
        Path first = runDir.resolve(Fixtures.GUILD_ID + "/" + GENERAL_ID + ".jsonl.gz");
        List<String> lines = ArchiveFiles.lines(first);
        int split = lines.size() / 2;
        writeGzip(first, lines.subList(0, split + 1));
        writeGzip(first.resolveSibling(GENERAL_ID + ".2.jsonl.gz"), lines.subList(split, lines.size()));

        CliRun run = CliRun.run(Map.of(), Terminal.none(temp), FEB_3, CliRun.fixedRuns(), "media",
                "--from-archive", runDir.toString());

        assertEquals(0, run.exitCode, run.toString());
        assertEquals(List.of("2021-02-01_12-30-00_chart.png", "2021-02-02_21-20-00_later.png"),
                files(temp.resolve("general")), "both parts, and no _2 copy from the repeated page");
    }

    @Test
    void fromArchiveRenewsExpiredLinksThroughTheApiTheRunRecorded() throws Exception {
        Path runDir = archiveExpiredImage();
        int refetches = refetchesOf(3);

        // No --api-url: the run's settings.api_url (the fake) is where the expired link is renewed.
        CliRun run = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), Terminal.none(temp), FEB_3, CliRun.fixedRuns(),
                "media", "--from-archive", runDir.toString());

        assertEquals(0, run.exitCode, run.toString());
        assertArrayEquals(RED, Files.readAllBytes(temp.resolve("general").resolve("2021-02-01_12-30-00_old.png")));
        assertEquals(refetches + 1, refetchesOf(3), "the message was fetched again from the recorded API");
    }

    @Test
    void fromArchiveSaysSoWhenTheApiThatRenewsLinksCannotBeReached() throws Exception {
        Path runDir = archiveExpiredImage();

        CliRun run = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), Terminal.none(temp), FEB_3, CliRun.fixedRuns(),
                "--api-url", "http://127.0.0.1:1/api/v10", "media", "--from-archive", runDir.toString());

        assertEquals(ExitCode.PARTIAL, run.exitCode, run.toString());
        assertTrue(run.err.contains("signed URL expired, and the API at http://127.0.0.1:1/api/v10 that renews it"
                + " cannot be reached"), run.toString());
        assertFalse(run.toString().contains("the message is gone"), run.toString());
    }

    /** An archive of #general whose one image link has expired by the time media reads it. */
    private Path archiveExpiredImage() throws Exception {
        String url = attach(3, "old.png", RED, "image/png");
        ((ObjectNode) message(3).withArray("attachments").get(0)).put("url", FakeCdn.signed(url, "60000000"));
        Path runDir = archiveRun();
        cdn.expire("60000000");
        discord.refetch(m -> {
            ((ObjectNode) m.withArray("attachments").get(0)).put("url", FakeCdn.signed(url, "7fffffff"));
            return m;
        });
        return runDir;
    }

    private int refetchesOf(int index) {
        String path = "/api/v10/channels/" + GENERAL + "/messages/" + messageId(index);
        return (int) discord.paths().stream().filter(path::equals).count();
    }

    /** A gzip archive of #general with two images attached, made by the archiver; returns its run directory. */
    private Path archiveTwoImages() throws Exception {
        attach(3, "chart.png", RED, "image/png");
        attach(200, "later.png", BLUE, "image/png");
        return archiveRun();
    }

    /** A gzip archive of #general as it is now, made by the archiver; returns its run directory. */
    private Path archiveRun() throws Exception {
        CliRun archived = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), "--api-url", discord.apiUrl(), "-o",
                temp.resolve("archive").toString(), "--gzip", "--no-gateway", "channel", GENERAL_ID);
        assertEquals(0, archived.exitCode, archived.toString());
        return ArchiveFiles.onlyRun(temp.resolve("archive"));
    }

    private static void writeGzip(Path file, List<String> lines) throws Exception {
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void aProgressBarOnlyWhenStdoutIsATerminal() throws Exception {
        attach(3, "chart.png", RED, "image/png");
        Terminal terminal = new Terminal(new StringReader(""), false, true, temp, 100);
        CliRun bar = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), terminal, FEB_3, CliRun.fixedRuns(), "--api-url",
                discord.apiUrl(), "media", "-o", images.toString(), "--after", "2021-02-01", GENERAL_ID);
        assertEquals(0, bar.exitCode, bar.toString());
        assertTrue(bar.out.contains("\rDownloading"), bar.out);

        CliRun plain = mediaInto(temp.resolve("again"), "--after", "2021-02-01", GENERAL_ID);
        assertEquals(0, plain.exitCode, plain.toString());
        assertTrue((plain.out + plain.err).chars().allMatch(c -> c >= 0x20 || c == '\n'), plain.out);
    }

    /** The widest line the bar drew: the text between carriage returns, escape sequences left out. */
    private static int widestBarLine(String out) {
        int widest = 0;
        for (String line : out.replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "").split("[\r\n]")) {
            if (line.startsWith("Downloading")) widest = Math.max(widest, line.codePointCount(0, line.length()));
        }
        return widest;
    }

    @Test
    void theBarSpansTheTerminalsWidth() throws Exception {
        attach(3, "chart.png", RED, "image/png");
        // As Terminal.system() does: the width is the terminal's, asked through the console (COLUMNS here).
        Terminal asked = new Terminal(new StringReader(""), false, true, temp, -1);
        CliRun wide = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN, "COLUMNS", "160"), asked, FEB_3, CliRun.fixedRuns(),
                "--api-url", discord.apiUrl(), "media", "-o", images.toString(), "--after", "2021-02-01", GENERAL_ID);
        assertEquals(0, wide.exitCode, wide.toString());
        assertEquals(159, widestBarLine(wide.out), wide.out);

        Terminal given = new Terminal(new StringReader(""), false, true, temp, 100);
        CliRun narrow = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN, "COLUMNS", "160"), given, FEB_3,
                CliRun.fixedRuns(), "--api-url", discord.apiUrl(), "media", "-o", temp.resolve("again").toString(),
                "--after", "2021-02-01", GENERAL_ID);
        assertEquals(0, narrow.exitCode, narrow.toString());
        assertEquals(99, widestBarLine(narrow.out), narrow.out);
    }

    @Test
    void serversThatAnswerOldestFirstGiveTheSameImages() throws Exception {
        discord.oldestFirst();
        for (int i = 100; i < 260; i += 40) attach(i, "p" + i + ".png", RED, "image/png");
        CliRun run = media("--after", "2021-02-01", GENERAL_ID);
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(4, files(images).size(), files(images).toString());
        assertTrue(run.out.contains("From 260 messages of #general"), run.out);
    }

    @Test
    void unknownChannelsAndGuildsAreOneLineAndExitOne() throws Exception {
        CliRun unknown = media("999999999999999999");
        assertEquals(ExitCode.FAILED, unknown.exitCode, unknown.toString());
        assertEquals("discard: channel 999999999999999999: 404 Unknown Channel (10003)\n", unknown.err);
        CliRun noSuchName = media("--guild", "Discard Test Server ✨", "random");
        assertEquals(ExitCode.FAILED, noSuchName.exitCode, noSuchName.toString());
        assertEquals("discard: no channel named 'random' in guild Discard Test Server ✨\n", noSuchName.err);
        CliRun refused = CliRun.run(Map.of("DISCORD_TOKEN", "wrong"), Terminal.none(temp), FEB_3,
                CliRun.fixedRuns(), "--api-url", discord.apiUrl(), "media", GENERAL_ID);
        assertEquals(ExitCode.FAILED, refused.exitCode);
        assertEquals("discard: the token was refused (401 Unauthorized): check it, and pass -U if it is a user "
                + "account's token\n", refused.err);
    }

    // --- helpers

    static final String GENERAL_ID = Long.toString(GENERAL);

    /** {@code discard --api-url <fake> media -o <images> args…} with the token in DISCORD_TOKEN, no terminal. */
    CliRun media(String... args) {
        return mediaInto(images, args);
    }

    CliRun mediaInto(Path folder, String... args) {
        List<String> all = new ArrayList<>(List.of("--api-url", discord.apiUrl(), "media", "-o", folder.toString()));
        all.addAll(List.of(args));
        return CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), Terminal.none(temp), FEB_3, CliRun.fixedRuns(),
                all.toArray(String[]::new));
    }

    long messageId(int i) {
        return discord.channel(GENERAL).messageIds().get(i);
    }

    ObjectNode message(int i) {
        return discord.channel(GENERAL).message(messageId(i));
    }

    /** Adds a message to #general at {@code time}. */
    ObjectNode addMessage(Instant time) {
        ObjectNode m = Fixtures.message(discord, GENERAL, Fixtures.snowflake(time, 4000), time, discord.self(), "");
        discord.channel(GENERAL).add(m);
        return m;
    }

    /** Serves the bytes on the CDN and attaches them to message {@code i}; returns the URL. */
    String attach(int i, String name, byte[] bytes, String type) {
        return attach(message(i), name, bytes, type);
    }

    String attach(ObjectNode message, String name, byte[] bytes, String type) {
        long id = nextAttachment++;
        HttpUrl url = cdn.root().newBuilder().addPathSegment("attachments").addPathSegment(GENERAL_ID)
                .addPathSegment(Long.toString(id)).addPathSegment(name).build();
        cdn.put(url.encodedPath(), bytes, type);
        message.withArray("attachments").add(Fixtures.attachment(discord, id, name, url.toString(),
                url.toString().replace("/attachments/", "/proxied/"), type, bytes.length));
        return url.toString();
    }

    /** The names of the files in {@code dir}, sorted; hidden temporary files included. */
    static List<String> files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import dev.discard.archive.Mode;
import dev.discard.archive.RunFailedException;
import dev.discard.fake.FakeCdn;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import dev.discard.testing.Interruptions;
import java.awt.Color;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** {@code discard export warc}: the archive as WARC/1.1 (and WACZ) that jwarc reads back record by record. */
class ExportWarcTest extends FakeDiscordTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] RED = FakeCdn.png(8, Color.RED);

    private CliRun export(String... args) {
        List<String> all = new ArrayList<>(List.of("export", "warc"));
        all.addAll(List.of(args));
        return CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), all.toArray(String[]::new));
    }

    @Test
    void aGuildRunWithFaultsGzipAndMediaIsEveryAttemptOnceWithItsBodyAsRecorded() throws Exception {
        String messages = "/channels/" + Fixtures.GENERAL + "/messages";
        discord.script(messages, 1, discord.tooManyRequests(0.01, false));
        discord.script(messages, 1, discord.error(502, 0, "Bad Gateway"));
        discord.script(messages, 1, discord.noAnswer());
        discord.script("/guilds/" + Fixtures.GUILD_ID + "/roles", 1, discord.error(500, 0, "Internal Server Error"));
        try (FakeCdn cdn = new FakeCdn().start()) {
            long first = discord.channel(Fixtures.GENERAL).messageIds().get(3);
            discord.channel(Fixtures.GENERAL).message(first).withArray("attachments").add(Fixtures.attachment(discord,
                    1, "chart.png", FakeCdn.signed(cdn.put("/attachments/" + Fixtures.GENERAL + "/1/chart.png", RED,
                            "image/png"), "7fffffff"), cdn.url("/resizing/chart.png"), "image/png", 1));
            Clock clock = Clock.fixed(CliRun.START, ZoneOffset.UTC);
            CliRun run = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), settings -> ArchiveRun.builder(settings)
                    .connection(CliRun.fastConnection(clock)).ident(() -> CliRun.IDENT)
                    .reconnectPolicy(CliRun.FAST_RECONNECT).honoursPageLimit(true).build(),
                    "--api-url", discord.apiUrl(), "--cdn-url", cdn.root().toString(), "-o", out.toString(), "--gzip",
                    "--media", "guild", Long.toString(Fixtures.GUILD_ID));
            assertEquals(0, run.exitCode, run.toString());
        }
        Path runDir = ArchiveFiles.onlyRun(out);
        Path warc = out.resolve("guild.warc.gz");

        CliRun exported = export("-o", warc.toString(), runDir.toString());

        assertEquals(0, exported.exitCode, exported.toString());
        assertEquals("", exported.err);
        List<WarcFiles.Read> records = WarcFiles.read(warc);
        assertEquals("warcinfo", records.get(0).type());
        String info = new String(records.get(0).payload(), StandardCharsets.UTF_8);
        assertTrue(info.contains("software: discard/"), info);
        assertTrue(info.contains("discard-command: [\"discard\""), info);
        assertTrue(info.contains("not all that Discord sent"), info);
        WarcFiles.assertEveryAttemptOnce(records, List.of(runDir));
        List<WarcFiles.Attempt> attempts = WarcFiles.attempts(List.of(runDir));
        assertTrue(attempts.stream().anyMatch(a -> a.record().path("response").path("status").asInt() == 429));
        assertTrue(attempts.stream().anyMatch(a -> a.record().path("response").path("status").asInt() == 502));
        assertTrue(attempts.stream().anyMatch(a -> a.record().path("response").path("status").asInt() == 500));
        assertTrue(attempts.stream().anyMatch(a -> !a.answered()), "the dropped connection");
        // Each attempt has one metadata record that refers to its request; the unanswered one says why.
        List<WarcFiles.Read> metadata = records.stream().filter(r -> r.type().equals("metadata")
                && new String(r.payload(), StandardCharsets.UTF_8).contains("discard-record-type: http")).toList();
        assertEquals(attempts.size(), metadata.size());
        assertTrue(metadata.stream().anyMatch(m -> new String(m.payload(), StandardCharsets.UTF_8)
                .contains("response: none: the attempt got no answer")));
        // The gateway session: one resource of JSON Lines frames, IDENTIFY's token scrubbed.
        WarcFiles.Read session = records.stream().filter(r -> r.type().equals("resource")
                && r.target().startsWith("ws")).findFirst().orElseThrow();
        assertEquals(List.of("websocket"), session.headers().get("WARC-Resource-Type"));
        List<String> frames = new String(session.payload(), StandardCharsets.UTF_8).lines().toList();
        long wsRecords = ArchiveFiles.records(runDir.resolve("run.jsonl.gz")).stream()
                .filter(r -> r.path("type").asText().equals("ws")).count();
        assertEquals(wsRecords, records.stream().filter(r -> r.type().equals("resource") && r.target().startsWith("ws"))
                .mapToLong(r -> new String(r.payload(), StandardCharsets.UTF_8).lines().count()).sum());
        JsonNode hello = MAPPER.readTree(frames.get(0));
        assertEquals("recv", hello.get("type").asText());
        assertEquals(10, MAPPER.readTree(hello.get("payloadData").asText()).get("op").asInt());
        assertTrue(frames.stream().anyMatch(f -> f.contains("\\\"op\\\":2") && f.contains("[SCRUBBED]")));
        // The media: the stored file as a resource under its URL without signature.
        WarcFiles.Read chart = records.stream().filter(r -> r.type().equals("resource")
                && r.target().endsWith("/1/chart.png")).findFirst().orElseThrow();
        assertTrue(java.util.Arrays.equals(RED, chart.payload()));
        assertFalse(chart.target().contains("ex="), chart.target());
        assertEquals(List.of("image/png"), chart.headers().get("Content-Type"));
        assertFalse(WarcFiles.text(warc).contains(Fixtures.TOKEN), "no token anywhere");
        assertTrue(exported.out.startsWith("Exported 1 run: " + attempts.size() + " HTTP attempts, " + wsRecords
                + " gateway frames, " + ArchiveFiles.records(runDir.resolve("media.jsonl")).size() + " media lines in "
                + records.size() + " WARC records: "), exported.out);
    }

    /** A gzip guild run stopped at its last channel's first page (its only one), then resumed: logs in two parts. */
    private Path resumedRun() throws Exception {
        ArchiveSettings settings = ArchiveSettings.builder(Mode.GUILD, Fixtures.TOKEN, out)
                .ids(List.of(Fixtures.GUILD_ID)).gzip(true).apiUrl(discord.apiUrl()).concurrency(1).build();
        Throwable failure = Interruptions.interruptAt(discord, ArchiveRun.builder(settings)
                .connection(CliRun.lateJitter()).build(), "/channels/" + Fixtures.REOPENED + "/messages?", 1, "SIGTERM");
        assertTrue(failure instanceof RunFailedException, String.valueOf(failure));
        Path runDir = ArchiveFiles.onlyRun(out);
        CliRun resumed = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--resume", runDir.toString());
        assertEquals(0, resumed.exitCode, resumed.toString());
        return runDir;
    }

    @Test
    void aResumedRunIsExportedPartAfterPartIntoAWaczWithItsIndexPagesAndHashes() throws Exception {
        Path runDir = resumedRun();
        Path second = runDir.resolve(Fixtures.GUILD_ID + "/" + Fixtures.REOPENED + ".2.jsonl.gz");
        assertTrue(Files.exists(second));
        Path wacz = out.resolve("run.wacz");

        CliRun exported = export("--wacz", "-o", wacz.toString(), out.toString());

        assertEquals(0, exported.exitCode, exported.toString());
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertTrue(names.containsAll(List.of("archive/run.warc.gz", "indexes/index.cdx.gz", "pages/pages.jsonl",
                    "datapackage.json", "datapackage-digest.json")), names.toString());
            assertEquals(ZipEntry.STORED, zip.getEntry("archive/run.warc.gz").getMethod());
            JsonNode datapackage = MAPPER.readTree(zip.getInputStream(zip.getEntry("datapackage.json")));
            assertEquals("1.1.1", datapackage.get("wacz_version").asText());
            assertEquals("data-package", datapackage.get("profile").asText());
            for (JsonNode resource : datapackage.get("resources")) {
                byte[] bytes = zip.getInputStream(zip.getEntry(resource.get("path").asText())).readAllBytes();
                assertEquals("sha256:" + sha256(bytes), resource.get("hash").asText(), resource.toString());
                assertEquals(bytes.length, resource.get("bytes").asLong());
            }
            byte[] packageBytes = zip.getInputStream(zip.getEntry("datapackage.json")).readAllBytes();
            JsonNode digest = MAPPER.readTree(zip.getInputStream(zip.getEntry("datapackage-digest.json")));
            assertEquals("sha256:" + sha256(packageBytes), digest.get("hash").asText());

            Path warc = out.resolve("inner.warc.gz");
            try (InputStream in = zip.getInputStream(zip.getEntry("archive/run.warc.gz"))) {
                Files.copy(in, warc);
            }
            List<WarcFiles.Read> records = WarcFiles.read(warc);
            WarcFiles.assertEveryAttemptOnce(records, List.of(runDir));
            long responses = records.stream().filter(r -> r.type().equals("response") || r.type().equals("resource"))
                    .count();

            List<String> cdxj;
            try (InputStream in = new GZIPInputStream(zip.getInputStream(zip.getEntry("indexes/index.cdx.gz")))) {
                cdxj = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
            assertEquals(responses, cdxj.size(), "one CDXJ line per response and resource");
            assertEquals(cdxj.stream().sorted().toList(), cdxj, "sorted");
            for (String line : cdxj) {
                String[] parts = line.split(" ", 3);
                assertTrue(parts[1].matches("\\d{14}"), line);
                JsonNode fields = MAPPER.readTree(parts[2]);
                assertEquals("run.warc.gz", fields.get("filename").asText(), line);
                assertTrue(fields.has("offset") && fields.has("length") && fields.has("url"), line);
            }
            List<String> pages = new String(zip.getInputStream(zip.getEntry("pages/pages.jsonl")).readAllBytes(),
                    StandardCharsets.UTF_8).lines().toList();
            assertEquals("json-pages-1.0", MAPPER.readTree(pages.get(0)).get("format").asText());
            assertTrue(pages.size() > 2, pages.toString());
            for (String page : pages.subList(1, pages.size())) {
                JsonNode p = MAPPER.readTree(page);
                assertTrue(p.has("url") && p.has("ts") && p.has("title"), page);
            }
        }
        assertTrue(exported.out.endsWith(": " + wacz + "\n"), exported.out);
    }

    @Test
    void thePythonDiscardsExampleRunConverts() throws Exception {
        Path example = Path.of("example/python-discard/20210201T174740_guild");
        Path warc = out.resolve("python.warc.gz");

        CliRun exported = export("-o", warc.toString(), example.toString());

        assertEquals(0, exported.exitCode, exported.toString());
        List<WarcFiles.Read> records = WarcFiles.read(warc);
        WarcFiles.assertEveryAttemptOnce(records, List.of(example));
        assertTrue(records.stream().filter(r -> r.type().equals("response")).allMatch(r -> r.status() == 200));
        WarcFiles.Read frames = records.stream().filter(r -> r.type().equals("resource")).findFirst().orElseThrow();
        assertEquals("wss://gateway.discord.gg", frames.target(), "the URL the run's GET /gateway answer named");
        assertEquals(List.of("2021-02-01T17:47:40.654043Z"), frames.headers().get("WARC-Date"),
                "naive local frame times are dated by the record before them");
        assertTrue(records.stream().anyMatch(r -> r.type().equals("metadata") && new String(r.payload(),
                StandardCharsets.UTF_8).contains("status: not recorded")));
    }

    @Test
    void aNoScrubRunsTokenIsScrubbedFromTheWarcAllTheSame() throws Exception {
        CliRun run = run("--no-scrub", "guild",
                Long.toString(Fixtures.GUILD_ID));
        assertEquals(0, run.exitCode, run.toString());
        Path runDir = ArchiveFiles.onlyRun(out);
        assertTrue(ArchiveFiles.text(runDir.resolve("run.jsonl")).contains(Fixtures.TOKEN), "the archive holds it");
        Path warc = out.resolve("x.warc.gz");

        CliRun exported = CliRun.run(Map.of(), "export", "warc", "-o", warc.toString(), runDir.toString());

        assertEquals(0, exported.exitCode, exported.toString());
        String text = WarcFiles.text(warc);
        assertFalse(text.contains(Fixtures.TOKEN), "no token anywhere");
        assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains("authorization:"));
        assertTrue(text.contains("\"token\":\"[SCRUBBED]\""), "settings.token");
        WarcFiles.assertEveryAttemptOnce(WarcFiles.read(warc), List.of(runDir));
    }

    @Test
    void badInputIsOneLineAndExitTwoAndNothingIsWritten() throws Exception {
        Path warc = out.resolve("a.warc.gz");
        CliRun missing = export("-o", warc.toString(), out.resolve("nowhere").toString());
        assertEquals(ExitCode.USAGE, missing.exitCode);
        assertEquals("discard: no folder " + out.resolve("nowhere") + ": give a run directory or a folder of runs"
                + " such as out/\n", missing.err.lines().findFirst().orElseThrow() + "\n");
        CliRun empty = export("-o", warc.toString(), out.toString());
        assertEquals(ExitCode.USAGE, empty.exitCode);
        assertTrue(empty.err.startsWith("discard: no run in " + out + ": a run directory holds run.meta.json"),
                empty.err);
        CliRun badName = export("-o", out.resolve("a.zip").toString(), "example");
        assertEquals(ExitCode.USAGE, badName.exitCode);
        assertTrue(badName.err.startsWith("discard: expected an output file name ending in .warc.gz but was "),
                badName.err);
        Files.writeString(warc, "mine");
        CliRun exists = export("-o", warc.toString(), "example");
        assertEquals(ExitCode.USAGE, exists.exitCode);
        assertTrue(exists.err.startsWith("discard: " + warc + " exists: give a new file name"), exists.err);
        assertEquals("mine", Files.readString(warc), "never overwritten");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(warc), files.toList(), "nothing else written");
        }
    }

    @Test
    void aDamagedLineIsReportedTheRestExportedAndExitOne() throws Exception {
        CliRun run = run("channel",
                Long.toString(Fixtures.GENERAL));
        assertEquals(0, run.exitCode, run.toString());
        damagesFiles = true;
        Path runDir = ArchiveFiles.onlyRun(out);
        Path log = runDir.resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL + ".jsonl");
        Files.writeString(log, "{\"type\":\"http\",\"request\":{\n", java.nio.file.StandardOpenOption.APPEND);
        Path warc = out.resolve("d.warc.gz");

        CliRun exported = export("-o", warc.toString(), runDir.toString());

        assertEquals(ExitCode.FAILED, exported.exitCode, exported.toString());
        assertTrue(exported.err.startsWith("discard: " + log + ":"), exported.err);
        assertEquals(1, exported.err.lines().count(), exported.err);
        WarcFiles.assertEveryAttemptOnce(WarcFiles.read(warc), List.of(runDir));
    }

    @Test
    void anExportThatFailsLeavesNothingBehind() throws Exception {
        Path example = Path.of("example");
        for (String name : List.of("full.warc.gz", "full.wacz")) {
            Path target = out.resolve(name);
            dev.discard.export.warc.WarcExport export = new dev.discard.export.warc.WarcExport(new ObjectMapper(),
                    Clock.fixed(CliRun.START, ZoneOffset.UTC), new dev.discard.testing.FillingDisk(20_000, p -> true));
            java.io.IOException failure = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> export.write(List.of(example.resolve("20261121T100000_guild_full"),
                            example.resolve("python-discard/20210201T174740_guild")), target, name.endsWith(".wacz"),
                            p -> {}));
            assertTrue(String.valueOf(failure.getMessage()).contains(dev.discard.testing.FillingDisk.FULL),
                    String.valueOf(failure));
            try (Stream<Path> files = Files.list(out)) {
                assertEquals(List.of(), files.toList(), "no half-written file, no temporary file");
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

}

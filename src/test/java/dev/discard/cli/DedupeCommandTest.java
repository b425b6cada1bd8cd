package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.dedupe.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole CLI in-process: exit code, stdout, stderr. */
class DedupeCommandTest {
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");
    /** Seconds between each kept image and its duplicate: the statistics test's values, worked out there by hand. */
    private static final int[] DIFFERENCES = {36, 59, 60, 60, 62, 75, 91, 186};

    @TempDir Path tmp;
    Path source;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Eight different images, each uploaded again a little later (same bytes), one undated image and a text file. */
    @BeforeEach
    void makeSource() throws IOException {
        source = Files.createDirectory(tmp.resolve("spx"));
        LocalDateTime start = LocalDateTime.of(2024, 1, 15, 9, 0, 0);
        for (int i = 0; i < DIFFERENCES.length; i++) {
            byte[] png = TestImages.png(TestImages.pattern(48 + i, 36, i));
            LocalDateTime kept = start.plusMinutes(10L * i);
            TestImages.write(source, kept.format(NAME_TIME) + "_s" + i + ".png", png);
            TestImages.write(source, kept.plusSeconds(DIFFERENCES[i]).format(NAME_TIME) + "_s" + i + ".png", png);
        }
        TestImages.write(source, "screenshot.png", TestImages.png(TestImages.pattern(40, 30, 9)));
        TestImages.write(source, "readme.txt", "hi".getBytes(StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new Main(o, e, Map.of()).run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsDiscordPicExtractsReport() {
        assertEquals(0, run("dedupe", "--source", source.toString()));
        assertEquals("""
                ============================================================
                Deduplication Summary:
                  Total images scanned: 17
                  Unique images copied: 9
                  Duplicates skipped: 8
                  Duplicate groups found: 8
                  Other files (not images) copied: 1
                ============================================================

                ======================================================================
                Timestamp Difference Statistics (Removed vs Kept Duplicates)
                ======================================================================
                Total pairs calculated:     8
                Mean difference:            1.3m (78.6s)
                Median difference:          1.0m (61.0s)
                Standard deviation:         43.1s
                Minimum difference:         36.0s
                Maximum difference:         3.1m (186.0s)
                25th percentile:           59.8s
                75th percentile:           1.3m (79.0s)
                90th percentile:           2.0m (119.5s)
                95th percentile:           2.5m (152.7s)
                ======================================================================

                Files with timestamp difference above 95th percentile (2.5m (152.7s)):
                Total: 1 files
                  3.1m (186.0s)  2024-01-15_10-13-06_s7.png  (kept 2024-01-15_10-10-00_s7.png)
                """, stdout());
        assertEquals("""
                discard: readme.txt: not an image (.gif .jpeg .jpg .png .webp); kept as is
                discard: screenshot.png: name does not start with YYYY-MM-DD_HH-MM-SS_; not compared, kept as unique
                """, stderr());
        assertTrue(Files.exists(tmp.resolve("spx-clean/2024-01-15_10-10-00_s7.png")));
        assertFalse(Files.exists(tmp.resolve("spx-clean/2024-01-15_10-13-06_s7.png")));
    }

    @Test
    void jsonHasTheSummaryTheStatisticsAndEveryFile() throws IOException {
        Path output = tmp.resolve("elsewhere");
        assertEquals(0, run("dedupe", "--source", source.toString(), "--output", output.toString(), "--json"));
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertEquals(source.toString(), json.get("source").asText());
        assertEquals(output.toString(), json.get("output").asText());
        assertFalse(json.get("dry_run").asBoolean());
        assertEquals(0, json.get("max_distance").asInt());
        assertEquals(17, json.at("/summary/images_scanned").asInt());
        assertEquals(9, json.at("/summary/unique_images").asInt());
        assertEquals(9, json.at("/summary/unique_images_copied").asInt());
        assertEquals(8, json.at("/summary/duplicates_skipped").asInt());
        assertEquals(8, json.at("/summary/duplicate_groups").asInt());
        assertEquals(0, json.at("/summary/already_in_output").asInt());
        assertEquals(1, json.at("/summary/other_files_copied").asInt());
        assertEquals(8, json.at("/statistics/pairs").asInt());
        assertEquals(78.625, json.at("/statistics/mean_seconds").asDouble());
        assertEquals(152.74999999999994, json.at("/statistics/p95_seconds").asDouble());
        assertEquals("2024-01-15_10-13-06_s7.png", json.at("/above_p95/0/name").asText());
        assertEquals(186, json.at("/above_p95/0/seconds").asInt());
        assertEquals(18, json.get("files").size());

        JsonNode duplicate = json.get("files").get(1);
        assertEquals("2024-01-15_09-00-36_s0.png", duplicate.get("name").asText());
        assertEquals("duplicate", duplicate.get("status").asText());
        assertEquals("2024-01-15T09:00:36", duplicate.get("timestamp").asText());
        assertEquals("2024-01-15_09-00-00_s0.png", duplicate.get("duplicate_of").asText());
        assertEquals(36, duplicate.get("seconds_after_kept").asInt());
        assertEquals(16, duplicate.get("phash").asText().length());
        assertEquals("none", duplicate.get("copy").asText());
        assertTrue(duplicate.get("problem").isNull());

        JsonNode kept = json.get("files").get(0);
        assertEquals("unique", kept.get("status").asText());
        assertEquals("2024-01-15T09:00:00", kept.get("timestamp").asText());
        assertEquals("copied", kept.get("copy").asText());
        assertTrue(kept.get("duplicate_of").isNull());
        assertTrue(kept.get("seconds_after_kept").isNull());

        JsonNode undated = json.get("files").get(17);
        assertEquals("screenshot.png", undated.get("name").asText());
        assertEquals("undated", undated.get("status").asText());
        assertTrue(undated.get("timestamp").isNull());
        assertTrue(undated.get("phash").isNull());
        assertEquals("name does not start with YYYY-MM-DD_HH-MM-SS_", undated.get("problem").asText());
    }

    @Test
    void dryRunSaysSoAndWritesNothing() {
        assertEquals(0, run("dedupe", "--source", source.toString(), "--dry-run"));
        assertTrue(stdout().startsWith("Dry run: nothing was copied to " + tmp.resolve("spx-clean")
                + "; the counts say what would be.\n====="), stdout());
        assertTrue(stdout().contains("  Unique images copied: 9\n"), stdout());
        assertFalse(Files.exists(tmp.resolve("spx-clean")));
    }

    @Test
    void existingFilesAreNamedAndCounted() throws IOException {
        Path output = Files.createDirectory(tmp.resolve("spx-clean"));
        Files.writeString(output.resolve("2024-01-15_09-00-00_s0.png"), "older copy");
        assertEquals(0, run("dedupe", "--source", source.toString()));
        assertTrue(stdout().contains("""
                  Unique images copied: 8
                  Duplicates skipped: 8
                  Duplicate groups found: 8
                  Files already in output, not overwritten: 1
                """), stdout());
        assertTrue(stderr().contains("discard: 2024-01-15_09-00-00_s0.png: already in the output, not overwritten\n"),
                stderr());
        assertEquals("older copy", Files.readString(output.resolve("2024-01-15_09-00-00_s0.png")));
    }

    @Test
    void noDuplicatesNoStatistics() throws IOException {
        Path single = Files.createDirectory(tmp.resolve("single"));
        TestImages.write(single, "2024-01-15_09-00-00_a.png", TestImages.png(TestImages.pattern(30, 30, 1)));
        assertEquals(0, run("dedupe", "--source", single.toString(), "--threads", "1"));
        assertEquals("""
                ============================================================
                Deduplication Summary:
                  Total images scanned: 1
                  Unique images copied: 1
                  Duplicates skipped: 0
                  Duplicate groups found: 0
                ============================================================

                No duplicates, so no timestamp difference statistics.
                """, stdout());
        assertEquals("", stderr());
    }

    @Test
    void outputInsideSourceIsAUsageError() {
        assertEquals(2, run("dedupe", "--source", source.toString(), "--output", source.resolve("clean").toString()));
        assertEquals("", stdout());
        assertEquals("discard: output directory " + source.resolve("clean") + " is inside the source directory "
                + source + ": dedupe never writes into its source\n", stderr());
        assertFalse(Files.exists(source.resolve("clean")));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, run("dedupe"));
        assertEquals("discard: Missing required option: '--source=DIRECTORY' (see 'discard dedupe --help')\n",
                stderr());
        err.reset();
        assertEquals(2, run("dedupe", "--source", source.toString(), "--max-distance", "65"));
        assertEquals("discard: --max-distance: expected 0 to 64 bits but was 65 (see 'discard dedupe --help')\n",
                stderr());
        err.reset();
        assertEquals(2, run("dedupe", "--source", tmp.resolve("nope").toString()));
        assertEquals("discard: source directory does not exist: " + tmp.resolve("nope") + "\n", stderr());
        err.reset();
        assertEquals(2, run("dedupe", "--source", source.toString(), "--threads", "0"));
        assertEquals("discard: --threads: expected at least 1 but was 0 (see 'discard dedupe --help')\n", stderr());
    }

    @Test
    void unwritableOutputFailsInOneLine() throws IOException {
        Path output = Files.writeString(tmp.resolve("out"), "a file");
        assertEquals(1, run("dedupe", "--source", source.toString(), "--output", output.toString()));
        assertEquals("discard: cannot create output directory " + output + ": a file of that name exists\n",
                stderr());
        assertEquals("", stdout());
    }

    @Test
    void helpDocumentsTheOptions() {
        assertEquals(0, run("dedupe", "--help"));
        assertTrue(stdout().startsWith("Usage: discard dedupe [-hV] [--dry-run] [--json]"), stdout());
        assertTrue(stdout().contains("--max-distance=N"), stdout());
        assertEquals("", stderr());
    }

    @Test
    void durationsPrintAsDiscordPicExtractPrintsThem() {
        assertEquals("36.0s", DedupeReportFormat.duration(36));
        assertEquals("1.1m (63.2s)", DedupeReportFormat.duration(63.25)); // half to even, as Python's %.1f
        assertEquals("1.0m (60.0s)", DedupeReportFormat.duration(60));
        assertEquals("3.1m (186.0s)", DedupeReportFormat.duration(186));
        assertEquals("120.0m (7200.0s)", DedupeReportFormat.duration(7200));
        assertEquals("60.0s", DedupeReportFormat.duration(59.96));
    }
}

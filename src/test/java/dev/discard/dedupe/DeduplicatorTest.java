package dev.discard.dedupe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.dedupe.FileResult.Copy;
import dev.discard.dedupe.FileResult.Status;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeduplicatorTest {
    @TempDir Path tmp;
    Path source;
    Path output;

    /** The same screenshot twice, its JPEG twin, a re-encoded JPEG, and every kind of file dedupe must not lose. */
    @BeforeEach
    void makeSource() throws IOException {
        source = Files.createDirectory(tmp.resolve("shots"));
        output = tmp.resolve("shots-clean");
        byte[] a = TestImages.png(TestImages.pattern(200, 150, 0));
        TestImages.write(source, "2024-01-15_10-00-00_a.png", a);
        TestImages.write(source, "2024-01-15_10-01-03_a.png", a);
        TestImages.write(source, "2024-01-16_10-00-00_a.png", a); // the next day: never compared with the others
        // The same pixels as a JPEG: pHash equal to the PNG's (pinned in PerceptualHashTest), size not.
        TestImages.write(source, "2024-01-15_10-00-30_b.jpg", TestImages.jpeg(TestImages.pattern(200, 150, 0), 0.9f));
        BufferedImage c = TestImages.pattern(640, 360, 1);
        TestImages.write(source, "2024-01-15_11-00-00_c.jpg", TestImages.jpeg(c, 0.95f));
        TestImages.write(source, "2024-01-15_11-00-40_c.jpg", TestImages.jpeg(c, 0.5f)); // re-encoded
        TestImages.write(source, "IMG_0001.png", TestImages.png(TestImages.pattern(64, 64, 3)));
        TestImages.write(source, "2024-01-15_12-00-00_broken.png", "no image".getBytes(StandardCharsets.UTF_8));
        TestImages.write(source, "notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        Files.createDirectory(source.resolve("sub"));
    }

    private DedupeReport run(int maxDistance, boolean dryRun) throws IOException {
        return new Deduplicator(new DedupeOptions(source, output, maxDistance, 2, dryRun)).run();
    }

    private static Map<String, Status> statuses(DedupeReport report) {
        Map<String, Status> statuses = new LinkedHashMap<>();
        for (FileResult file : report.files()) statuses.put(file.name(), file.status());
        return statuses;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                String key = dir.relativize(p).toString();
                state.put(key, Files.isDirectory(p) ? "dir"
                        : Files.getLastModifiedTime(p) + " " + java.util.Arrays.hashCode(Files.readAllBytes(p)));
            }
        }
        return state;
    }

    @Test
    void exactDuplicatesAreSkippedAndEverythingElseCopied() throws IOException {
        DedupeReport report = run(0, false);

        Map<String, Status> expected = new LinkedHashMap<>();
        expected.put("2024-01-15_10-00-00_a.png", Status.UNIQUE);
        expected.put("2024-01-15_10-00-30_b.jpg", Status.UNIQUE);     // same hash, other size
        expected.put("2024-01-15_10-01-03_a.png", Status.DUPLICATE);
        expected.put("2024-01-15_11-00-00_c.jpg", Status.UNIQUE);
        expected.put("2024-01-15_11-00-40_c.jpg", Status.UNIQUE);     // re-encoded: other size
        expected.put("2024-01-15_12-00-00_broken.png", Status.UNREADABLE);
        expected.put("2024-01-16_10-00-00_a.png", Status.UNIQUE);
        expected.put("IMG_0001.png", Status.UNDATED);
        expected.put("notes.txt", Status.NOT_IMAGE);
        expected.put("sub", Status.SKIPPED);
        assertEquals(expected, statuses(report));

        FileResult duplicate = report.files().get(2);
        assertEquals("2024-01-15_10-00-00_a.png", duplicate.duplicateOf());
        assertEquals(List.of(new DedupeReport.Pair("2024-01-15_10-01-03_a.png", "2024-01-15_10-00-00_a.png", 63)),
                report.pairs());
        assertEquals("e8eac097bf13246a", duplicate.hash().toString());

        assertEquals(List.of("2024-01-15_10-00-00_a.png", "2024-01-15_10-00-30_b.jpg", "2024-01-15_11-00-00_c.jpg",
                "2024-01-15_11-00-40_c.jpg", "2024-01-15_12-00-00_broken.png", "2024-01-16_10-00-00_a.png",
                "IMG_0001.png", "notes.txt"), names(output));
        for (String name : names(output)) {
            assertArrayEquals(Files.readAllBytes(source.resolve(name)), Files.readAllBytes(output.resolve(name)), name);
        }
        assertEquals(8, report.imagesScanned());
        assertEquals(7, report.uniqueImages());
        assertEquals(7, report.uniqueImagesCopied());
        assertEquals(1, report.duplicatesSkipped());
        assertEquals(1, report.duplicateGroups());
        assertEquals(1, report.otherFilesCopied());
        assertEquals(0, report.alreadyInOutput());
        assertEquals(1, report.statistics().orElseThrow().count());
        assertEquals("name does not start with YYYY-MM-DD_HH-MM-SS_", report.files().get(7).problem());
        String problem = report.files().get(5).problem();
        assertTrue(problem.startsWith("cannot decode image ("), problem);
    }

    @Test
    void maxDistanceFindsReencodesWhateverTheirSize() throws IOException {
        FileResult good = run(0, true).files().get(3);
        FileResult reencoded = run(0, true).files().get(4);
        int distance = good.hash().distanceTo(reencoded.hash());
        assertTrue(distance <= 4, "the q0.5 re-encode is " + distance + " bits away");

        DedupeReport report = run(4, false);
        assertEquals(List.of(
                new DedupeReport.Pair("2024-01-15_10-00-30_b.jpg", "2024-01-15_10-00-00_a.png", 30),
                new DedupeReport.Pair("2024-01-15_10-01-03_a.png", "2024-01-15_10-00-00_a.png", 63),
                new DedupeReport.Pair("2024-01-15_11-00-40_c.jpg", "2024-01-15_11-00-00_c.jpg", 40)),
                report.pairs());
        assertEquals(2, report.duplicateGroups());
        assertFalse(Files.exists(output.resolve("2024-01-15_11-00-40_c.jpg")));
    }

    @Test
    void sourceIsNeverModified() throws IOException {
        Map<String, String> before = snapshot(source);
        run(0, false);
        run(3, false);
        assertEquals(before, snapshot(source));
    }

    @Test
    void existingOutputFilesAreKeptAsTheyAre() throws IOException {
        Files.createDirectories(output);
        TestImages.write(output, "2024-01-15_10-00-00_a.png", "mine".getBytes(StandardCharsets.UTF_8));
        TestImages.write(output, "notes.txt", "mine too".getBytes(StandardCharsets.UTF_8));

        DedupeReport report = run(0, false);

        assertEquals("mine", Files.readString(output.resolve("2024-01-15_10-00-00_a.png")));
        assertEquals("mine too", Files.readString(output.resolve("notes.txt")));
        assertEquals(Copy.EXISTS, report.files().get(0).copy());
        assertEquals(2, report.alreadyInOutput());
        assertEquals(6, report.uniqueImagesCopied());
        assertEquals(0, report.otherFilesCopied());
        // The second run finds everything in place and copies nothing.
        DedupeReport again = run(0, false);
        assertEquals(0, again.uniqueImagesCopied());
        assertEquals(8, again.alreadyInOutput());
    }

    @Test
    void dryRunCopiesNothingAndCreatesNothing() throws IOException {
        DedupeReport report = run(0, true);
        assertFalse(Files.exists(output));
        assertEquals(Copy.WOULD_COPY, report.files().get(0).copy());
        assertEquals(Copy.NONE, report.files().get(2).copy());
        assertEquals(7, report.uniqueImagesCopied());
    }

    @Test
    void sameDecisionsOnOneThreadAsOnMany() throws IOException {
        for (int i = 0; i < 30; i++) {
            byte[] png = TestImages.png(TestImages.pattern(60 + i, 40, i % 7));
            TestImages.write(source, String.format("2024-01-17_09-%02d-00_n%02d.png", i, i), png);
        }
        List<FileResult> one = new Deduplicator(new DedupeOptions(source, output, 2, 1, true)).run().files();
        List<FileResult> many = new Deduplicator(new DedupeOptions(source, output, 2, 4, true)).run().files();
        assertEquals(one, many);
        assertTrue(one.stream().filter(f -> f.status() == Status.DUPLICATE).count() >= 20);
    }

    @Test
    void refusesAnOutputInsideTheSource() throws IOException {
        String inside = assertThrows(IllegalArgumentException.class, () -> Deduplicator.checkPaths(
                new DedupeOptions(source, source.resolve("clean"), 0, 1, false))).getMessage();
        assertEquals("output directory " + source.toRealPath().resolve("clean") + " is inside the source directory "
                + source.toRealPath() + ": dedupe never writes into its source", inside);
        String same = assertThrows(IllegalArgumentException.class, () -> Deduplicator.checkPaths(
                new DedupeOptions(source, source.resolve("sub/.."), 0, 1, false))).getMessage();
        assertTrue(same.startsWith("output directory is the source directory "), same);
        Path link = Files.createSymbolicLink(tmp.resolve("link"), source.resolve("sub"));
        assertThrows(IllegalArgumentException.class, () -> Deduplicator.checkPaths(
                new DedupeOptions(source, link.resolve("deeper"), 0, 1, false)));
        assertThrows(IllegalArgumentException.class, () -> Deduplicator.checkPaths(
                new DedupeOptions(tmp.resolve("missing"), output, 0, 1, false)));
        // Beside the source, even with a shared prefix of the name, is fine.
        Deduplicator.checkPaths(new DedupeOptions(source, tmp.resolve("shots2"), 0, 1, false));
    }

    @Test
    void failsWhenTheOutputCannotBeCreated() throws IOException {
        Files.writeString(output, "a file, not a folder");
        IOException e = assertThrows(IOException.class, () -> run(0, false));
        assertEquals("cannot create output directory " + output + ": a file of that name exists", e.getMessage());
    }

    @Test
    void defaultOutputIsBesideTheSource() {
        assertEquals(tmp.resolve("shots-clean"), DedupeOptions.defaultOutput(source));
        assertEquals(tmp.resolve("shots-clean"), DedupeOptions.defaultOutput(source.resolve("sub/..")));
    }
}

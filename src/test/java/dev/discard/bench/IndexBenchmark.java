package dev.discard.bench;

import dev.discard.index.Index;
import dev.discard.index.SearchQuery;
import dev.discard.index.Searcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times {@code discard index} on the generated gzip channel log of {@link ReadBenchmark} (1,000,000 messages) in a
 * JVM of its own with {@code -Xmx128m}, wall and CPU time (the machine is shared: CPU time is what the work cost),
 * then queries on the index it made, and prints the index's size next to the gzip archive's. Prints Markdown rows;
 * it is not a test. Run from the project folder after {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.discard.bench.IndexBenchmark
 * </pre>
 *
 * Arguments (optional): the folder (default {@code target/bench-index}), the number of pages (default 10000).
 */
public final class IndexBenchmark {
    private static final int QUERY_ROUNDS = 21;

    public static void main(String[] args) throws Exception {
        Path root = Paths.get(args.length > 0 ? args[0] : "target/bench-index");
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        for (String row : rows(root, pages)) System.out.println(row);
    }

    /** The benchmark's table rows. */
    static List<String> rows(Path root, int pages) throws Exception {
        Path run = root.resolve("20240101T000000_channel_full");
        Path marker = root.resolve("generated-" + pages);
        if (!Files.exists(marker)) {
            ReadBenchmark.generate(run, pages);
            Files.writeString(marker, "ok");
        }
        long messages = (long) pages * ReadBenchmark.PAGE;
        Path log = run.resolve(ReadBenchmark.GUILD + "/" + ReadBenchmark.CHANNEL + ".jsonl.gz");
        Path db = root.resolve("index.sqlite");
        for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(db + suffix));
        List<String> rows = new ArrayList<>();
        String loadBefore = loadAverage();
        double[] first = indexOnce(root, db);
        rows.add(String.format(Locale.ROOT, "| `index` %,d messages from gzip (-Xmx128m) | %.1f s wall, %,.0f msg/s;"
                + " CPU %.1f s (%.1f user + %.1f sys); peak RSS %.0f MiB; load average %s before, %s after"
                + " | 50,000 msg/s | %.1f× |", messages, first[0], messages / first[0], first[1] + first[2], first[1],
                first[2], first[3] / 1024, loadBefore, loadAverage(), messages / first[0] / 50_000));
        double[] again = indexOnce(root, db);
        rows.add(String.format(Locale.ROOT, "| `index` again, nothing changed | %.2f s wall, CPU %.2f s | | |",
                again[0], again[1] + again[2]));
        long dbSize = Files.size(db);
        rows.add(String.format(Locale.ROOT, "| index size | %,.1f MB (%,d bytes) | gzip archive %,.1f MB | %.1f× |",
                dbSize / 1e6, dbSize, Files.size(log) / 1e6, (double) dbSize / Files.size(log)));
        try (Index index = Index.open(db)) {
            Searcher searcher = new Searcher(index);
            Instant after = Instant.parse("2021-01-01T00:00:00Z");
            Instant before = Instant.parse("2022-01-01T00:00:00Z");
            query(rows, searcher, "word query `release`", SearchQuery.of("release"), 50);
            query(rows, searcher, "word query `release`, `--oldest`",
                    new SearchQuery("release", null, null, null, null, null, 50, true), 50);
            query(rows, searcher, "two words `bug fix`", SearchQuery.of("bug fix"), 50);
            query(rows, searcher, "phrase `\"hello world\"` + channel, author, range", new SearchQuery(
                    "\"hello world\"", null, "bench", "user7", after, before, 50, false), 200);
            query(rows, searcher, "prefix `rel*` + channel", new SearchQuery("rel*", null, "bench", null, null,
                    null, 50, false), 200);
            query(rows, searcher, "word absent from every message", SearchQuery.of("zebra"), 50);
        }
        return rows;
    }

    private static void query(List<String> rows, Searcher searcher, String name, SearchQuery q, int target)
            throws Exception {
        double[] times = new double[QUERY_ROUNDS];
        int hits = 0;
        for (int i = 0; i < QUERY_ROUNDS; i++) {
            long t = System.nanoTime();
            hits = searcher.search(q).size();
            times[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(times);
        rows.add(String.format(Locale.ROOT, "| %s, %d hits | median %.1f ms, max %.1f ms (%d runs) | %d ms | %.2f× |",
                name, hits, times[QUERY_ROUNDS / 2], times[QUERY_ROUNDS - 1], QUERY_ROUNDS, target,
                times[QUERY_ROUNDS / 2] / target));
    }

    /** The 1-minute load average of the machine (other builders share it), or "?" where Linux does not say. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Wall seconds, user and system CPU seconds, peak RSS in KiB of one {@code discard index} in its own JVM. */
    private static double[] indexOnce(Path root, Path db) throws IOException, InterruptedException {
        Path times = Files.createTempFile("index-time", ".txt");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f",
                "%e %U %S %M", "java", "-Xmx128m"));
        Path jar = Paths.get("target/discard.jar");
        if (Files.isRegularFile(jar)) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.discard.cli.Main"));
        }
        command.addAll(List.of("index", "-q", "--db", db.toString(), root.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("discard index failed: " + output);
        String[] f = Files.readString(times).strip().split("\\s+");
        Files.delete(times);
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
            Double.parseDouble(f[3])};
    }

    private IndexBenchmark() {}
}

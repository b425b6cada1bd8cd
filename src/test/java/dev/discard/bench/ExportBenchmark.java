package dev.discard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Times the exports of an indexed channel of {@link ReadBenchmark}'s generated messages (1,000,000 by default), each
 * in a JVM of its own with {@code -Xmx64m} (memory stays flat whatever the channel's length): {@code export json}
 * against its goal of 50,000 msg/s, {@code export csv}, and {@code export html} with and without its search index,
 * whose cost in time and bytes it reports. Prints Markdown rows; it is not a test. Run from the project folder after
 * {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.discard.bench.ExportBenchmark
 * </pre>
 *
 * Arguments (optional): the folder (default {@code target/bench-export}), the number of pages of 100 (default 10000),
 * {@code html} to time only the site; {@code -Dbench.runs=N} runs of each site export (default 3).
 */
public final class ExportBenchmark {
    /** The jar to time: {@code bench.jar}, else the one the build made. */
    private static final Path JAR = Path.of(System.getProperty("bench.jar", "target/discard.jar"));

    public static void main(String[] args) throws Exception {
        Path root = Paths.get(args.length > 0 ? args[0] : "target/bench-export");
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        boolean htmlOnly = args.length > 2 && args[2].equals("html");
        for (String row : rows(root, pages, htmlOnly)) System.out.println(row);
    }

    /** The benchmark's table rows. */
    static List<String> rows(Path root, int pages) throws Exception {
        return rows(root, pages, false);
    }

    private static List<String> rows(Path root, int pages, boolean htmlOnly) throws Exception {
        Path run = root.resolve("20240101T000000_channel_full");
        Path marker = root.resolve("generated-" + pages);
        if (!Files.exists(marker)) {
            deleteTree(root);
            ReadBenchmark.generate(run, pages);
            Files.writeString(marker, "ok");
        }
        long messages = (long) pages * ReadBenchmark.PAGE;
        Path db = root.resolve("index.sqlite");
        if (!Files.exists(db)) {
            double[] index = time(List.of("java", "-Xmx128m", "-jar", JAR.toString(), "index", "-q", "--db",
                    db.toString(), run.toString()));
            if (index[3] != 0) throw new IllegalStateException("index failed");
        }
        List<String> rows = new ArrayList<>();
        for (String format : htmlOnly ? List.<String>of() : List.of("json", "csv")) {
            Path out = root.resolve(format);
            deleteTree(out);
            double[] t = time(List.of("java", "-Xmx64m", "-jar", JAR.toString(), "export", format, "-q", "--db",
                    db.toString(), "-o", out.toString(), run.toString()));
            if (t[3] != 0) throw new IllegalStateException("export " + format + " failed");
            rows.add(String.format(Locale.ROOT, "| `export %s` of %,d indexed messages (-Xmx64m) | %.1f s wall,"
                    + " %,.0f msg/s, CPU %.1f s, peak RSS %.0f MiB, %,.0f MB | %s | %s |", format, messages, t[0],
                    messages / t[0], t[1], t[2] / 1024, size(out) / 1e6, format.equals("json")
                            ? "goal 50,000 msg/s" : "", format.equals("json") ? String.format(Locale.ROOT,
                                    "%.1f×", messages / t[0] / 50_000) : ""));
        }
        rows.addAll(html(root, run, db, messages));
        return rows;
    }

    /** Runs of {@code export html} without and with search ({@code bench.runs}, default 3 each). */
    private static final int HTML_RUNS = Integer.getInteger("bench.runs", 3);

    /**
     * {@code export html} without and with the search index: the index's share of the time and of the site's size,
     * then queries typed into the search page in headless Chromium from file://, with the bytes of index they loaded.
     * The two exports alternate (without, with, with, without, …) and each is given as the median of its runs: on a
     * shared machine one run of the same export varies by a fifth, more than the share being measured.
     */
    private static List<String> html(Path root, Path run, Path db, long messages) throws Exception {
        List<String> rows = new ArrayList<>();
        Path plain = root.resolve("html-plain");
        Path site = root.resolve("html");
        List<double[]> without = new ArrayList<>();
        List<double[]> with = new ArrayList<>();
        for (int i = 0; i < 2 * HTML_RUNS; i++) {
            boolean search = i % 4 == 1 || i % 4 == 2;
            Path out = search ? site : plain;
            deleteTree(out);
            List<String> command = new ArrayList<>(List.of("java", "-Xmx64m", "-jar", JAR.toString(), "export",
                    "html", "-q", "--db", db.toString(), "-o", out.toString(), run.toString()));
            if (!search) command.add(6, "--no-search");
            double[] t = time(command);
            if (t[3] != 0) throw new IllegalStateException("export html failed");
            (search ? with : without).add(t);
        }
        double[] plainTime = medians(without);
        double[] searchTime = medians(with);
        long plainBytes = size(plain);
        long searchBytes = size(site.resolve("search")) + Files.size(site.resolve("search.html"));
        rows.add(String.format(Locale.ROOT, "| `export html` of %,d messages (-Xmx64m), without / with search, median"
                + " of %d runs each | %.1f / %.1f s wall, CPU %.1f / %.1f s, peak RSS %.0f / %.0f MiB (runs: %s / %s s"
                + " wall) | search adds at most 25 %% time | %+.0f %% wall, %+.0f %% CPU |", messages, HTML_RUNS,
                plainTime[0], searchTime[0], plainTime[1], searchTime[1], plainTime[2] / 1024, searchTime[2] / 1024,
                walls(without), walls(with), 100 * (searchTime[0] / plainTime[0] - 1),
                100 * (searchTime[1] / plainTime[1] - 1)));
        rows.add(String.format(Locale.ROOT, "| the site's size, without / with search | %,.0f / %,.0f MB (search"
                + " index %,.0f MB) | search adds at most 50 %% | +%.0f %% |", plainBytes / 1e6,
                (plainBytes + searchBytes) / 1e6, searchBytes / 1e6, 100.0 * searchBytes / plainBytes));
        ChromeDriver browser = dev.discard.export.Chromium.start();
        try {
            for (String query : List.of("release", "\"hello world\"", "rel*", "bug fix", "zebra")) {
                long start = System.nanoTime();
                browser.get(site.resolve("search.html").toUri() + "?q=" + java.net.URLEncoder.encode(query,
                        java.nio.charset.StandardCharsets.UTF_8));
                String status = "";
                for (int i = 0; i < 6000 && (status.isEmpty() || status.startsWith("Searching")); i++) {
                    Thread.sleep(5);
                    status = browser.findElement(By.id("search-status")).getText();
                }
                double wall = (System.nanoTime() - start) / 1e9;
                long loaded = 0;
                int scripts = 0;
                for (Object src : (List<?>) ((JavascriptExecutor) browser).executeScript(
                        "return Array.from(document.scripts).map(s => s.src)")) {
                    Path file = Path.of(java.net.URI.create((String) src));
                    if (Files.exists(file)) loaded += Files.size(file);
                    scripts++;
                }
                rows.add(String.format(Locale.ROOT, "| search page, `%s` (Chromium, file://) | %s; page opened to"
                        + " hits shown %.2f s; %d scripts, %.2f MB loaded | under 1 s, a few MB | |",
                        query.replace("|", "\\|"), status, wall, scripts, loaded / 1e6));
            }
        } finally {
            browser.quit();
        }
        return rows;
    }

    /** The median of each measure over runs. */
    private static double[] medians(List<double[]> runs) {
        double[] out = new double[runs.get(0).length];
        for (int m = 0; m < out.length; m++) {
            final int measure = m;
            double[] values = runs.stream().mapToDouble(r -> r[measure]).sorted().toArray();
            out[m] = values.length % 2 == 1 ? values[values.length / 2]
                    : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
        }
        return out;
    }

    private static String walls(List<double[]> runs) {
        return String.join(", ", runs.stream().map(r -> String.format(Locale.ROOT, "%.1f", r[0])).toList());
    }

    /** Wall seconds, CPU seconds, peak RSS in KiB and exit code of a command (CPU and RSS from GNU time). */
    static double[] time(List<String> command) throws Exception {
        Path report = Files.createTempFile("time", ".txt");
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-o", report.toString(), "-f", "%M %U %S"));
        full.addAll(command);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int code = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        String text = Files.readString(report).strip();
        Files.delete(report);
        String[] parts = text.substring(text.lastIndexOf('\n') + 1).split(" ");
        return new double[] {wall, Double.parseDouble(parts[1]) + Double.parseDouble(parts[2]),
                Double.parseDouble(parts[0]), code};
    }

    static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

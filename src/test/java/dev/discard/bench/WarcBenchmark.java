package dev.discard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Times {@code discard export warc} of the generated channel log of {@link ReadBenchmark} (1,000,000 messages), as
 * plain JSONL, with {@code java -Xmx64m -jar target/discard.jar} and with the launcher {@code target/discard} (its
 * sharing archive made by a first run that is not timed), each in a process of its own: wall and CPU time, peak RSS,
 * and MB/s of JSONL read, next to the goal of 100 MB/s and to {@code gzip -1} of the same file (the compression every
 * WARC record gets). Prints Markdown rows; it is not a test. Run from the project folder after
 * {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.discard.bench.WarcBenchmark
 * </pre>
 *
 * Arguments (optional): the folder (default {@code target/bench-warc}), the number of pages (default 10000).
 */
public final class WarcBenchmark {
    private static final Path JAR = Path.of("target", "discard.jar");
    private static final Path LAUNCHER = Path.of("target", "discard");
    private static final double GOAL_MB_S = 100;

    public static void main(String[] args) throws Exception {
        Path root = Paths.get(args.length > 0 ? args[0] : "target/bench-warc");
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        for (String row : rows(root, pages)) System.out.println(row);
    }

    /** The benchmark's table rows. */
    static List<String> rows(Path root, int pages) throws Exception {
        Path run = root.resolve("20240101T000000_channel_full");
        Path log = run.resolve(ReadBenchmark.GUILD + "/" + ReadBenchmark.CHANNEL + ".jsonl");
        Path marker = root.resolve("generated-" + pages);
        if (!Files.exists(marker)) {
            ReadBenchmark.generate(run, pages);
            Path gzip = Path.of(log + ".gz");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip), 1 << 16)) {
                Files.copy(in, log);
            }
            Files.delete(gzip);
            Files.writeString(marker, "ok");
        }
        long bytes = Files.size(log);
        long messages = (long) pages * ReadBenchmark.PAGE;
        Path warc = root.resolve("bench.warc.gz");
        double[] gzip1 = timed(List.of("bash", "-c", "gzip -1 -c '" + log + "' > /dev/null"));
        List<String> rows = new ArrayList<>();
        List<String> export = List.of("export", "warc", "-q", "-o", warc.toString(), run.toString());
        List<String> jar = new ArrayList<>(List.of("java", "-Xmx64m", "-jar", JAR.toString()));
        jar.addAll(export);
        rows.add(row("`java -Xmx64m -jar`", jar, warc, messages, bytes, gzip1));
        // The launcher's first run writes its class-data archive as it exits: not what a user waits for each time.
        List<String> launcher = new ArrayList<>(List.of("env", "DISCARD_JAVA_OPTS=-Xmx64m",
                "DISCARD_CDS_DIR=" + root.resolve("cds").toAbsolutePath(), LAUNCHER.toString()));
        launcher.addAll(export);
        Files.deleteIfExists(warc);
        timed(launcher);
        rows.add(row("the launcher, `DISCARD_JAVA_OPTS=-Xmx64m`", launcher, warc, messages, bytes, gzip1));
        return rows;
    }

    private static String row(String how, List<String> command, Path warc, long messages, long bytes, double[] gzip1)
            throws IOException, InterruptedException {
        Files.deleteIfExists(warc);
        double[] t = timed(command);
        return String.format(Locale.ROOT, "| `export warc` %,d messages, %,.0f MB of JSONL, %s | %.1f s wall,"
                + " %.1f s CPU, %.0f MB/s, peak RSS %.0f MiB, WARC %,.0f MB | goal %.0f MB/s; `gzip -1` %.1f s wall"
                + " | %.2f× the goal |", messages, bytes / 1e6, how, t[0], t[1], bytes / 1e6 / t[0], t[2] / 1024,
                Files.size(warc) / 1e6, GOAL_MB_S, gzip1[0], bytes / 1e6 / t[0] / GOAL_MB_S);
    }

    /** Wall seconds, CPU seconds and peak RSS in KiB of a command, which must succeed. */
    private static double[] timed(List<String> command) throws IOException, InterruptedException {
        Path times = Files.createTempFile("warc-bench", ".txt");
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%M %U %S"));
        full.addAll(command);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException(command + " failed: " + output);
        double wall = (System.nanoTime() - start) / 1e9;
        String text = Files.readString(times).strip();
        Files.delete(times);
        String[] parts = text.substring(text.lastIndexOf('\n') + 1).split(" ");
        return new double[] {wall, Double.parseDouble(parts[1]) + Double.parseDouble(parts[2]),
            Double.parseDouble(parts[0])};
    }
}

package dev.discard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmarks in one run (README, Performance): the real {@code target/discard.jar} against the fake Discord
 * running as a separate process on loopback, each figure next to the physical limit measured on the same machine in
 * the same run. Prints a Markdown table and writes it to {@code target/bench/results.md}. Started by
 * {@code mvn -B -Pbench -DskipTests verify}; system properties {@code bench.messages} (default 1,000,000) and those
 * of {@link RateLimitBenchmark} (the rate-limited runs' sizes).
 */
public final class Benchmarks {
    private static final Path OUT = Path.of("target", "bench");
    private static final Path JAR = Path.of("target", "discard.jar");
    /** The default way of running: the launcher beside the jar (docs/performance.md). */
    private static final Path LAUNCHER = Path.of("target", "discard");
    /** The original Discard (Python) and this port before issue 18, same guild, same local server (issue 18). */
    private static final String ORIGINAL_20K = "original: 5.9 s wall, 1.95 s CPU, 38 MB; port before: 5.1 s, 4.8 s, 335 MB";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TOKEN = dev.discard.fake.Fixtures.TOKEN;
    private final List<String> rows = new ArrayList<>();

    private Benchmarks() {}

    public static void main(String... args) throws Exception {
        if (!Files.isRegularFile(JAR) || !Files.isExecutable(LAUNCHER)) {
            throw new IllegalStateException("build the jar and its launcher first: mvn -B package");
        }
        int messages = Integer.getInteger("bench.messages", 1_000_000);
        deleteTree(OUT);
        Files.createDirectories(OUT);
        new Benchmarks().run(messages);
    }

    private void run(int messages) throws Exception {
        row("| measure | result | next to | ratio |");
        row("|---|---|---|---|");
        smallRun();
        Path plainLog;
        Path gzipRun;
        try (FakeProcess fake = FakeProcess.start("--synthetic", Integer.toString(messages))) {
            Timed plain = archive(fake, "plain", LARGE, "--max-rate", "0");
            Timed gzip = archive(fake, "gzip", LARGE, "--max-rate", "0", "--gzip");
            plainLog = onlyFile(OUT.resolve("plain"), ".jsonl", "810000000000000002");
            gzipRun = onlyRun(OUT.resolve("gzip"));
            long bytes = Files.size(plainLog);
            Timed cat = Timed.shell("cat '" + plainLog + "' > /dev/null");
            Timed gzip1 = Timed.shell("gzip -1 -c '" + plainLog + "' > /dev/null");
            row(String.format(Locale.ROOT, "| archive %,d messages, plain (-Xmx64m) | %.1f s wall, %.1f s CPU, %,.0f msg/s,"
                    + " %.1f MB/s, peak RSS %s | `cat` %.2f s | %.1f× |", messages, plain.seconds, plain.cpu,
                    messages / plain.seconds, bytes / 1e6 / plain.seconds, plain.rss(), cat.seconds,
                    plain.seconds / Math.max(cat.seconds, 0.01)));
            row(String.format(Locale.ROOT, "| archive %,d messages, --gzip (-Xmx64m) | %.1f s wall, %.1f s CPU, %,.0f msg/s,"
                    + " peak RSS %s | `gzip -1` %.2f s wall, %.2f s CPU | %.1f× wall, %.1f× CPU |", messages, gzip.seconds,
                    gzip.cpu, messages / gzip.seconds, gzip.rss(), gzip1.seconds, gzip1.cpu, gzip.seconds / gzip1.seconds,
                    gzip.cpu / Math.max(gzip1.cpu, 0.01)));
            compressionLevels(plainLog, gzip1);
        }
        Path gzipLog = onlyFile(gzipRun, ".jsonl.gz", "810000000000000002");
        Timed zcat = Timed.shell("zcat '" + gzipLog + "' | wc -l > /dev/null");
        String channel = gzipLog.toString().replace(".jsonl.gz", "");
        Timed read = Timed.of(List.of(LAUNCHER.toString(), "read", channel), true, LARGE);
        Timed summary = Timed.of(List.of(LAUNCHER.toString(), "summary", OUT.resolve("gzip").toString()), true, LARGE);
        row(String.format(Locale.ROOT, "| `read` of the gzip archive (-Xmx64m) | %.2f s wall, %.2f s CPU | `zcat \\| wc -l`"
                + " %.2f s wall, %.2f s CPU | %.2f× |", read.seconds, read.cpu, zcat.seconds, zcat.cpu,
                read.seconds / zcat.seconds));
        row(String.format(Locale.ROOT, "| `summary` of the gzip archive (-Xmx64m) | %.2f s wall, %.2f s CPU | `zcat \\| wc"
                + " -l` %.2f s wall, %.2f s CPU | %.2f× |", summary.seconds, summary.cpu, zcat.seconds, zcat.cpu,
                summary.seconds / zcat.seconds));
        // discard index and search (docs/search.md), on a generated gzip log of the same number of messages.
        for (String line : IndexBenchmark.rows(OUT.resolve("index"), Math.max(1, messages / ReadBenchmark.PAGE))) {
            row(line);
        }
        exportHtml(gzipRun, messages);
        // export json and csv, and the site's search index (docs/export.md, docs/browse.md), on generated messages.
        for (String line : ExportBenchmark.rows(OUT.resolve("export"), Math.max(1, messages / ReadBenchmark.PAGE))) {
            row(line);
        }
        // discard export warc (docs/warc.md), of a generated plain JSONL log of the same number of messages.
        for (String line : WarcBenchmark.rows(OUT.resolve("warc"), Math.max(1, messages / ReadBenchmark.PAGE))) {
            row(line);
        }
        Timed dedupe = Timed.of(List.of("java", "-cp", System.getProperty("java.class.path"),
                DedupeBenchmark.class.getName()), false);
        for (String line : dedupe.output.lines().filter(l -> l.contains("images/s")).toList()) {
            row("| dedupe: " + line.strip().replace("|", "/") + " | | | |");
        }
        // Budget use under Discord's limits (docs/performance.md, Rate limits): in-process, the fake playing Discord.
        row("");
        for (String line : RateLimitBenchmark.rows()) row(line);
        // --follow (issue 26): CPU and RSS per 100,000 dispatches, flat over 1,000,000; a process of its own.
        Timed follow = Timed.of(List.of("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), dev.discard.archive.FollowBenchmark.class.getName(), "1000000",
                "50"), false);
        row("");
        row("`--follow`, dispatches parsed, routed and written into 50 channel logs (goal: under 2 s CPU and 100 MB"
                + String.format(Locale.ROOT, " RSS per 100,000, flat); whole process %.1f s CPU, peak RSS %s:",
                follow.cpu, follow.rss()));
        row("");
        for (String line : follow.output.lines().filter(l -> l.startsWith("|")).toList()) row(line);
        row("");
        row(String.format(Locale.ROOT, "Machine: %d cores, Java %s, %s; fake Discord and discard share the cores.",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name")));
        Files.writeString(OUT.resolve("results.md"), String.join("\n", rows) + "\n");
    }

    private void row(String row) {
        rows.add(row);
        System.out.println(row);
        System.out.flush();
    }

    /**
     * {@code export html} of the gzip run: indexed first (as {@code discard index}), so the export's own pass reads
     * nothing new and its time is the rendering: every message streamed out of SQLite into pages.
     */
    private void exportHtml(Path gzipRun, int messages) throws Exception {
        Path db = OUT.resolve("export.sqlite");
        Timed index = Timed.of(List.of("java", "-Xmx128m", "-jar", JAR.toString(), "index", "-q", "--db",
                db.toString(), gzipRun.toString()), true);
        if (index.exitCode != 0) throw new IllegalStateException("index failed: " + index.output);
        Timed export = Timed.of(List.of("java", "-Xmx64m", "-jar", JAR.toString(), "export", "html", "-q", "--db",
                db.toString(), "-o", OUT.resolve("html").toString(), gzipRun.toString()), true);
        if (export.exitCode != 0) throw new IllegalStateException("export failed: " + export.output);
        long pages;
        try (Stream<Path> files = Files.walk(OUT.resolve("html"))) {
            pages = files.filter(p -> p.toString().endsWith(".html")).count();
        }
        row(String.format(Locale.ROOT, "| `export html` of %,d indexed messages (-Xmx64m) | %.1f s, %,.0f msg/s, %,d"
                + " pages, peak RSS %s | goal 20,000 msg/s | %.1f× |", messages, export.seconds,
                messages / export.seconds, pages, export.rss(), messages / export.seconds / 20_000));
    }

    /** Large runs: the launcher with its heap capped at 64 MiB, to show memory stays flat. */
    private static final Map<String, String> LARGE = Map.of("DISCARD_JAVA_OPTS", "-Xmx64m");

    /**
     * 20,000 messages from the local fake, the default way (the launcher) and with a plain {@code java -jar}, next to
     * the original's figures: each run three times after one run that writes the launcher's class-data archive.
     */
    private void smallRun() throws Exception {
        int small = 20_000;
        try (FakeProcess fake = FakeProcess.start("--synthetic", Integer.toString(small))) {
            Timed first = archive(fake, "small-first", Map.of(), "--max-rate", "0");
            List<Timed> launcher = new ArrayList<>();
            List<Timed> jar = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                launcher.add(archive(fake, "small-" + i, Map.of(), "--max-rate", "0"));
                jar.add(archive(List.of("java", "-jar", JAR.toString()), fake, "small-jar-" + i, Map.of(),
                        "--max-rate", "0"));
            }
            row(String.format(Locale.ROOT, "| 20,000 messages from a local server, `target/discard` | %s | %s | |",
                    spread(launcher), ORIGINAL_20K));
            row(String.format(Locale.ROOT, "| … the launcher's first run (writes its class-data archive) | %.2f s wall,"
                    + " %.2f s CPU, peak RSS %s | | |", first.seconds, first.cpu, first.rss()));
            row(String.format(Locale.ROOT, "| … `java -jar target/discard.jar` | %s | | |", spread(jar)));
        }
    }

    private static String spread(List<Timed> runs) {
        DoubleSummaryStatistics wall = runs.stream().mapToDouble(Timed::seconds).summaryStatistics();
        DoubleSummaryStatistics cpu = runs.stream().mapToDouble(Timed::cpu).summaryStatistics();
        LongSummaryStatistics rss = runs.stream().mapToLong(Timed::rssKb).summaryStatistics();
        return String.format(Locale.ROOT, "%.2f–%.2f s wall, %.2f–%.2f s CPU, peak RSS %.0f–%.0f MB (%d runs)",
                wall.getMin(), wall.getMax(), cpu.getMin(), cpu.getMax(), rss.getMin() * 1024 / 1e6,
                rss.getMax() * 1024 / 1e6, runs.size());
    }

    /**
     * Deflate of the plain archive record by record, as {@code --gzip} writes it (a sync flush after each record), at
     * levels 1, 3 and 6, next to {@code gzip -1} of the same file: what the choice of level 1 rests on.
     */
    private void compressionLevels(Path plainLog, Timed gzip1) throws Exception {
        Path gz = OUT.resolve("gzip1.gz");
        Timed.shell("gzip -1 -c '" + plainLog + "' > '" + gz + "'");
        long gzipSize = Files.size(gz);
        Files.delete(gz);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int level : new int[] {1, 3, 6}) {
            long start = threads.getCurrentThreadCpuTime();
            long size;
            try (BufferedReader lines = Files.newBufferedReader(plainLog, StandardCharsets.UTF_8)) {
                CountingStream counted = new CountingStream();
                try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(counted, 64 * 1024, true) {
                    {
                        def.setLevel(level);
                    }
                }) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
                size = counted.count;
            }
            double cpu = (threads.getCurrentThreadCpuTime() - start) / 1e9;
            row(String.format(Locale.ROOT, "| deflate level %d of the plain archive, per record%s | %.2f s CPU (reading"
                    + " included), %.1f MB | `gzip -1` %.2f s CPU, %.1f MB | %.2f× size |", level,
                    level == 1 ? " (the level --gzip uses)" : "", cpu, size / 1e6, gzip1.cpu, gzipSize / 1e6,
                    (double) size / gzipSize));
        }
    }

    /** Counts what is written and keeps nothing. */
    private static final class CountingStream extends java.io.OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** Runs the launcher against the fake into {@code target/bench/<name>}; fails unless the run exits 0. */
    private static Timed archive(FakeProcess fake, String name, Map<String, String> env, String... options)
            throws Exception {
        return archive(List.of(LAUNCHER.toString()), fake, name, env, options);
    }

    private static Timed archive(List<String> discard, FakeProcess fake, String name, Map<String, String> env,
            String... options) throws Exception {
        List<String> command = new ArrayList<>(discard);
        command.addAll(List.of("--api-url", fake.apiUrl, "-t", TOKEN, "-o", OUT.resolve(name).toString()));
        command.addAll(List.of(options));
        command.addAll(fake.target);
        Timed timed = Timed.of(command, false, env);
        if (timed.exitCode != 0) throw new IllegalStateException(name + ": exit " + timed.exitCode + "\n" + timed.output);
        return timed;
    }

    private static Path onlyRun(Path out) throws IOException {
        try (Stream<Path> runs = Files.list(out)) {
            return runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static Path onlyFile(Path root, String suffix, String name) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().equals(name + suffix)).findFirst().orElseThrow();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /**
     * A command's wall time, exit code, output, and, when GNU time is there to tell them, its CPU time (user + system,
     * children included) and peak RSS.
     */
    private record Timed(double seconds, int exitCode, String output, long rssKb, double cpu) {
        String rss() {
            return rssKb < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", rssKb / 1024.0);
        }

        static Timed shell(String command) throws Exception {
            return of(List.of("bash", "-c", command), false);
        }

        static Timed of(List<String> command, boolean discardOutput) throws Exception {
            return of(command, discardOutput, Map.of());
        }

        static Timed of(List<String> command, boolean discardOutput, Map<String, String> env) throws Exception {
            List<String> full = new ArrayList<>();
            boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
            Path rssFile = Files.createTempFile(OUT, "rss", ".txt");
            if (gnuTime) full.addAll(List.of("/usr/bin/time", "-o", rssFile.toString(), "-f", "%M %U %S"));
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
            builder.environment().put("DISCARD_CDS_DIR", OUT.resolve("cds").toAbsolutePath().toString());
            builder.environment().putAll(env);
            if (discardOutput) builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            long start = System.nanoTime();
            Process process = builder.start();
            String output = discardOutput ? "" : new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            int code = process.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            long rss = -1;
            double cpu = Double.NaN;
            if (gnuTime) {
                String text = Files.readString(rssFile).strip();
                String last = text.isEmpty() ? "" : text.substring(text.lastIndexOf('\n') + 1);
                if (last.matches("\\d+ [\\d.]+ [\\d.]+")) {
                    String[] parts = last.split(" ");
                    rss = Long.parseLong(parts[0]);
                    cpu = Double.parseDouble(parts[1]) + Double.parseDouble(parts[2]);
                }
            }
            Files.deleteIfExists(rssFile);
            return new Timed(seconds, code, output, rss, cpu);
        }
    }

    /** The fake Discord in a process of its own, on a free port. */
    private static final class FakeProcess implements AutoCloseable {
        final Process process;
        final String apiUrl;
        final List<String> target;

        private FakeProcess(Process process, String apiUrl, List<String> target) {
            this.process = process;
            this.apiUrl = apiUrl;
            this.target = target;
        }

        static FakeProcess start(String... mode) throws IOException {
            List<String> command = new ArrayList<>(List.of("java", "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                    dev.discard.fake.FakeDiscordMain.class.getName(), "0"));
            command.addAll(List.of(mode));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String url = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("api-url ")) {
                    url = line.substring("api-url ".length());
                    break;
                }
            }
            if (url == null) throw new IOException("the fake Discord did not start");
            boolean rateLimited = mode[0].equals("--rate-limited");
            List<String> target = rateLimited ? List.of("guild", Long.toString(dev.discard.fake.Fixtures.GUILD_ID))
                    : List.of("channel", Long.toString(dev.discard.fake.Fixtures.GENERAL));
            Thread drain = new Thread(() -> lines.lines().forEach(l -> { }), "fake-output");
            drain.setDaemon(true);
            drain.start();
            return new FakeProcess(process, url, target);
        }

        @Override
        public void close() {
            process.destroy();
        }
    }
}

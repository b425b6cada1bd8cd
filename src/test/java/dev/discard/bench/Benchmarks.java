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
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The benchmarks in one run (README, Performance): the real {@code target/discard.jar} against the fake Discord
 * running as a separate process on loopback, each figure next to the physical limit measured on the same machine in
 * the same run. Prints a Markdown table and writes it to {@code target/bench/results.md}. Started by
 * {@code mvn -B -Pbench -DskipTests verify}; system properties {@code bench.messages} (default 1,000,000) and
 * {@code bench.rateMessages} (messages per channel of the rate-limited guild, default 3,000).
 */
public final class Benchmarks {
    private static final Path OUT = Path.of("target", "bench");
    private static final Path JAR = Path.of("target", "discard.jar");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TOKEN = dev.discard.fake.Fixtures.TOKEN;
    private final List<String> rows = new ArrayList<>();

    private Benchmarks() {}

    public static void main(String... args) throws Exception {
        if (!Files.isRegularFile(JAR)) throw new IllegalStateException("build the jar first: mvn -B package");
        int messages = Integer.getInteger("bench.messages", 1_000_000);
        int rateMessages = Integer.getInteger("bench.rateMessages", 3_000);
        deleteTree(OUT);
        Files.createDirectories(OUT);
        new Benchmarks().run(messages, rateMessages);
    }

    private void run(int messages, int rateMessages) throws Exception {
        row("| measure | result | next to | ratio |");
        row("|---|---|---|---|");
        Path plainLog;
        Path gzipRun;
        try (FakeProcess fake = FakeProcess.start("--synthetic", Integer.toString(messages))) {
            Timed plain = archive(fake, "plain", "--max-rate", "0");
            Timed gzip = archive(fake, "gzip", "--max-rate", "0", "--gzip");
            plainLog = onlyFile(OUT.resolve("plain"), ".jsonl", "810000000000000002");
            gzipRun = onlyRun(OUT.resolve("gzip"));
            long bytes = Files.size(plainLog);
            Timed cat = Timed.shell("cat '" + plainLog + "' > /dev/null");
            Timed gzip1 = Timed.shell("gzip -1 -c '" + plainLog + "' > /dev/null");
            row(String.format(Locale.ROOT, "| archive %,d messages, plain (-Xmx64m) | %.1f s, %,.0f msg/s, %.1f MB/s,"
                    + " peak RSS %s | `cat` %.2f s | %.1f× |", messages, plain.seconds, messages / plain.seconds,
                    bytes / 1e6 / plain.seconds, plain.rss(), cat.seconds, plain.seconds / Math.max(cat.seconds, 0.01)));
            row(String.format(Locale.ROOT, "| archive %,d messages, --gzip (-Xmx64m) | %.1f s, %,.0f msg/s,"
                    + " peak RSS %s | `gzip -1` %.2f s | %.1f× |", messages, gzip.seconds, messages / gzip.seconds,
                    gzip.rss(), gzip1.seconds, gzip.seconds / gzip1.seconds));
        }
        Path gzipLog = onlyFile(gzipRun, ".jsonl.gz", "810000000000000002");
        Timed zcat = Timed.shell("zcat '" + gzipLog + "' | wc -l > /dev/null");
        String channel = gzipLog.toString().replace(".jsonl.gz", "");
        Timed read = Timed.of(List.of("java", "-Xmx64m", "-jar", JAR.toString(), "read", channel), true);
        Timed summary = Timed.of(List.of("java", "-Xmx64m", "-jar", JAR.toString(), "summary", OUT.resolve("gzip")
                .toString()), true);
        row(String.format(Locale.ROOT, "| `read` of the gzip archive (-Xmx64m) | %.1f s | `zcat \\| wc -l` %.2f s | %.1f× |",
                read.seconds, zcat.seconds, read.seconds / zcat.seconds));
        row(String.format(Locale.ROOT, "| `summary` of the gzip archive (-Xmx64m) | %.1f s | `zcat \\| wc -l` %.2f s |"
                + " %.1f× |", summary.seconds, zcat.seconds, summary.seconds / zcat.seconds));
        // discard index and search (docs/search.md), on a generated gzip log of the same number of messages.
        for (String line : IndexBenchmark.rows(OUT.resolve("index"), Math.max(1, messages / ReadBenchmark.PAGE))) {
            row(line);
        }
        exportHtml(gzipRun, messages);
        try (FakeProcess fake = FakeProcess.start("--rate-limited", "10", Integer.toString(rateMessages))) {
            for (String concurrency : List.of("1", "4", "10")) {
                Timed run = archive(fake, "rate-" + concurrency, "--no-gateway", "--concurrency", concurrency);
                long[] counts = httpAnd429(onlyRun(OUT.resolve("rate-" + concurrency)));
                double rate = counts[0] / run.seconds;
                row(String.format(Locale.ROOT, "| rate-limited guild, `--concurrency %s` | %.1f req/s, %d requests, %.2f %%"
                        + " 429s | allowed 50 req/s | %.0f %% |", concurrency, rate, counts[0],
                        100.0 * counts[1] / counts[0], 100 * rate / 50));
            }
        }
        Timed dedupe = Timed.of(List.of("java", "-cp", System.getProperty("java.class.path"),
                DedupeBenchmark.class.getName()), false);
        for (String line : dedupe.output.lines().filter(l -> l.contains("images/s")).toList()) {
            row("| dedupe: " + line.strip().replace("|", "/") + " | | | |");
        }
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

    /** Runs the jar against the fake into {@code target/bench/<name>}; fails unless the run exits 0. */
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

    private static Timed archive(FakeProcess fake, String name, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx64m", "-jar", JAR.toString(), "--api-url",
                fake.apiUrl, "-t", TOKEN, "-o", OUT.resolve(name).toString()));
        command.addAll(List.of(options));
        command.addAll(fake.target);
        Timed timed = Timed.of(command, false);
        if (timed.exitCode != 0) throw new IllegalStateException(name + ": exit " + timed.exitCode + "\n" + timed.output);
        return timed;
    }

    /** HTTP records and 429 answers in every log of the run: the archive is the evidence. */
    private static long[] httpAnd429(Path run) throws IOException {
        long http = MAPPER.readTree(run.resolve("run.meta.json").toFile()).path("summary").path("num_http_requests")
                .asLong();
        long limited = 0;
        try (Stream<Path> files = Files.walk(run)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    JsonNode record = MAPPER.readTree(line);
                    if (record.path("response").path("status").asInt() == 429) limited++;
                }
            }
        }
        return new long[] {http, limited};
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

    /** A command's wall time, exit code, output, and peak RSS when GNU time is there to tell it. */
    private record Timed(double seconds, int exitCode, String output, long rssKb) {
        String rss() {
            return rssKb < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", rssKb / 1024.0);
        }

        static Timed shell(String command) throws Exception {
            return of(List.of("bash", "-c", command), false);
        }

        static Timed of(List<String> command, boolean discardOutput) throws Exception {
            List<String> full = new ArrayList<>();
            boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
            Path rssFile = Files.createTempFile(OUT, "rss", ".txt");
            if (gnuTime) full.addAll(List.of("/usr/bin/time", "-o", rssFile.toString(), "-f", "%M"));
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
            if (discardOutput) builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            long start = System.nanoTime();
            Process process = builder.start();
            String output = discardOutput ? "" : new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            int code = process.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            long rss = -1;
            if (gnuTime) {
                String text = Files.readString(rssFile).strip();
                String last = text.isEmpty() ? "" : text.substring(text.lastIndexOf('\n') + 1);
                if (last.matches("\\d+")) rss = Long.parseLong(last);
            }
            Files.deleteIfExists(rssFile);
            return new Timed(seconds, code, output, rss);
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

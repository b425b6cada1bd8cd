package dev.discard.bench;

import dev.discard.cli.Main;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Times {@code discard read} and {@code discard summary} on a generated channel log of 1,000,000 messages (10,000
 * pages of 100, newest first, ~400-byte message objects, gzip), next to {@code zcat file | wc -l} on the same file.
 * Prints numbers; it is not a test. Run from the project folder:
 *
 * <pre>
 * mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.discard.bench.ReadBenchmark
 * </pre>
 *
 * Arguments (optional): the folder for the generated run (default {@code target/bench}), the number of pages
 * (default 10000). The log is generated once and reused while its marker file exists.
 */
public final class ReadBenchmark {
    static final long CHANNEL = 1_100_000_000_000_000_001L;
    static final long GUILD = 1_100_000_000_000_000_000L;
    static final int PAGE = 100;
    static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        Path root = Paths.get(args.length > 0 ? args[0] : "target/bench");
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path run = root.resolve("20240101T000000_channel_full");
        Path log = run.resolve(GUILD + "/" + CHANNEL + ".jsonl.gz");
        Path marker = root.resolve("generated-" + pages);
        if (!Files.exists(marker)) {
            long t = System.nanoTime();
            generate(run, pages);
            Files.writeString(marker, "ok");
            System.out.printf("generated %,d messages in %.1f s%n", (long) pages * PAGE, seconds(t));
        }
        System.out.printf("log: %s, %,d bytes gzip%n", log, Files.size(log));
        String base = run.resolve(GUILD + "/" + CHANNEL).toString();

        Path jar = Paths.get("target/discard.jar");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String[] names = {"zcat | wc -l", "discard read (in-process)", "discard read --json (in-process)",
            "discard summary (in-process)", "java -jar discard.jar read > /dev/null", "java -jar discard.jar summary"};
        Task[] tasks = {
            () -> shell("zcat '" + log + "' | wc -l"),
            () -> discard("read", base),
            () -> discard("read", "--json", base),
            () -> discard("summary", root.toString()),
            () -> shell("'" + java + "' -jar '" + jar + "' read '" + base + "' > /dev/null"),
            () -> shell("'" + java + "' -jar '" + jar + "' summary '" + root + "' > /dev/null")
        };
        int count = Files.exists(jar) ? tasks.length : tasks.length - 2;
        double[] best = new double[count];
        Arrays.fill(best, Double.MAX_VALUE);
        // Rounds interleave the tasks so that a busy machine slows them alike; round 0 warms up.
        for (int round = 0; round <= ROUNDS; round++) {
            for (int i = 0; i < count; i++) {
                long t = System.nanoTime();
                tasks[i].run();
                if (round > 0) best[i] = Math.min(best[i], seconds(t));
            }
        }
        System.out.printf("best of %d rounds:%n", ROUNDS);
        for (int i = 0; i < count; i++) {
            System.out.printf("  %-40s %6.2f s  %5.2fx zcat | wc -l%n", names[i], best[i], best[i] / best[0]);
        }
        if (count < tasks.length) System.out.println("  (run 'mvn -B -o package -DskipTests' first to time the jar)");
        System.out.printf("heap used after:  %,d MiB of %,d MiB max%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    interface Task {
        void run() throws Exception;
    }

    static void discard(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream nul = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        int code = new Main(nul, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
        if (code != 0) throw new IllegalStateException(Arrays.toString(args) + " exited " + code + ": " + err);
    }

    static void shell(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) throw new IllegalStateException(command + ": " + new String(output));
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** A completed channel run: run.meta.json, channel meta, and the log of {@code pages} pages. */
    static void generate(Path run, int pages) throws IOException {
        Path guild = run.resolve(String.valueOf(GUILD));
        Files.createDirectories(guild);
        Random random = new Random(42);
        long first = (1_600_000_000_000L - 1_420_070_400_000L) << 22;
        long id = first;
        long step = 60_000L << 22; // a message a minute
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(
                Files.newOutputStream(guild.resolve(CHANNEL + ".jsonl.gz")), 1 << 16), StandardCharsets.UTF_8),
                1 << 16)) {
            long after = 0;
            for (int page = 0; page < pages; page++) {
                long[] ids = new long[PAGE];
                for (int i = 0; i < PAGE; i++) {
                    id += step + random.nextInt(1 << 22);
                    ids[i] = id;
                }
                StringBuilder b = new StringBuilder(48 * 1024);
                b.append("{\"type\":\"http\",\"datetime_start\":\"2024-01-01T00:00:01.000000+00:00\",")
                        .append("\"datetime_end\":\"2024-01-01T00:00:01.120000+00:00\",\"request\":{\"method\":\"GET\",")
                        .append("\"url\":\"https://discord.com/api/v10/channels/").append(CHANNEL)
                        .append("/messages\",\"params\":{\"limit\":100,\"after\":").append(after)
                        .append("}},\"response\":{\"status\":200,\"headers\":{\"content-type\":\"application/json\",")
                        .append("\"x-ratelimit-remaining\":\"4\",\"x-ratelimit-reset-after\":\"1.000\"},\"data\":[");
                for (int i = PAGE - 1; i >= 0; i--) { // newest first, as Discord answers
                    message(b, ids[i], random);
                    if (i > 0) b.append(',');
                }
                b.append("]}}\n");
                w.write(b.toString());
                after = ids[PAGE - 1];
            }
        }
        long count = (long) pages * PAGE;
        Files.writeString(guild.resolve(CHANNEL + ".meta.json"), "{\n  \"channel\": {\"id\": " + CHANNEL
                + ", \"name\": \"bench\", \"type\": \"text\"},\n  \"summary\": {\"num_messages\": " + count
                + ", \"oldest_message\": {\"id\": " + (first) + ", \"timestamp\": null},"
                + " \"newest_message\": {\"id\": " + id + ", \"timestamp\": null}}\n}\n");
        Files.writeString(run.resolve("run.meta.json"), "{\n  \"client\": {\"name\": \"discard\", \"version\":"
                + " \"1.0.0\"},\n  \"settings\": {\"mode\": \"channel\", \"after\": null, \"before\": null},\n"
                + "  \"run\": {\"datetime_start\": \"2024-01-01T00:00:00+00:00\", \"datetime_end\":"
                + " \"2024-01-01T01:00:00+00:00\", \"completed\": true, \"finished\": true},\n"
                + "  \"summary\": {\"num_messages\": " + count + "}\n}\n");
    }

    private static final String[] WORDS = ("the a archive discord message channel history backup server today"
            + " tomorrow yes no maybe great thanks hello world link image code bug fix release test").split(" ");

    /** A v10 message object of about 400 bytes. */
    static void message(StringBuilder b, long id, Random random) {
        long ms = (id >>> 22) + 1_420_070_400_000L;
        String time = java.time.Instant.ofEpochMilli(ms).toString();
        b.append("{\"type\":0,\"content\":\"");
        int words = 3 + random.nextInt(20);
        for (int i = 0; i < words; i++) b.append(i > 0 ? " " : "").append(WORDS[random.nextInt(WORDS.length)]);
        int user = random.nextInt(50);
        b.append("\",\"mentions\":[],\"mention_roles\":[],\"attachments\":[],\"embeds\":[],\"timestamp\":\"")
                .append(time, 0, time.length() - 1).append(time.contains(".") ? "000" : ".000000").append("+00:00\",")
                .append("\"edited_timestamp\":null,\"flags\":0,\"components\":[],\"id\":\"").append(id)
                .append("\",\"channel_id\":\"").append(CHANNEL).append("\",\"author\":{\"id\":\"")
                .append(1_000_000_000_000_000L + user).append("\",\"username\":\"user").append(user)
                .append("\",\"avatar\":null,\"discriminator\":\"0\",\"public_flags\":0,\"flags\":0,")
                .append("\"global_name\":\"User ").append(user).append("\"},\"pinned\":false,")
                .append("\"mention_everyone\":false,\"tts\":false}");
    }

    private ReadBenchmark() {}
}

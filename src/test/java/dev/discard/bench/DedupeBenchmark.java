package dev.discard.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.discard.dedupe.DedupeOptions;
import dev.discard.dedupe.DedupeReport;
import dev.discard.dedupe.Deduplicator;
import dev.discard.dedupe.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Prints how fast {@code dedupe} goes next to the time it takes merely to decode the same images: the difference is
 * what the hashing, the decisions and the copying cost. Not a test: numbers depend on the machine.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.discard.bench.DedupeBenchmark [-Dexec.args="IMAGES THREADS"]
 * </pre>
 * Defaults: 3000 images (a third of them re-uploads of another, same bytes, a minute later), all cores. The images
 * are 1280×720 chart screenshots (two in three PNG, the rest JPEG), made in a temporary folder that is deleted
 * afterwards.
 */
public final class DedupeBenchmark {
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");
    private static final int ROUNDS = 2;
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Path tmp = Files.createTempDirectory("dedupe-bench");
        try {
            Path source = Files.createDirectory(tmp.resolve("source"));
            long start = System.nanoTime();
            List<Path> files = generate(source, count, threads);
            System.out.printf(Locale.ROOT, "generated %d files (%.1f MB) in %.1f s; %d threads; Java %s%n",
                    files.size(), bytes(files) / 1e6, seconds(start), threads, System.getProperty("java.version"));

            // Alternating rounds, best of each: the machine is shared, and the first round warms the JIT and the
            // page cache. CPU time (all threads of the process, GC included) is less disturbed by other processes
            // than wall time.
            Timing decode = new Timing();
            Timing dryRun = new Timing();
            DedupeReport dry = null;
            for (int round = 0; round < ROUNDS; round++) {
                decode.measure(() -> decodeAll(files, threads));
                dry = dryRun.measure(() -> new Deduplicator(
                        new DedupeOptions(source, tmp.resolve("clean"), 0, threads, true)).run());
            }
            decode.print("decode only (same reader setup)", files.size());
            dryRun.print("dedupe --dry-run", files.size());
            Timing copying = new Timing();
            DedupeReport full = copying.measure(() -> new Deduplicator(
                    new DedupeOptions(source, tmp.resolve("clean"), 0, threads, false)).run());
            copying.print("dedupe, copying (one round)", files.size());
            System.out.printf(Locale.ROOT, "scanned %d, unique %d, duplicates %d, groups %d (dry run agreed: %b)%n",
                    full.imagesScanned(), full.uniqueImages(), full.duplicatesSkipped(), full.duplicateGroups(),
                    dry.files().stream().map(f -> f.status()).toList()
                            .equals(full.files().stream().map(f -> f.status()).toList()));
        } finally {
            try (Stream<Path> all = Files.walk(tmp)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    /** {@code count} files: two in three new images (PNG or JPEG), one in three a re-upload a minute later. */
    private static List<Path> generate(Path dir, int count, int threads) throws Exception {
        int originals = count - count / 3;
        LocalDateTime start = LocalDateTime.of(2024, 1, 15, 8, 0, 0);
        List<Path> files = new ArrayList<>();
        for (Future<Path> f : inParallel(threads, originals, i -> {
            BufferedImage image = chart(i);
            String time = start.plusSeconds(97L * i).format(NAME_TIME);
            return i % 3 == 2
                    ? TestImages.write(dir, time + "_img" + i + ".jpg", TestImages.jpeg(image, 0.85f))
                    : TestImages.write(dir, time + "_img" + i + ".png", TestImages.png(image));
        })) {
            files.add(f.get());
        }
        for (int i = 0; files.size() < count; i += 2) {
            Path original = files.get(i);
            String name = original.getFileName().toString();
            LocalDateTime time = LocalDateTime.parse(name.substring(0, 19), NAME_TIME).plusSeconds(60);
            files.add(Files.copy(original, dir.resolve(time.format(NAME_TIME) + "_again" + name.substring(19))));
        }
        return files;
    }

    /** A 1280×720 screenshot of a price chart, as the channels DiscordPicExtract was written for post them. */
    private static BufferedImage chart(int seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0x131722));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(0x2a2e39));
            for (int x = 0; x < WIDTH; x += 80) g.drawLine(x, 0, x, HEIGHT);
            for (int y = 0; y < HEIGHT; y += 60) g.drawLine(0, y, WIDTH, y);
            double price = HEIGHT / 2.0;
            for (int x = 20; x < WIDTH - 20; x += 8) {
                double open = price;
                price = Math.max(40, Math.min(HEIGHT - 40, price + random.nextGaussian() * 12));
                int top = (int) Math.min(open, price);
                int bottom = (int) Math.max(open, price);
                g.setColor(price < open ? new Color(0x26a69a) : new Color(0xef5350));
                g.drawLine(x + 2, top - random.nextInt(10), x + 2, bottom + random.nextInt(10));
                g.fillRect(x, top, 5, Math.max(1, bottom - top));
            }
            g.setColor(Color.WHITE);
            g.drawString("SPX " + seed, 30, 30);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Decodes every file as dedupe does (first frame, metadata ignored), and drops the pixels. */
    private static Void decodeAll(List<Path> files, int threads) throws Exception {
        for (Future<Integer> f : inParallel(threads, files.size(), i -> {
            try (ImageInputStream in = ImageIO.createImageInputStream(files.get(i).toFile())) {
                ImageReader reader = ImageIO.getImageReaders(in).next();
                try {
                    reader.setInput(in, true, true);
                    return reader.read(0).getWidth();
                } finally {
                    reader.dispose();
                }
            }
        })) {
            f.get();
        }
        return null;
    }

    /** The best wall and CPU time of the rounds measured. */
    private static final class Timing {
        private static final OperatingSystemMXBean OS =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private double wall = Double.MAX_VALUE;
        private double cpu = Double.MAX_VALUE;

        <T> T measure(Callable<T> task) throws Exception {
            long cpuStart = OS.getProcessCpuTime();
            long start = System.nanoTime();
            T result = task.call();
            wall = Math.min(wall, seconds(start));
            cpu = Math.min(cpu, (OS.getProcessCpuTime() - cpuStart) / 1e9);
            return result;
        }

        void print(String what, int images) {
            System.out.printf(Locale.ROOT, "%-32s %6.2f s wall  %7.1f images/s  %5.2f ms CPU/image%n", what + ":",
                    wall, images / wall, cpu * 1000 / images);
        }
    }

    private interface Task<T> {
        T run(int index) throws Exception;
    }

    private static <T> List<Future<T>> inParallel(int threads, int count, Task<T> task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                calls.add(() -> task.run(index));
            }
            return pool.invokeAll(calls);
        } finally {
            pool.shutdown();
        }
    }

    private static long bytes(List<Path> files) throws IOException {
        long total = 0;
        for (Path p : files) total += Files.size(p);
        return total;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}

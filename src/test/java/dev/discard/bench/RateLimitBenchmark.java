package dev.discard.bench;

import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import dev.discard.archive.Mode;
import dev.discard.archive.RunResult;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How much of Discord's rate-limit allowance a guild run uses, and how many 429s it provokes: 10 channels behind
 * per-channel buckets of 5 requests per second and a global limit of 50 per second, archived with 1, 4 (the default)
 * and 10 channels at once. Prints a table; not a test. Arguments: messages per channel (default 1000).
 */
public final class RateLimitBenchmark {
    private static final int CHANNELS = 10;
    private static final int PER_BUCKET = 5;
    private static final int GLOBAL = 50;

    private RateLimitBenchmark() {}

    public static void main(String... args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        System.out.printf("Rate-limited guild run: %d channels of %d messages, buckets %d/s per channel, global %d/s%n",
                CHANNELS, messages, PER_BUCKET, GLOBAL);
        System.out.printf("%-12s %9s %9s %10s %12s %14s %8s%n", "concurrency", "requests", "seconds", "req/s",
                "of 50/s", "of c x 5/s", "429s");
        for (int concurrency : new int[] {1, 4, 10}) {
            measure(concurrency, messages);
        }
    }

    private static void measure(int concurrency, int messages) throws Exception {
        try (FakeDiscord discord = server(messages).start()) {
            Path out = Files.createTempDirectory("discard-ratebench");
            ArchiveSettings settings = ArchiveSettings.builder(Mode.GUILD, Fixtures.TOKEN, out)
                    .ids(List.of(Fixtures.GUILD_ID)).apiUrl(discord.apiUrl()).noGateway(true)
                    .concurrency(concurrency).build();
            long start = System.nanoTime();
            RunResult result = ArchiveRun.builder(settings).build().run();
            double seconds = (System.nanoTime() - start) / 1e9;
            int requests = discord.requests().size();
            double rate = requests / seconds;
            double usable = Math.min(GLOBAL, Math.min(concurrency, CHANNELS) * PER_BUCKET);
            System.out.printf("%-12d %9d %9.2f %10.1f %11.0f%% %13.0f%% %7.2f%%%n", concurrency, requests, seconds,
                    rate, 100 * rate / GLOBAL, 100 * rate / usable, 100.0 * discord.tooManyRequests() / requests);
            if (result.messages() != (long) CHANNELS * messages) {
                throw new IllegalStateException("expected " + CHANNELS * messages + " messages but archived "
                        + result.messages());
            }
        }
    }

    static FakeDiscord server(int messages) {
        return Fixtures.rateLimitedGuild(CHANNELS, messages);
    }
}

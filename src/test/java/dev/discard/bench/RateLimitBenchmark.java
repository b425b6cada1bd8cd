package dev.discard.bench;

import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import dev.discard.archive.Mode;
import dev.discard.archive.RunResult;
import dev.discard.fake.FakeChannel;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.FakeGuild;
import dev.discard.fake.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much of Discord's request budget a run uses, in-process against the fake with Discord's limits: buckets of 5
 * requests per second per channel route and a global limit of 50 per second, a 429 with {@code retry_after} past
 * either. Three runs with the default, automatic concurrency: a big guild (many channels), a big forum (many archived
 * threads of 3 messages) and a small guild (4 channels, whose bound is its busiest bucket). For each: requests, 429s,
 * seconds, the share of the 50/s budget used over the whole run, requests per archived message, and the run's time
 * next to the least time the limits allow (its requests ÷ 50/s; for the small guild, its busiest bucket's requests ÷
 * 5/s). The fake plays Discord, which honours the history page limit. Prints Markdown rows; not a test.
 *
 * <p>Sizes are system properties: {@code bench.guildChannels} (100), {@code bench.guildMessages} (1,000 per channel;
 * the figure is 2,000), {@code bench.forumThreads} (1,000; the is 2,000), {@code bench.smallMessages}
 * (2,000 per channel of the small guild).
 */
public final class RateLimitBenchmark {
    static final int BUCKET_PER_SECOND = 5;
    static final int GLOBAL_PER_SECOND = 50;
    private static final long FORUM = 910000000000000001L;

    private RateLimitBenchmark() {}

    public static void main(String... args) throws Exception {
        for (String row : rows()) System.out.println(row);
    }

    /** The header and one row per run, as Markdown. */
    static List<String> rows() throws Exception {
        int guildChannels = Integer.getInteger("bench.guildChannels", 100);
        int guildMessages = Integer.getInteger("bench.guildMessages", 1_000);
        int forumThreads = Integer.getInteger("bench.forumThreads", 1_000);
        int smallMessages = Integer.getInteger("bench.smallMessages", 2_000);
        List<String> rows = new ArrayList<>();
        rows.add("| run | requests | 429s | seconds | requests/s | of 50/s | requests per message | least time | time ÷ least |");
        rows.add("|---|---|---|---|---|---|---|---|---|");
        rows.add(measure(String.format(Locale.ROOT, "guild, %,d channels × %,d messages", guildChannels, guildMessages),
                Fixtures.rateLimitedGuild(guildChannels, guildMessages), (long) guildChannels * guildMessages, false));
        rows.add(measure(String.format(Locale.ROOT, "forum, %,d archived threads × 3 messages", forumThreads),
                forum(forumThreads), 3L * forumThreads, false));
        rows.add(measure(String.format(Locale.ROOT, "guild, 4 channels × %,d messages", smallMessages),
                Fixtures.rateLimitedGuild(4, smallMessages), 4L * smallMessages, true));
        return rows;
    }

    /**
     * @param bucketBound whether the least time is the busiest bucket's (few channels) rather than the global limit's
     */
    private static String measure(String name, FakeDiscord server, long expected, boolean bucketBound)
            throws Exception {
        // The fake's global window counts the previous run's last requests for up to a second, as Discord's would.
        Thread.sleep(1_100);
        try (FakeDiscord discord = server.start()) {
            Path out = Files.createTempDirectory("discard-ratebench");
            ArchiveSettings settings = ArchiveSettings.builder(Mode.GUILD, Fixtures.TOKEN, out)
                    .ids(List.of(Fixtures.GUILD_ID)).apiUrl(discord.apiUrl()).noGateway(true).build();
            long start = System.nanoTime();
            RunResult result = ArchiveRun.builder(settings).honoursPageLimit(true).build().run();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (result.messages() != expected) {
                throw new IllegalStateException(name + ": expected " + expected + " messages but archived "
                        + result.messages());
            }
            int requests = discord.requests().size();
            double least = bucketBound ? busiestBucket(discord) / (double) BUCKET_PER_SECOND
                    : requests / (double) GLOBAL_PER_SECOND;
            double rate = requests / seconds;
            return String.format(Locale.ROOT, "| %s | %,d | %d (%.2f %%) | %.1f | %.1f | %.0f %% | %.4f | %.1f s%s | %.2f× |",
                    name, requests, discord.tooManyRequests(), 100.0 * discord.tooManyRequests() / requests, seconds,
                    rate, 100 * rate / GLOBAL_PER_SECOND, requests / (double) expected, least,
                    bucketBound ? " (busiest bucket)" : "", seconds / least);
        }
    }

    /** The most requests one channel's history bucket answered. */
    private static long busiestBucket(FakeDiscord discord) {
        return discord.paths().stream().filter(p -> p.endsWith("/messages"))
                .collect(Collectors.groupingBy(p -> p, Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** A guild whose one forum holds {@code threads} archived threads of 3 messages, with Discord's limits. */
    static FakeDiscord forum(int threads) {
        FakeDiscord discord = new FakeDiscord(Fixtures.TOKEN, false, Fixtures.selfUser(false));
        FakeGuild guild = discord.guild(Fixtures.GUILD_ID, "Forum benchmark", Fixtures.OWNER_ID);
        guild.addRole(Fixtures.GUILD_ID, "@everyone", Fixtures.VIEW_CHANNEL | Fixtures.READ_MESSAGE_HISTORY);
        guild.addMember(discord.self());
        FakeChannel forum = discord.channel(guild, FORUM, 15, "forum", null);
        Instant start = Instant.parse("2022-01-01T00:00:00Z");
        for (int i = 0; i < threads; i++) {
            Instant created = start.plusSeconds(60L * i);
            FakeChannel thread = discord.channel(guild, Fixtures.snowflake(created, 0), 11, "post-" + i, null);
            discord.thread(thread, forum, Fixtures.iso(created.plusSeconds(30)), Fixtures.iso(created));
            Fixtures.fill(discord, thread, discord.self(), created.plusSeconds(1), 3);
        }
        discord.rateLimits().set(BUCKET_PER_SECOND, 1000, GLOBAL_PER_SECOND);
        return discord.announce(guild);
    }
}

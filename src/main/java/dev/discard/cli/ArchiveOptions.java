package dev.discard.cli;

import dev.discard.archive.ArchiveSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of the archive commands only ({@code discard}, {@code channel}, {@code guild}, {@code dm},
 * {@code profile}): where and how the run directory is written. Mixed in beside {@link ConnectionOptions} and merged
 * the same way.
 */
public final class ArchiveOptions {
    @Option(order = 30, names = {"-o", "--output-dir"}, paramLabel = "DIRECTORY", description = "Output directory, out/ by default.")
    Path outputDir;

    @Option(order = 60, names = "--no-scrub", description = "Do not scrub the token from logged data.")
    boolean noScrub;

    @Option(order = 70, names = "--gzip", description = "Save logs compressed with gzip.")
    boolean gzip;

    @Option(order = 90, names = "--no-gateway",
            description = "Archive over REST only, without a gateway session (for servers without one).")
    boolean noGateway;

    @Option(order = 100, names = "--concurrency", paramLabel = "N",
            description = "Channels and threads archived at the same time at most; by default as many as the rate"
                    + " limits keep busy (up to " + ArchiveSettings.MAX_CONCURRENCY + ").")
    Integer concurrency;

    @Option(order = 110, names = "--max-rate", paramLabel = "N",
            description = "Requests per second at most, all channels together; " + ArchiveSettings.DEFAULT_MAX_RATE
                    + " by default (Discord's global limit), " + ArchiveSettings.DEFAULT_USER_MAX_RATE
                    + " with -U (accounts get suspended for automated use); 0 for none, for servers without it.")
    Integer maxRate;

    @Option(order = 120, names = "--incremental",
            description = "Start each channel after the newest message that earlier completed runs in the output"
                    + " directory hold (for daily backups); new channels are archived in full.")
    boolean incremental;

    @Option(order = 130, names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue an interrupted run in place, with its own settings (give no command):"
                    + " finished channels are skipped, the others go on in new log parts.")
    Path resume;

    @Option(order = 140, names = "--media",
            description = "Also download the media: attachments, embedded images and videos, avatars, emojis, "
                    + "stickers, guild icons; into <output-dir>/media/, listed in media.jsonl.")
    boolean media;

    @Option(order = 150, names = "--members",
            description = "Also record each guild's member list (needs the SERVER MEMBERS intent for bots).")
    boolean members;

    @Option(order = 155, names = "--follow",
            description = "After the range, stay connected and record what happens (messages created, edited and"
                    + " deleted, reactions, channels, threads, the guild) until stopped; see docs/following.md.")
    boolean follow;

    @Option(order = 156, names = "--rotate", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --follow: start a new run directory every DURATION (1d by default; 6h, 30m, 10s).")
    java.time.Duration rotate;

    @Option(order = 160, names = "--cdn-url", paramLabel = "URL",
            description = "With --media: the CDN that avatars, emojis, guild icons and stickers named by id come"
                    + " from; Discord's by default: https://cdn.discordapp.com")
    String cdnUrl;
}

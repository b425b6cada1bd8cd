package dev.discard.cli;

import dev.discard.archive.ArchiveSettings;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of the archive commands only ({@code discard}, {@code channel}, {@code guild}, {@code dm},
 * {@code profile}): where and how the run directory is written. Mixed in beside {@link ConnectionOptions}, storing
 * into the same {@link OptionValues} the same way.
 */
public final class ArchiveOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private OptionValues values() {
        return ((DiscardCommand) mixee.root().userObject()).optionValues;
    }

    @Option(order = 30, names = {"-o", "--output-dir"}, paramLabel = "DIRECTORY", description = "Output directory, out/ by default.")
    void outputDir(Path dir) {
        if (dir != null) values().outputDir = dir;
    }

    @Option(order = 60, names = "--no-scrub", description = "Do not scrub the token from logged data.")
    void noScrub(boolean noScrub) {
        if (noScrub) values().noScrub = true;
    }

    @Option(order = 70, names = "--gzip", description = "Save logs compressed with gzip.")
    void gzip(boolean gzip) {
        if (gzip) values().gzip = true;
    }

    @Option(order = 90, names = "--no-gateway",
            description = "Archive over REST only, without a gateway session (for servers without one).")
    void noGateway(boolean noGateway) {
        if (noGateway) values().noGateway = true;
    }

    @Option(order = 100, names = "--concurrency", paramLabel = "N",
            description = "Channels and threads archived at the same time at most; by default as many as the rate"
                    + " limits keep busy (up to " + ArchiveSettings.MAX_CONCURRENCY + ").")
    void concurrency(Integer concurrency) {
        if (concurrency != null) values().concurrency = concurrency;
    }

    @Option(order = 110, names = "--max-rate", paramLabel = "N",
            description = "Requests per second at most, all channels together; " + ArchiveSettings.DEFAULT_MAX_RATE
                    + " by default (Discord's global limit), " + ArchiveSettings.DEFAULT_USER_MAX_RATE
                    + " with -U (accounts get suspended for automated use); 0 for none, for servers without it.")
    void maxRate(Integer maxRate) {
        if (maxRate != null) values().maxRate = maxRate;
    }

    @Option(order = 120, names = "--incremental",
            description = "Start each channel after the newest message that earlier completed runs in the output"
                    + " directory hold (for daily backups); new channels are archived in full.")
    void incremental(boolean incremental) {
        if (incremental) values().incremental = true;
    }

    @Option(order = 130, names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue an interrupted run in place, with its own settings (give no command):"
                    + " finished channels are skipped, the others go on in new log parts.")
    void resume(Path runDir) {
        if (runDir != null) values().resume = runDir;
    }

    @Option(order = 140, names = "--media",
            description = "Also download the media: attachments, embedded images and videos, avatars, emojis, "
                    + "stickers, guild icons; into <output-dir>/media/, listed in media.jsonl.")
    void media(boolean media) {
        if (media) values().media = true;
    }

    @Option(order = 150, names = "--members",
            description = "Also record each guild's member list (needs the SERVER MEMBERS intent for bots).")
    void members(boolean members) {
        if (members) values().members = true;
    }

    @Option(order = 160, names = "--cdn-url", paramLabel = "URL",
            description = "With --media: the CDN that avatars, emojis, guild icons and stickers named by id come"
                    + " from; Discord's by default: https://cdn.discordapp.com")
    void cdnUrl(String url) {
        if (url != null) values().cdnUrl = url;
    }
}

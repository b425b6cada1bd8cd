package dev.discard.cli;

import dev.discard.archive.ArchiveSettings;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Discard's options, mixed into {@code discard} and into each archive subcommand so that they are accepted before or
 * after the subcommand. Every setter stores into the one {@link Values} of the root command; setters ignore absent
 * values, so picocli applying "no default" to the second copy never erases what the first copy received.
 */
public final class ArchiveOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private Values values() {
        return ((DiscardCommand) mixee.root().userObject()).optionValues;
    }

    @Option(order = 1, names = {"-t", "--token"}, paramLabel = "TOKEN",
            description = "Bot or user token (default: the DISCORD_TOKEN environment variable).")
    void token(String token) {
        if (token != null) values().token = token;
    }

    @Option(order = 2, names = {"-U", "--is-user-account"}, description = "Log in as a user account.")
    void userAccount(boolean user) {
        if (user) values().userAccount = true;
    }

    @Option(order = 3, names = {"-o", "--output-dir"}, paramLabel = "DIRECTORY", description = "Output directory, out/ by default.")
    void outputDir(Path dir) {
        if (dir != null) values().outputDir = dir;
    }

    @Option(order = 4, names = "--after", paramLabel = "DATETIME", converter = UtcDateTimeConverter.class,
            description = "Datetime after which to retrieve history (UTC): YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS.")
    void after(Instant after) {
        if (after != null) values().after = after;
    }

    @Option(order = 5, names = "--before", paramLabel = "DATETIME", converter = UtcDateTimeConverter.class,
            description = "Datetime before which to retrieve history (UTC): YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS.")
    void before(Instant before) {
        if (before != null) values().before = before;
    }

    @Option(order = 6, names = "--no-scrub", description = "Do not scrub the token from logged data.")
    void noScrub(boolean noScrub) {
        if (noScrub) values().noScrub = true;
    }

    @Option(order = 7, names = "--gzip", description = "Save logs compressed with gzip.")
    void gzip(boolean gzip) {
        if (gzip) values().gzip = true;
    }

    @Option(order = 8, names = "--api-url", paramLabel = "URL",
            description = "Discord API base URL, https://discord.com/api/v10 by default; any Discord-compatible server.")
    void apiUrl(String url) {
        if (url != null) values().apiUrl = url;
    }

    @Option(order = 9, names = "--no-gateway",
            description = "Archive over REST only, without a gateway session (for servers without one).")
    void noGateway(boolean noGateway) {
        if (noGateway) values().noGateway = true;
    }

    @Option(order = 10, names = "--concurrency", paramLabel = "N",
            description = "Channels archived at the same time, " + ArchiveSettings.DEFAULT_CONCURRENCY + " by default.")
    void concurrency(Integer concurrency) {
        if (concurrency != null) values().concurrency = concurrency;
    }

    @Option(order = 12, names = "--incremental",
            description = "Start each channel after the newest message that earlier completed runs in the output"
                    + " directory hold (for daily backups); new channels are archived in full.")
    void incremental(boolean incremental) {
        if (incremental) values().incremental = true;
    }

    @Option(order = 11, names = "--max-rate", paramLabel = "N",
            description = "Requests per second at most, all channels together; " + ArchiveSettings.DEFAULT_MAX_RATE
                    + " by default (Discord's global limit); 0 for none, for servers without it.")
    void maxRate(Integer maxRate) {
        if (maxRate != null) values().maxRate = maxRate;
    }

    @Option(order = 13, names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue an interrupted run in place, with its own settings (give no command):"
                    + " finished channels are skipped, the others go on in new log parts.")
    void resume(Path runDir) {
        if (runDir != null) values().resume = runDir;
    }

    @Option(order = 19, names = {"-q", "--quiet"},
            description = "Print errors only, for cron: no progress or summary.")
    void quiet(boolean quiet) {
        if (quiet) values().quiet = true;
    }

    @Option(order = 20, names = {"-v", "--verbose"}, description = "Show stack traces and debug logging.")
    void verbose(boolean verbose) {
        if (verbose) values().verbose = true;
    }

    @Option(order = 15, names = "--members",
            description = "Also record each guild's member list (needs the SERVER MEMBERS intent for bots).")
    void members(boolean members) {
        if (members) values().members = true;
    }

    @Option(order = 14, names = "--media",
            description = "Also download the media: attachments, embedded images and videos, avatars, emojis, "
                    + "stickers, guild icons; into <output-dir>/media/, listed in media.jsonl.")
    void media(boolean media) {
        if (media) values().media = true;
    }

    @Option(order = 16, names = "--cdn-url", paramLabel = "URL",
            description = "With --media: the CDN that avatars, emojis, guild icons and stickers named by id come"
                    + " from; Discord's by default: https://cdn.discordapp.com")
    void cdnUrl(String url) {
        if (url != null) values().cdnUrl = url;
    }

    /** The options as given, wherever they appeared on the command line. Null means "not given". */
    static final class Values {
        String token;
        boolean userAccount;
        Path outputDir;
        Instant after;
        Instant before;
        boolean noScrub;
        boolean gzip;
        String apiUrl;
        String cdnUrl;
        boolean verbose;
        boolean quiet;
        boolean noGateway;
        Integer concurrency;
        boolean incremental;
        Path resume;
        Integer maxRate;
        boolean media;
        boolean members;
    }
}

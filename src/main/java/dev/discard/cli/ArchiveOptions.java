package dev.discard.cli;

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

    @Option(names = {"-t", "--token"}, paramLabel = "TOKEN",
            description = "Bot or user token (default: the DISCORD_TOKEN environment variable).")
    void token(String token) {
        if (token != null) values().token = token;
    }

    @Option(names = {"-U", "--is-user-account"}, description = "Log in as a user account.")
    void userAccount(boolean user) {
        if (user) values().userAccount = true;
    }

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIRECTORY", description = "Output directory, out/ by default.")
    void outputDir(Path dir) {
        if (dir != null) values().outputDir = dir;
    }

    @Option(names = "--after", paramLabel = "DATETIME", converter = UtcDateTimeConverter.class,
            description = "Datetime after which to retrieve history (UTC): YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS.")
    void after(Instant after) {
        if (after != null) values().after = after;
    }

    @Option(names = "--before", paramLabel = "DATETIME", converter = UtcDateTimeConverter.class,
            description = "Datetime before which to retrieve history (UTC): YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS.")
    void before(Instant before) {
        if (before != null) values().before = before;
    }

    @Option(names = "--no-scrub", description = "Do not scrub the token from logged data.")
    void noScrub(boolean noScrub) {
        if (noScrub) values().noScrub = true;
    }

    @Option(names = "--gzip", description = "Save logs compressed with gzip.")
    void gzip(boolean gzip) {
        if (gzip) values().gzip = true;
    }

    @Option(names = "--api-url", paramLabel = "URL",
            description = "Discord API base URL, https://discord.com/api/v10 by default; any Discord-compatible server.")
    void apiUrl(String url) {
        if (url != null) values().apiUrl = url;
    }

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces and debug logging.")
    void verbose(boolean verbose) {
        if (verbose) values().verbose = true;
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
        boolean verbose;
    }
}

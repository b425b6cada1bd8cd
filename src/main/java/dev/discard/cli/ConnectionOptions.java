package dev.discard.cli;

import java.time.Instant;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of every command that talks to Discord (the archive commands and {@code media}): the account, the
 * time window, the server, and how much to print. Mixed into {@code discard} and into each such subcommand so that
 * they are accepted before or after it; every setter stores into the root command's one {@link OptionValues} and
 * ignores absent values, so picocli applying "no default" to the second copy never erases what the first received.
 * Help orders are tens, so a command's own options can sit between them.
 */
public final class ConnectionOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private OptionValues values() {
        return ((DiscardCommand) mixee.root().userObject()).optionValues;
    }

    @Option(order = 10, names = {"-t", "--token"}, paramLabel = "TOKEN",
            description = "Bot or user token (default: the DISCORD_TOKEN environment variable).")
    void token(String token) {
        if (token != null) values().token = token;
    }

    @Option(order = 20, names = {"-U", "--is-user-account"}, description = "Log in as a user account.")
    void userAccount(boolean user) {
        if (user) values().userAccount = true;
    }

    @Option(order = 40, names = "--after", paramLabel = "DATETIME", converter = UtcDateTimeConverter.class,
            description = "Datetime after which to retrieve history (UTC): YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS.")
    void after(Instant after) {
        if (after != null) values().after = after;
    }

    @Option(order = 50, names = "--before", paramLabel = "DATETIME", converter = UtcDateTimeConverter.class,
            description = "Datetime before which to retrieve history (UTC): YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS.")
    void before(Instant before) {
        if (before != null) values().before = before;
    }

    @Option(order = 80, names = "--api-url", paramLabel = "URL",
            description = "Discord API base URL, https://discord.com/api/v10 by default; any Discord-compatible server.")
    void apiUrl(String url) {
        if (url != null) values().apiUrl = url;
    }

    @Option(order = 190, names = {"-q", "--quiet"},
            description = "Print errors only, for cron: no progress or summary.")
    void quiet(boolean quiet) {
        if (quiet) values().quiet = true;
    }

    @Option(order = 200, names = {"-v", "--verbose"}, description = "Show stack traces and debug logging.")
    void verbose(boolean verbose) {
        if (verbose) values().verbose = true;
    }
}

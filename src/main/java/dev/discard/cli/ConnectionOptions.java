package dev.discard.cli;

import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * The options of every command that talks to Discord (the archive commands and {@code media}): the account, the
 * time window, the server, and how much to print. Mixed into {@code discard} and into each such subcommand so that
 * they are accepted before or after it; {@link SharedOptions#of} merges the copies into one value.
 * Help orders are tens, so a command's own options can sit between them.
 */
public final class ConnectionOptions {
    @Option(order = 10, names = {"-t", "--token"}, paramLabel = "TOKEN",
            description = "Bot or user token (default: the DISCORD_TOKEN environment variable).")
    String token;

    @Option(order = 20, names = {"-U", "--is-user-account"}, description = "Log in as a user account.")
    boolean userAccount;

    @Option(order = 40, names = "--after", paramLabel = "DATETIME", converter = UtcDateTimeConverter.class,
            description = "Datetime after which to retrieve history (UTC): YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS.")
    Instant after;

    @Option(order = 50, names = "--before", paramLabel = "DATETIME", converter = UtcDateTimeConverter.class,
            description = "Datetime before which to retrieve history (UTC): YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS.")
    Instant before;

    @Option(order = 80, names = "--api-url", paramLabel = "URL",
            description = "Discord API base URL, https://discord.com/api/v10 by default; any Discord-compatible server.")
    String apiUrl;

    @Option(order = 190, names = {"-q", "--quiet"},
            description = "Print errors only, for cron: no progress or summary.")
    boolean quiet;

    @Option(order = 200, names = {"-v", "--verbose"}, description = "Show stack traces and debug logging.")
    boolean verbose;
}

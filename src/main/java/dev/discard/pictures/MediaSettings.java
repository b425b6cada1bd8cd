package dev.discard.pictures;

import dev.discard.discord.Token;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@code discard media} should do, as the user asked. Immutable. The token is a {@link Token}, so printing the
 * settings does not print the secret.
 *
 * @param token the bot or user token, and whether it is a user account's; may be null only with {@code fromArchive}
 *     (expired links are then not renewed)
 * @param apiUrl the API base URL, e.g. {@code https://discord.com/api/v10}
 * @param channel a channel id or name; null with {@code fromArchive} when the run holds one channel
 * @param guild the guild name or id a channel name is looked up in, or null
 * @param days how many days back from {@code before} (or now) to look, or null for the default
 * @param after look at messages from this time on, or null
 * @param before look at messages before this time, or null
 * @param output the output folder, or null for the channel's name (made safe) in {@code workingDir}
 * @param fromArchive an archive run directory to take the messages from instead of Discord, or null
 * @param retries retries of a failed download or request
 * @param workingDir what relative paths are relative to
 */
public record MediaSettings(Token token, String apiUrl, String channel, String guild,
        Integer days, Instant after, Instant before, Path output, Path fromArchive, int retries, Path workingDir) {
    public static final int DEFAULT_DAYS = 14;
    public static final int DEFAULT_RETRIES = 3;

    public MediaSettings {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(workingDir, "workingDir");
        if (token == null && fromArchive == null) throw new IllegalArgumentException("no token");
        if (channel == null && fromArchive == null) throw new IllegalArgumentException("no channel");
        if (days != null && days < 1) throw new IllegalArgumentException("--days must be 1 or more but was " + days);
        if (days != null && after != null) throw new IllegalArgumentException("give --days or --after, not both");
        if (after != null && before != null && !after.isBefore(before)) {
            throw new IllegalArgumentException("--after must be earlier than --before");
        }
        if (retries < 0) throw new IllegalArgumentException("--retries must be 0 or more but was " + retries);
    }

    /** Whether the token is a user account's; false without a token. */
    public boolean userAccount() {
        return token != null && token.userAccount();
    }

    /** Whether the user gave any of --days, --after and --before. */
    public boolean windowGiven() {
        return days != null || after != null || before != null;
    }
}

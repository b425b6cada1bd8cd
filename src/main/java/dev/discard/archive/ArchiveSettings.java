package dev.discard.archive;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a run should do, as the user asked. Immutable.
 *
 * @param mode profile, channel or guild
 * @param ids the channel or guild ids, in the order given (empty for profile)
 * @param token the bot or user token
 * @param userAccount whether {@code token} belongs to a user account ({@code -U})
 * @param outputDir the directory that receives the run directory
 * @param after archive messages after this time, or null for the beginning
 * @param before archive messages before this time, or null for now
 * @param noScrub keep the token in what is written ({@code --no-scrub})
 * @param gzip write {@code .jsonl.gz} logs
 * @param apiUrl the API base URL, e.g. {@code https://discord.com/api/v10}
 * @param command the command line as given, for {@code run.meta.json} (scrubbed before it is written)
 * @param noGateway archive over REST only, without a gateway session ({@code --no-gateway})
 * @param media also download the media of what is archived into {@code media/} ({@code --media})
 */
public record ArchiveSettings(Mode mode, List<Long> ids, String token, boolean userAccount, Path outputDir,
        Instant after, Instant before, boolean noScrub, boolean gzip, String apiUrl, List<String> command,
        boolean noGateway, boolean media) {
    public static final String DEFAULT_API_URL = "https://discord.com/api/v10";

    public ArchiveSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(outputDir, "outputDir");
        ids = List.copyOf(ids);
        command = List.copyOf(command);
        if (apiUrl == null) apiUrl = DEFAULT_API_URL;
        if (mode != Mode.PROFILE && ids.isEmpty()) throw new IllegalArgumentException("no " + mode.wireName() + " id given");
        if (after != null && before != null && !after.isBefore(before)) {
            throw new IllegalArgumentException("--after must be earlier than --before");
        }
    }

    /** Settings without {@code --media}. */
    public ArchiveSettings(Mode mode, List<Long> ids, String token, boolean userAccount, Path outputDir,
            Instant after, Instant before, boolean noScrub, boolean gzip, String apiUrl, List<String> command,
            boolean noGateway) {
        this(mode, ids, token, userAccount, outputDir, after, before, noScrub, gzip, apiUrl, command, noGateway, false);
    }
}

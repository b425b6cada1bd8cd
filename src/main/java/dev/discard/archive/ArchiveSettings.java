package dev.discard.archive;

import dev.discard.discord.Token;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a run should do, as the user asked. Immutable; {@link #builder} makes one with the defaults of the CLI. The
 * token is a {@link Token}, so printing the settings does not print the secret.
 *
 * @param mode profile, channel or guild
 * @param ids the channel or guild ids, in the order given (empty for profile)
 * @param token the bot or user token, and whether it belongs to a user account ({@code -U})
 * @param outputDir the directory that receives the run directory
 * @param after archive messages after this time, or null for the beginning
 * @param before archive messages before this time, or null for now
 * @param noScrub keep the token in what is written ({@code --no-scrub})
 * @param gzip write {@code .jsonl.gz} logs
 * @param apiUrl the API base URL, e.g. {@code https://discord.com/api/v10}
 * @param cdnUrl where {@code --media} finds guild icons, emojis, stickers and avatars, e.g.
 *     {@code https://cdn.discordapp.com}
 * @param command the command line as given, for {@code run.meta.json} (scrubbed before it is written)
 * @param noGateway archive over REST only, without a gateway session ({@code --no-gateway})
 * @param concurrency how many channels and threads are archived at the same time at most; 0 for automatic (as many as
 *     the rate limits keep busy, up to 64)
 * @param incremental start each channel after the newest message earlier completed runs in {@code outputDir} hold
 * @param resumeDir the interrupted run directory to continue in place ({@code --resume}), or null for a new run
 * @param maxRate requests per second at most, all channels together; 0 for no limit of our own; by default
 *     Discord's global limit for bots, {@link #DEFAULT_USER_MAX_RATE} for user accounts
 * @param media also download the media of what is archived into {@code media/} ({@code --media})
 * @param members also record each guild's member list ({@code --members}; needs the GUILD_MEMBERS intent)
 * @param follow after the range, stay on the gateway and record what happens until stopped ({@code --follow})
 * @param rotate with {@code follow}, how long each run directory covers before the next one starts
 *     ({@code --rotate}); null without {@code follow}
 */
public record ArchiveSettings(Mode mode, List<Long> ids, Token token, Path outputDir,
        Instant after, Instant before, boolean noScrub, boolean gzip, String apiUrl, String cdnUrl,
        List<String> command,
        boolean noGateway, int concurrency, boolean incremental, Path resumeDir, int maxRate,
        boolean media, boolean members, boolean follow, Duration rotate) {
    public static final String DEFAULT_API_URL = "https://discord.com/api/v10";
    public static final String DEFAULT_CDN_URL = dev.discard.media.CdnUrls.DISCORD.toString();
    /** Channels at once by default: automatic, decided from the rate limits as the run goes. */
    public static final int DEFAULT_CONCURRENCY = 0;
    /** The most channels at once. */
    public static final int MAX_CONCURRENCY = 64;
    /** Requests per second at most by default: Discord's global limit for bots. */
    public static final int DEFAULT_MAX_RATE = dev.discard.discord.RateLimiter.DISCORD_GLOBAL_PER_SECOND;
    /**
     * Requests per second at most by default for user accounts ({@code -U}): an automated pace far below a bot's, as
     * accounts have been suspended for automated use; {@code --max-rate} raises it knowingly.
     */
    public static final int DEFAULT_USER_MAX_RATE = 5;

    /** The default {@code --max-rate} for a bot or a user account. */
    public static int defaultMaxRate(boolean userAccount) {
        return userAccount ? DEFAULT_USER_MAX_RATE : DEFAULT_MAX_RATE;
    }
    /** How long a {@code --follow} run directory covers by default: one day. */
    public static final Duration DEFAULT_ROTATE = Duration.ofDays(1);
    /** The shortest {@code --rotate}: each cut costs a closing pass over every followed channel. */
    public static final Duration MIN_ROTATE = Duration.ofSeconds(10);

    public ArchiveSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(outputDir, "outputDir");
        ids = List.copyOf(ids);
        command = List.copyOf(command);
        if (apiUrl == null) apiUrl = DEFAULT_API_URL;
        dev.discard.discord.DiscordRest.baseUrl(apiUrl); // an --api-url that is not http(s) is refused before any file
        okhttp3.HttpUrl cdn = okhttp3.HttpUrl.parse(cdnUrl == null ? DEFAULT_CDN_URL : cdnUrl);
        if (cdn == null) throw new IllegalArgumentException("--cdn-url: expected an http(s) URL but was " + cdnUrl);
        cdnUrl = cdn.toString();
        if ((mode == Mode.CHANNEL || mode == Mode.GUILD) && ids.isEmpty()) throw new IllegalArgumentException("no " + mode.wireName() + " id given");
        if (after != null && before != null && !after.isBefore(before)) {
            throw new IllegalArgumentException("--after must be earlier than --before");
        }
        if (concurrency < 0 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("--concurrency must be between 1 and " + MAX_CONCURRENCY + ", not "
                    + concurrency);
        }
        if (maxRate < 0) throw new IllegalArgumentException("--max-rate must be 0 (no limit) or more, not " + maxRate);
        if (mode == Mode.DM && !token.userAccount()) {
            throw new IllegalArgumentException("dm needs a user account (-U): bots cannot list their DMs");
        }
        if (incremental && mode == Mode.PROFILE) throw new IllegalArgumentException("--incremental needs channel or guild");
        if (incremental && after != null) throw new IllegalArgumentException("--incremental and --after exclude each other");
        if (follow && mode == Mode.PROFILE) throw new IllegalArgumentException("--follow needs channel, guild or dm");
        if (follow && before != null) {
            throw new IllegalArgumentException("--follow and --before exclude each other: a followed run ends when stopped");
        }
        if (follow && noGateway) throw new IllegalArgumentException("--follow needs the gateway: drop --no-gateway");
        if (!follow) {
            rotate = null;
        } else if (rotate == null) {
            rotate = DEFAULT_ROTATE;
        } else if (rotate.compareTo(MIN_ROTATE) < 0) {
            throw new IllegalArgumentException("--rotate must be at least 10s, not " + rotate.toSeconds() + "s");
        }
    }

    /** Whether the token belongs to a user account ({@code -U}). */
    public boolean userAccount() {
        return token.userAccount();
    }

    /**
     * Starts settings for a run of {@code mode} with {@code token} (a bot's unless {@link Builder#userAccount}),
     * writing its run directory into {@code outputDir}.
     */
    public static Builder builder(Mode mode, String token, Path outputDir) {
        return new Builder(mode, token, outputDir);
    }

    /**
     * Starts settings for a run of {@code mode} with {@code token}, writing its run directory into {@code outputDir}.
     */
    public static Builder builder(Mode mode, Token token, Path outputDir) {
        return new Builder(mode, token.secret(), outputDir).userAccount(token.userAccount());
    }

    /**
     * Builds settings; everything not set has the CLI's default. Each method sets the component of the same name
     * (see the parameters of {@link ArchiveSettings}).
     */
    public static final class Builder {
        private final Mode mode;
        private final String token;
        private final Path outputDir;
        private List<Long> ids = List.of();
        private boolean userAccount;
        private Instant after;
        private Instant before;
        private boolean noScrub;
        private boolean gzip;
        private String apiUrl = DEFAULT_API_URL;
        private String cdnUrl = DEFAULT_CDN_URL;
        private List<String> command = List.of();
        private boolean noGateway;
        private int concurrency = DEFAULT_CONCURRENCY;
        private boolean incremental;
        private Path resumeDir;
        /** Null until set: the default depends on the account. */
        private Integer maxRate;
        private boolean media;
        private boolean members;
        private boolean follow;
        private Duration rotate;

        private Builder(Mode mode, String token, Path outputDir) {
            this.mode = mode;
            this.token = token;
            this.outputDir = outputDir;
        }

        public Builder ids(List<Long> ids) {
            this.ids = ids;
            return this;
        }

        public Builder userAccount(boolean userAccount) {
            this.userAccount = userAccount;
            return this;
        }

        public Builder after(Instant after) {
            this.after = after;
            return this;
        }

        public Builder before(Instant before) {
            this.before = before;
            return this;
        }

        public Builder noScrub(boolean noScrub) {
            this.noScrub = noScrub;
            return this;
        }

        public Builder gzip(boolean gzip) {
            this.gzip = gzip;
            return this;
        }

        public Builder apiUrl(String apiUrl) {
            this.apiUrl = apiUrl;
            return this;
        }

        public Builder cdnUrl(String cdnUrl) {
            this.cdnUrl = cdnUrl;
            return this;
        }

        public Builder command(List<String> command) {
            this.command = command;
            return this;
        }

        public Builder noGateway(boolean noGateway) {
            this.noGateway = noGateway;
            return this;
        }

        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        public Builder incremental(boolean incremental) {
            this.incremental = incremental;
            return this;
        }

        public Builder resumeDir(Path resumeDir) {
            this.resumeDir = resumeDir;
            return this;
        }

        public Builder members(boolean members) {
            this.members = members;
            return this;
        }

        public Builder follow(boolean follow) {
            this.follow = follow;
            return this;
        }

        /** Null for {@link #DEFAULT_ROTATE}. */
        public Builder rotate(Duration rotate) {
            this.rotate = rotate;
            return this;
        }

        public Builder media(boolean media) {
            this.media = media;
            return this;
        }

        public Builder maxRate(int maxRate) {
            this.maxRate = maxRate;
            return this;
        }

        /**
         * @throws IllegalArgumentException when the values contradict each other (e.g. --after not before --before)
         *     or the token is blank
         */
        public ArchiveSettings build() {
            Objects.requireNonNull(token, "token");
            return new ArchiveSettings(mode, ids, new Token(token, userAccount), outputDir, after, before, noScrub,
                    gzip, apiUrl, cdnUrl, command, noGateway, concurrency, incremental, resumeDir,
                    maxRate != null ? maxRate : defaultMaxRate(userAccount), media, members, follow, rotate);
        }
    }
}

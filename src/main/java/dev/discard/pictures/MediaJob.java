package dev.discard.pictures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.discord.ConnectionConfig;
import dev.discard.discord.DiscordApiException;
import dev.discard.discord.DiscordRest;
import dev.discard.discord.ExchangeSink;
import dev.discard.discord.HttpExchange;
import dev.discard.discord.MessagePages;
import dev.discard.discord.PageMessage;
import dev.discard.discord.RetryPolicy;
import dev.discard.discord.WsFrame;
import dev.discard.format.ClientInfo;
import dev.discard.format.Json;
import dev.discard.format.Scrubber;
import dev.discard.format.Snowflake;
import dev.discard.media.Downloader;
import dev.discard.media.MediaFetcher;
import dev.discard.media.SafeNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * One {@code discard media} run, DiscordPicExtract's job: finds the channel, walks its messages in the window (from
 * Discord, or from an archive run directory), and downloads every image into the output folder (see
 * {@link ImageExtractor}). Requests to Discord are not recorded: this is a download, not an archive.
 */
public final class MediaJob {
    private static final ExchangeSink UNRECORDED = new ExchangeSink() {
        @Override
        public void http(HttpExchange exchange) {}

        @Override
        public void ws(WsFrame frame) {}
    };

    private final MediaSettings settings;
    private final ConnectionConfig connection;
    private final OkHttpClient http;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ExtractListener listener;
    private final String clientUrl;
    private final String clientVersion;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Thread thread;

    private MediaJob(Builder b) {
        this.settings = b.settings;
        // --retries, with the shorter backoff of a download job.
        this.connection = b.connection.withRetry(new RetryPolicy(settings.retries(),
                b.connection.retry().max429Retries(), Duration.ofSeconds(1), Duration.ofSeconds(30)));
        this.http = connection.http();
        this.mapper = b.mapper;
        this.clock = connection.clock();
        this.listener = b.listener;
        this.clientUrl = b.clientUrl;
        this.clientVersion = b.clientVersion;
    }

    public static Builder builder(MediaSettings settings) {
        return new Builder(settings);
    }

    /**
     * Runs to the end. Images that fail are counted in the summary and reported to the listener; the run goes on.
     *
     * @throws MediaException when the run cannot go on (token refused, channel not found, output not writable)
     * @throws IllegalArgumentException when the settings do not say what to do (a channel name without a guild)
     */
    public ExtractSummary run() throws IOException, InterruptedException {
        thread = Thread.currentThread();
        try {
            return runOnce();
        } catch (DiscordApiException e) {
            if (e.tokenRefused()) throw new MediaException(DiscordApiException.tokenRefusedAdvice(settings.userAccount()), e);
            throw new MediaException(e.getMessage(), e);
        } finally {
            finished.countDown();
        }
    }

    /** Stops a running job from another thread (a shutdown hook) and waits until its temporary file is gone. */
    public void interrupt(long timeoutMillis) throws InterruptedException {
        Thread running = thread;
        if (running == null) return;
        http.dispatcher().cancelAll();
        running.interrupt();
        finished.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private ExtractSummary runOnce() throws IOException, InterruptedException {
        DiscordRest rest = settings.token() == null ? null : DiscordRest.builder(connection, apiUrl(), settings.token())
                .client(clientUrl, clientVersion).mapper(mapper).build();
        Downloader downloader = new Downloader(connection, userAgent());
        MediaFetcher fetcher = new MediaFetcher(downloader, rest);
        Scrubber scrubber = settings.token() == null ? Scrubber.of(null, false) : settings.token().scrubber(false);
        long afterId = afterId();
        long beforeId = beforeId();
        if (settings.fromArchive() != null) {
            ArchivedMessages archive = new ArchivedMessages(mapper);
            ArchivedMessages.ChannelLog log = pick(archive, archive.channels(resolve(settings.fromArchive())));
            Path dir = outputDir(log.name() != null ? log.name() : Long.toString(log.channelId()));
            ImageExtractor extractor = new ImageExtractor(fetcher, dir, scrubber::scrub, listener);
            archive.read(log, afterId, beforeId, page -> extractor.page(log.channelId(), page, UNRECORDED));
            return extractor.summary(log.channelId(), log.name());
        }
        JsonNode channel = new ChannelLookup(rest, UNRECORDED).find(settings.channel().strip(),
                settings.guild() == null ? null : settings.guild().strip());
        long channelId = Snowflake.of(channel, "id");
        String name = channel.path("name").isTextual() ? channel.path("name").textValue() : null;
        Path dir = outputDir(name != null ? name : Long.toString(channelId));
        ImageExtractor extractor = new ImageExtractor(fetcher, dir, scrubber::scrub, listener);
        new MessagePages(rest, mapper).walk(channelId, afterId, beforeId, UNRECORDED,
                page -> extractor.page(channelId, PageMessage.trees(page), UNRECORDED));
        return extractor.summary(channelId, name);
    }

    /**
     * The window's start as the id to page after. Whole seconds, one below the second's first id, so that a second is
     * never split between a run and the next (which would change the numbering of same-named images in it).
     */
    private long afterId() {
        Instant after = settings.after();
        if (after == null) {
            if (settings.fromArchive() != null && !settings.windowGiven()) return 0;
            Instant end = settings.before() != null ? settings.before() : clock.instant();
            int days = settings.days() != null ? settings.days() : MediaSettings.DEFAULT_DAYS;
            after = end.minus(days, ChronoUnit.DAYS);
        }
        long id = Snowflake.of(after.truncatedTo(ChronoUnit.SECONDS));
        return id == 0 ? 0 : id - 1;
    }

    private long beforeId() {
        Instant before = settings.before();
        return before == null ? Snowflake.MAX : Snowflake.of(before.truncatedTo(ChronoUnit.SECONDS));
    }

    private ArchivedMessages.ChannelLog pick(ArchivedMessages archive, List<ArchivedMessages.ChannelLog> logs)
            throws MediaException {
        String wanted = settings.channel() == null ? null : settings.channel().strip();
        if (logs.isEmpty()) throw new MediaException("no channel logs in " + settings.fromArchive());
        if (wanted == null) {
            if (logs.size() == 1) return logs.get(0);
            throw new IllegalArgumentException("the archive holds " + logs.size() + " channels; name one: "
                    + String.join(", ", logs.stream().map(ArchivedMessages.ChannelLog::describe).toList()));
        }
        String name = wanted.startsWith("#") ? wanted.substring(1) : wanted;
        List<ArchivedMessages.ChannelLog> found = logs.stream()
                .filter(l -> Long.toString(l.channelId()).equals(wanted) || name.equalsIgnoreCase(l.name())).toList();
        if (found.size() == 1) return found.get(0);
        throw new MediaException((found.isEmpty() ? "no channel '" : "several channels '") + wanted + "' in "
                + settings.fromArchive() + "; it holds: "
                + String.join(", ", (found.isEmpty() ? logs : found).stream()
                        .map(ArchivedMessages.ChannelLog::describe).toList()));
    }

    private Path outputDir(String channelName) throws MediaException {
        Path dir = settings.output() != null ? resolve(settings.output())
                : resolve(Path.of(SafeNames.of(channelName, "channel").full()));
        try {
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new MediaException("cannot create the output folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path resolve(Path path) {
        return settings.workingDir().resolve(path).normalize();
    }

    private HttpUrl apiUrl() {
        return DiscordRest.baseUrl(settings.apiUrl());
    }

    private String userAgent() {
        return "discard/" + clientVersion + " (+" + clientUrl + ")";
    }

    /** Configures a job; everything but the settings has a production default. */
    public static final class Builder {
        private final MediaSettings settings;
        private ConnectionConfig connection;
        private ObjectMapper mapper = Json.newMapper();
        private ExtractListener listener = ExtractListener.NONE;
        private String clientUrl = ClientInfo.URL;
        private String clientVersion = ClientInfo.VERSION;

        private Builder(MediaSettings settings) {
            this.settings = settings;
        }

        /**
         * The HTTP client to derive from (proxies, timeouts), what "now" is for {@code --days}, and the waits and
         * jitter of retries and rate limits; {@link ConnectionConfig#defaults()} otherwise. Its retry policy gives
         * only the 429 retries: the others and the backoff follow the settings' retries.
         */
        public Builder connection(ConnectionConfig connection) {
            this.connection = connection;
            return this;
        }

        public Builder mapper(ObjectMapper mapper) {
            this.mapper = mapper;
            return this;
        }

        public Builder listener(ExtractListener listener) {
            this.listener = listener;
            return this;
        }

        /** What goes into the User-Agent of requests to Discord and of downloads. */
        public Builder client(String url, String version) {
            this.clientUrl = url;
            this.clientVersion = version;
            return this;
        }

        public MediaJob build() {
            if (connection == null) connection = ConnectionConfig.defaults();
            return new MediaJob(this);
        }
    }
}

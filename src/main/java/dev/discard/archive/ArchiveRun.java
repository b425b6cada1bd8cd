package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.discord.ConnectionConfig;
import dev.discard.discord.DiscordRest;
import dev.discard.discord.HistoryPageSize;
import dev.discard.discord.InvalidRequestGuard;
import dev.discard.discord.RateLimiter;
import dev.discard.discord.Token;
import dev.discard.discord.gateway.ReconnectPolicy;
import dev.discard.format.ClientInfo;
import dev.discard.format.Json;
import dev.discard.format.OutputFiles;
import dev.discard.format.RunFiles;
import dev.discard.format.RunLock;
import dev.discard.format.Scrubber;
import dev.discard.format.WriteFailedException;
import dev.discard.media.CdnUrls;
import dev.discard.media.Downloader;
import dev.discard.media.MediaArchiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One archival run: creates the run directory, writes {@code run.meta.json} at the start, logs in, archives what the
 * settings ask for, and rewrites the meta file at the end however the run ends: completed, failed, or interrupted
 * through {@link #interrupt}. Guild and channel failures do not end the run; they are listed in the result.
 */
public final class ArchiveRun {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveRun.class);
    private static final String IDENT_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** A copy of the builder this run was made with: its configuration, and the start of {@link #newBuilder()}. */
    private final Builder configuration;
    private final ArchiveSettings settings;
    private final ConnectionConfig connection;
    private final OkHttpClient http;
    private final Clock clock;
    private final Supplier<String> ident;
    private final ArchiveListener listener;
    private final ReconnectPolicy reconnect;
    private final java.util.function.Function<java.util.concurrent.ThreadFactory,
            java.util.concurrent.ScheduledThreadPoolExecutor> gatewayScheduler;
    private final int invalidRequestLimit;
    /** Whether the server honours the history page limit; null: Discord's hosts do, others are learned. */
    private final Boolean honoursPageLimit;
    private final OutputFiles files;
    private final java.util.function.Consumer<ArchiveRun> onRunning;
    private final ObjectMapper mapper = Json.newMapper();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Thread runThread;
    private volatile String interruption;
    /** The live part of a --follow run; null before it exists and without --follow. */
    private volatile Follower follower;
    /** The run's run.log while it runs. Run thread only. */
    private RunLog runLog;
    /** The run directory's lock while the run runs. Run thread only. */
    private RunLock runLock;

    private ArchiveRun(Builder b) {
        this.configuration = b.copy();
        this.settings = b.settings;
        this.connection = b.connection;
        this.http = connection.http();
        this.clock = connection.clock();
        this.ident = b.ident;
        this.listener = b.listener;
        this.reconnect = b.reconnect;
        this.gatewayScheduler = b.gatewayScheduler;
        this.invalidRequestLimit = b.invalidRequestLimit;
        this.files = b.files;
        this.honoursPageLimit = b.honoursPageLimit;
        this.onRunning = b.onRunning;
    }

    /** Starts configuring a run of {@code settings}; {@link Builder#build()} makes it. */
    public static Builder builder(ArchiveSettings settings) {
        return new Builder(settings);
    }

    /** A builder holding this run's configuration, to make a changed copy (another listener, say). */
    public Builder newBuilder() {
        return configuration.copy();
    }

    /**
     * Runs to the end. Returns normally when the run completed, even if some guilds or channels failed
     * ({@link RunResult#failures()}).
     *
     * @throws RunFailedException when the run as a whole failed or was interrupted; the meta file says which
     */
    public RunResult run() throws RunFailedException {
        runThread = Thread.currentThread();
        onRunning.accept(this);
        try {
            RunResult result = runOnce();
            listener.runFinished(result);
            return result;
        } finally {
            if (runLog != null) runLog.close();
            runLog = null;
            releaseLock();
            finished.countDown();
        }
    }

    /**
     * Stops a running run from another thread (a shutdown hook): cancels the requests in flight and waits, at most
     * {@code timeoutMillis}, until every log is finished and every meta file says the run was interrupted.
     */
    public void interrupt(String reason, long timeoutMillis) throws InterruptedException {
        Thread thread = runThread;
        if (thread == null) return;
        Follower following = follower;
        if (following != null && following.stop(reason)) {
            // A following run stops as it would at a rotation: a closing pass, then completed, not interrupted.
            finished.await(timeoutMillis, TimeUnit.MILLISECONDS);
            return;
        }
        interruption = reason;
        http.dispatcher().cancelAll();
        thread.interrupt();
        finished.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Waits until a {@code --follow} run has archived its range and follows the gateway, up to {@code timeout}.
     * Returns false when it did not (yet), and at once for a run without --follow.
     */
    public boolean awaitFollowing(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (follower == null) {
            if (!settings.follow() || finished.getCount() == 0 || System.nanoTime() > deadline) return false;
            if (finished.await(10, TimeUnit.MILLISECONDS)) return false;
        }
        return follower.awaitFollowing(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private RunResult runOnce() throws RunFailedException {
        java.time.Instant start = clock.instant();
        String runIdent = ident.get();
        Range range = new Range(settings.after(), settings.before());
        boolean resuming = settings.resumeDir() != null;
        RunOpening.Opened opened = RunOpening.open(settings, start, runIdent, range, mapper);
        RunLayout layout = opened.layout();
        runLock = opened.lock();
        JsonNode previous = opened.previous();
        runIdent = opened.ident();
        ResumeState resume = opened.resume();
        Token token = settings.token();
        Scrubber scrubber = token.scrubber(settings.noScrub());
        runLog = openRunLog(layout, token);
        RunCounters counters = new RunCounters();
        MetaWriter metaWriter = new MetaWriter(mapper, scrubber, files);
        RunMeta meta = new RunMeta(mapper, settings, scrubber, start, layout.name(), runIdent, counters, previous);
        RateLimiter limiter = new RateLimiter(connection.sleeper(), connection.nanoTime(), settings.maxRate());
        DiscordRest rest = DiscordRest.builder(connection, apiUrl(), token).mapper(mapper).rateLimiter(limiter)
                .invalidRequestGuard(new InvalidRequestGuard(invalidRequestLimit, connection.nanoTime()))
                .historyPageSize(honoursPageLimit == null ? null
                        : honoursPageLimit ? HistoryPageSize.honoursLimit() : HistoryPageSize.learned())
                .build();
        MediaArchiver media;
        try {
            media = settings.media() ? openMedia(layout.root(), resuming, rest, scrubber) : null;
        } catch (IOException e) {
            throw new RunFailedException("cannot create " + MediaArchiver.MANIFEST + " in " + layout.root() + ": "
                    + e.getMessage(), layout.root(), e);
        }
        try {
            metaWriter.write(layout.metaFile(RunFiles.RUN_LOG), meta.toJson(), resuming);
        } catch (IOException | UncheckedIOException e) {
            throw new RunFailedException(e instanceof WriteFailedException ? e.getMessage()
                    : "cannot write run.meta.json in " + layout.root() + ": " + e.getMessage(), layout.root(), e);
        }
        ArchiveContext context = new ArchiveContext(rest, mapper, layout,
                new RecordEncoder(mapper.getFactory(), scrubber), metaWriter, counters, range, listener,
                new ChannelPool(concurrency(limiter)), incrementalStarts(), resume, resuming, media,
                settings.follow() ? settings.mode() : null, settings.ids());
        listener.runStarted(layout.root());
        RunFailedException failure = null;
        ExchangeLog runJsonl = null;
        RunPeriod first = new RunPeriod(layout, meta, context, null);
        try {
            runJsonl = context.openLog(RunFiles.RUN_LOG);
            SwitchingSink sessionSink = new SwitchingSink(runJsonl);
            FollowPeriods periods = null;
            if (context.followed != null) {
                first = new RunPeriod(layout, meta, context, runJsonl);
                periods = new FollowPeriods(new FollowPeriods.Shared(settings, context, ident, metaWriter, clock,
                        media == null ? null : root -> openMedia(root, false, rest, scrubber)));
                follower = new Follower(first, periods, settings.rotate(), sessionSink, clock);
            }
            new RunSession(settings, http, mapper, clock, connection.random(), reconnect, gatewayScheduler).run(context, meta, runJsonl, follower,
                    periods, sessionSink);
            current(first).meta().completed(clock.instant());
        } catch (InterruptedException e) {
            String reason = interruption != null ? interruption : "interrupted";
            RunPeriod last = current(first);
            last.meta().interrupted(clock.instant(), reason);
            failure = new RunFailedException("run interrupted (" + reason + "); " + last.layout().root()
                    + " holds what was archived until then; continue with: " + resumeCommand(last.layout().root()),
                    last.layout().root(), e);
        } catch (Exception e) {
            WriteFailedException write = WriteFailedException.in(e);
            RunPeriod last = current(first);
            Path root = last.layout().root();
            if (interruption != null) {
                last.meta().interrupted(clock.instant(), interruption);
                failure = new RunFailedException("run interrupted (" + interruption + "); continue with: "
                        + resumeCommand(root), root, e);
            } else if (write != null) {
                last.meta().failed(clock.instant(), write, RunEnding.trace(e));
                failure = new RunFailedException(scrubber.scrub(write.getMessage() + "; once it can be written"
                        + " (free some space), continue with: " + resumeCommand(root)), root, e);
            } else {
                last.meta().failed(clock.instant(), e, RunEnding.trace(e));
                failure = new RunFailedException(scrubber.scrub(RunEnding.message(e, token)), root, e);
            }
        } finally {
            RunPeriod last = current(first);
            failure = finishLogs(last, runJsonl, failure);
            last.context().notes.all().forEach(last.meta()::warning);
            // A rotated follow run closed each earlier period's media.jsonl at its cut; the last one's ends here.
            if (last.context().media != null) RunEnding.closeMedia(last.context().media, last.meta());
            try {
                metaWriter.replace(last.layout().metaFile(RunFiles.RUN_LOG), last.meta().toJson());
            } catch (IOException | UncheckedIOException e) {
                if (failure == null) {
                    failure = new RunFailedException("cannot write run.meta.json: " + e.getMessage(),
                            last.layout().root(), e);
                }
            }
        }
        meta = current(first).meta();
        layout = current(first).layout();
        counters = current(first).context().counters;
        if (failure != null) {
            LOG.info("run ended: {}", failure.getMessage());
            throw failure;
        }
        LOG.info("run completed: {} messages from {} channels, {} requests, {} answered 429, {} failures",
                counters.messages.sum(), counters.channels.sum(), counters.httpRequests.sum(),
                counters.rateLimited.sum(), meta.failures().size());
        return new RunResult(layout.root(), meta.user(), meta.failures(), counters.messages.sum(),
                counters.channels.sum(), counters.channelsFailed.sum(), counters.httpRequests.sum(),
                counters.rateLimited.sum());
    }

    /** The period the run is in: the first, or with --follow --rotate the one its follower is in. */
    private RunPeriod current(RunPeriod first) {
        Follower following = follower;
        return following != null ? following.period() : first;
    }

    /**
     * Finishes the last period's logs: the ones a follow holds open, or run.jsonl. A failure to finish them fails the
     * run unless it failed already.
     */
    private RunFailedException finishLogs(RunPeriod last, ExchangeLog runJsonl, RunFailedException failure) {
        try {
            if (last.context().followLogs != null) {
                last.context().followLogs.releaseAll();
            } else if (runJsonl != null) {
                runJsonl.close();
            }
        } catch (IOException | UncheckedIOException e) {
            if (failure == null) {
                last.meta().failed(clock.instant(), e, RunEnding.trace(e));
                return new RunFailedException(e.getMessage(), last.layout().root(), e);
            }
        }
        return failure;
    }

    /**
     * Starts run.log; it is never scrubbed less than the console, whatever {@code --no-scrub} says of the archive.
     * Without Logback as the SLF4J backend there is none.
     */
    private RunLog openRunLog(RunLayout layout, Token token) {
        RunLog log;
        try {
            log = RunLog.attach(layout.root(), token.scrubber(false));
        } catch (LinkageError noLogback) {
            return null;
        }
        LOG.info("run started: discard {}, {} {} into {}{}{}{}", ClientInfo.VERSION, settings.mode().wireName(),
                settings.ids(), layout.root(), settings.after() != null ? ", after " + settings.after() : "",
                settings.before() != null ? ", before " + settings.before() : "",
                settings.resumeDir() != null ? ", resuming" : "");
        return log;
    }

    /** Releases the run directory, last of all: every file is finished by now. */
    private void releaseLock() {
        if (runLock == null) return;
        try {
            runLock.close();
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", RunLock.FILE, e.getMessage());
        }
        runLock = null;
    }

    /** For --incremental, where earlier runs in the output directory left each channel. */
    private Map<Long, Long> incrementalStarts() throws RunFailedException {
        // A followed run starts where the earlier ones ended, as --incremental does, unless --after says where.
        if (!settings.incremental() && !(settings.follow() && settings.after() == null)) return Map.of();
        try {
            return IncrementalStarts.scan(settings.outputDir(), mapper);
        } catch (IOException | RuntimeException e) {
            throw new RunFailedException("cannot read the earlier runs in " + settings.outputDir() + " for"
                    + " --incremental: " + e.getMessage(), null, e);
        }
    }

    /** The {@code --media} downloader: no credentials, the run's retries; the token only refreshes expired links. */
    private MediaArchiver openMedia(Path root, boolean resuming, DiscordRest rest, Scrubber scrubber)
            throws IOException {
        Downloader downloader = new Downloader(connection, "discard/" + ClientInfo.VERSION + " (+" + ClientInfo.URL
                + ")");
        return MediaArchiver.open(root, resuming, downloader, rest, new CdnUrls(cdnUrl()), mapper, clock,
                scrubber::scrub, files);
    }

    private HttpUrl apiUrl() {
        return DiscordRest.baseUrl(settings.apiUrl());
    }

    private HttpUrl cdnUrl() {
        return HttpUrl.get(settings.cdnUrl());
    }

    /** The command that continues the run in {@code root}, quoted for a POSIX shell where the path needs it. */
    static String resumeCommand(Path root) {
        String path = root.toString();
        boolean plain = !path.isEmpty() && path.chars().allMatch(c -> Character.isLetterOrDigit(c) || "/._-+:,@".indexOf(c) >= 0);
        return "discard --resume " + (plain ? path : "'" + path.replace("'", "'\\''") + "'");
    }




    /**
     * How many channels run at once: automatic (from the rate limits, up to {@code --concurrency} or
     * {@link ArchiveSettings#MAX_CONCURRENCY}), adjusted as the limiter lets requests through.
     */
    private AutoConcurrency concurrency(RateLimiter limiter) {
        int cap = settings.concurrency() == 0 ? ArchiveSettings.MAX_CONCURRENCY : settings.concurrency();
        AutoConcurrency auto = new AutoConcurrency(cap, limiter, RateLimiter.DISCORD_GLOBAL_PER_SECOND);
        limiter.onSend(auto::tick);
        return auto;
    }

    /** Configures a run; everything but the settings has a production default. Not thread-safe. */
    public static final class Builder {
        private final ArchiveSettings settings;
        private ConnectionConfig connection;
        private Supplier<String> ident = Builder::randomIdent;
        private ArchiveListener listener = ArchiveListener.NONE;
        private ReconnectPolicy reconnect = ReconnectPolicy.DEFAULT;
        private java.util.function.Function<java.util.concurrent.ThreadFactory,
                java.util.concurrent.ScheduledThreadPoolExecutor> gatewayScheduler =
                threads -> new java.util.concurrent.ScheduledThreadPoolExecutor(1, threads);
        private int invalidRequestLimit = InvalidRequestGuard.DEFAULT_LIMIT;
        private OutputFiles files = OutputFiles.DISK;
        private Boolean honoursPageLimit;
        private java.util.function.Consumer<ArchiveRun> onRunning = run -> {};

        private Builder(ArchiveSettings settings) {
            this.settings = settings;
        }

        /**
         * The HTTP client to derive from (proxies, timeouts, interceptors), the clock of the records' times and the run
         * directory's name, the waits of rate limits and retries, the jitter of retries and heartbeats, and the retry
         * policy; {@link ConnectionConfig#defaults()} otherwise.
         */
        public Builder connection(ConnectionConfig connection) {
            this.connection = connection;
            return this;
        }

        /** The run's 24-character ident; random by default. */
        public Builder ident(Supplier<String> ident) {
            this.ident = ident;
            return this;
        }

        /** Hears the run's progress, from several threads at once; {@link ArchiveListener#NONE} by default. */
        public Builder listener(ArchiveListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * How the gateway comes back after a dropped connection, and how long it keeps trying before the run goes on
         * over REST only; {@link ReconnectPolicy#DEFAULT}.
         */
        public Builder reconnectPolicy(ReconnectPolicy reconnect) {
            this.reconnect = reconnect;
            return this;
        }

        /**
         * The gateway session's timers (heartbeats, reconnect backoffs, close timeouts): a real one-thread scheduler by
         * default; tests pass a virtual-time one so a heartbeat or a zombie connection waits for no wall clock.
         */
        public Builder gatewayScheduler(java.util.function.Function<java.util.concurrent.ThreadFactory,
                java.util.concurrent.ScheduledThreadPoolExecutor> schedulers) {
            this.gatewayScheduler = java.util.Objects.requireNonNull(schedulers);
            return this;
        }

        /** How many 401/403/429 answers within ten minutes stop the run; half of Discord's ban limit by default. */
        public Builder invalidRequestLimit(int limit) {
            this.invalidRequestLimit = limit;
            return this;
        }

        /** How the run creates its logs, meta files and media.jsonl; {@link OutputFiles#DISK} unless a test needs another. */
        public Builder outputFiles(OutputFiles files) {
            this.files = files;
            return this;
        }

        /**
         * Whether the server is known to answer the history page {@code limit} asked for, as Discord does, so that a
         * short page is the last from the first one on; by default Discord's hosts are, and other servers' page size is
         * learned from their pages ({@link HistoryPageSize}).
         */
        public Builder honoursPageLimit(boolean honours) {
            this.honoursPageLimit = honours;
            return this;
        }

        /**
         * Hears the run as {@link ArchiveRun#run()} starts, on the run's thread: lets the program that embeds it (or
         * a test) stop it later with {@link ArchiveRun#interrupt}. Must not block.
         */
        public Builder onRunning(java.util.function.Consumer<ArchiveRun> onRunning) {
            this.onRunning = onRunning;
            return this;
        }

        /** The run, ready to {@link ArchiveRun#run()}. */
        public ArchiveRun build() {
            if (connection == null) connection = ConnectionConfig.defaults();
            return new ArchiveRun(this);
        }

        /** An independent builder with the same configuration: the one place that lists every field. */
        private Builder copy() {
            Builder b = new Builder(settings);
            b.connection = connection;
            b.ident = ident;
            b.listener = listener;
            b.reconnect = reconnect;
            b.gatewayScheduler = gatewayScheduler;
            b.invalidRequestLimit = invalidRequestLimit;
            b.files = files;
            b.honoursPageLimit = honoursPageLimit;
            b.onRunning = onRunning;
            return b;
        }

        private static String randomIdent() {
            SecureRandom random = new SecureRandom();
            StringBuilder s = new StringBuilder(24);
            for (int i = 0; i < 24; i++) s.append(IDENT_ALPHABET.charAt(random.nextInt(IDENT_ALPHABET.length())));
            return s.toString();
        }
    }
}

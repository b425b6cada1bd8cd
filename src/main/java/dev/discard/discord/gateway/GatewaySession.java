package dev.discard.discord.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.discord.ExchangeSink;
import dev.discard.discord.LogContext;
import dev.discard.discord.Token;
import dev.discard.format.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session on Discord's gateway, kept alive in the background from {@link Builder#connect()} to {@link #close()}:
 * it identifies (or resumes), heartbeats, follows RECONNECT and INVALID_SESSION, reconnects with backoff after a
 * dropped connection, and keeps what an archive run needs from READY and GUILD_CREATE.
 *
 * <p><b>Recording.</b> Every frame sent and received goes to the {@link ExchangeSink} as a
 * {@link dev.discard.discord.WsFrame} with its exact text, except dispatches of the events in
 * {@link Builder#unrecordedEvents} (by default {@link #NOISY_EVENTS}), which are only counted in
 * {@link #droppedEvents()}. The session does <em>not</em> scrub: IDENTIFY and RESUME reach the sink with the token in
 * clear, and the sink must scrub it (and mark the record) before anything is written. Log lines never hold a token
 * or a frame's text.
 *
 * <p><b>Failure.</b> A close code that forbids reconnecting (4004, 4010 to 4014) or reconnect attempts used up end the
 * session: {@link #awaitReady} and {@link #awaitGuildCreate} throw the {@link GatewayException}, and {@link #failure()}
 * returns it. The session never prints and never exits.
 *
 * <p>Safe to use from several threads. All protocol work runs on one daemon thread of the session's own, which
 * {@link #close()} stops.
 *
 * @see <a href="https://discord.com/developers/docs/events/gateway">Gateway</a>
 */
public final class GatewaySession implements AutoCloseable {
    /** Dispatches left out of the record by default, as Discard's blacklist does: typing, presence, live messages. */
    public static final Set<String> NOISY_EVENTS = Set.of(
            "TYPING_START",
            "PRESENCE_UPDATE",
            "MESSAGE_CREATE",
            "MESSAGE_UPDATE",
            "MESSAGE_DELETE",
            "MESSAGE_DELETE_BULK",
            "MESSAGE_REACTION_ADD",
            "MESSAGE_REACTION_REMOVE",
            "MESSAGE_REACTION_REMOVE_ALL",
            "MESSAGE_REACTION_REMOVE_EMOJI");

    /** What a {@code --follow} run leaves out: typing and presence; every message and reaction event is recorded. */
    public static final Set<String> UNFOLLOWED_EVENTS = Set.of("TYPING_START", "PRESENCE_UPDATE");

    private static final Logger log = LoggerFactory.getLogger(GatewaySession.class);

    private final GatewaySettings settings;
    private final FrameRecorder recorder;
    private final ScheduledThreadPoolExecutor scheduler;
    private final SessionState state = new SessionState();
    private final SessionLoop loop;
    private volatile boolean closed;

    private GatewaySession(GatewaySettings settings, ExchangeSink sink,
            Function<ThreadFactory, ScheduledThreadPoolExecutor> schedulers) {
        this.settings = settings;
        this.recorder = new FrameRecorder(sink, settings.clock(), settings.unrecordedEvents(), settings.dispatches());
        LogContext logContext = LogContext.capture(); // the session logs into the log of the run that opened it
        this.scheduler = schedulers.apply(runnable -> {
            Thread thread = new Thread(logContext.wrap(runnable), "discard-gateway");
            thread.setDaemon(true);
            return thread;
        });
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.state.onFailure(settings.onFailure());
        this.loop = new SessionLoop(settings, recorder, scheduler, state);
    }

    /**
     * Starts configuring a session.
     *
     * @param client the caller's client; its dispatcher runs the socket reader threads
     * @param gatewayUrl the {@code url} of {@code GET /gateway/bot} (bots) or {@code GET /gateway} (user accounts);
     *     {@code ?v=10&encoding=json} is added
     * @param token the bot or user token; a user account's identifies without intents
     * @param sink where every frame is recorded; it must scrub the token
     */
    public static Builder builder(OkHttpClient client, String gatewayUrl, Token token, ExchangeSink sink) {
        return new Builder(client, gatewayUrl, token, sink);
    }

    /**
     * Waits for READY.
     *
     * @throws GatewayException when the session failed or was closed first, or READY did not come in time
     */
    public ReadyInfo awaitReady(Duration timeout) throws GatewayException, InterruptedException {
        return state.awaitReady(timeout);
    }

    /**
     * Waits for a guild's GUILD_CREATE payload (its {@code d}, as sent), which a bot receives for each guild after
     * READY; for a user account READY itself carries the guilds. Empty when it did not come in time, or cannot come:
     * READY did not list the guild, or the session was closed.
     *
     * @throws GatewayException when the session failed
     */
    public Optional<JsonNode> awaitGuildCreate(long guildId, Duration timeout)
            throws GatewayException, InterruptedException {
        return state.awaitGuildCreate(guildId, timeout);
    }

    /**
     * Whether the account sees message content, from READY's {@code application.flags}; see
     * {@link ReadyInfo#hasMessageContentIntent()}. Lets the caller warn once when content will be empty.
     *
     * @throws IllegalStateException before READY
     */
    public boolean hasMessageContentIntent() {
        ReadyInfo ready = state.ready();
        if (ready == null) throw new IllegalStateException("expected READY before asking for the intents");
        return ready.hasMessageContentIntent();
    }

    /** The failure that ended the session, if one did. */
    public Optional<GatewayException> failure() {
        return state.failure();
    }

    /** How many dispatches were left out of the record, per event name, sorted by name. */
    public Map<String, Long> droppedEvents() {
        return recorder.droppedEvents();
    }

    /**
     * What the session is doing now, for status displays: {@code connecting}, {@code identifying}, {@code resuming},
     * {@code connected}, {@code reconnecting}, {@code failed}, or {@code closed}.
     */
    public String status() {
        return closed ? "closed" : loop.status;
    }

    /** How many dispatches Discord sent again after a RESUME that were recorded before, and so not again. */
    public long replaysSkipped() {
        return recorder.replaysSkipped();
    }

    /** How many frames, sent and received, went to the sink. */
    public long framesRecorded() {
        return recorder.framesRecorded();
    }

    /**
     * Closes the session with code 1000 (Discord then ends it), waits up to the close timeout for each socket to
     * finish, cancels any that did not, and stops the session's thread. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        boolean interrupted = false;
        List<GatewayConnection> open = List.of();
        long deadline = System.nanoTime() + settings.closeTimeout().toNanos();
        try {
            open = scheduler.submit(loop::stop).get(settings.closeTimeout().toNanos(), TimeUnit.NANOSECONDS);
            for (GatewayConnection connection : open) {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                if (!connection.awaitFinished(left)) connection.cancel();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            open.forEach(GatewayConnection::cancel);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("gateway session did not stop cleanly: {}", e.toString());
        }
        scheduler.shutdownNow();
        try {
            if (!interrupted) scheduler.awaitTermination(settings.closeTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        state.end();
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Configures a {@link GatewaySession}; {@link #connect()} starts it. */
    public static final class Builder {
        private final OkHttpClient client;
        private final String gatewayUrl;
        private final Token token;
        private final ExchangeSink sink;
        private int intents = GatewayIntents.forArchive(false);
        private ConnectionProperties properties = ConnectionProperties.discard();
        private ObjectMapper mapper = Json.newMapper();
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = RandomGenerator.getDefault();
        private ReconnectPolicy reconnectPolicy = ReconnectPolicy.DEFAULT;
        private Set<String> unrecordedEvents = NOISY_EVENTS;
        private Duration closeTimeout = Duration.ofSeconds(5);
        private DispatchSink dispatches = DispatchSink.NONE;
        private java.util.function.Consumer<GatewayException> onFailure = e -> {};
        private Function<ThreadFactory, ScheduledThreadPoolExecutor> schedulers =
                threads -> new ScheduledThreadPoolExecutor(1, threads);

        private Builder(OkHttpClient client, String gatewayUrl, Token token, ExchangeSink sink) {
            this.client = Objects.requireNonNull(client, "client");
            this.gatewayUrl = Objects.requireNonNull(gatewayUrl, "gatewayUrl");
            this.token = Objects.requireNonNull(token, "token");
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        /** The intents a bot identifies with; default {@link GatewayIntents#forArchive forArchive(false)}. */
        public Builder intents(int intents) {
            this.intents = intents;
            return this;
        }

        /** IDENTIFY's {@code properties}; default {@link ConnectionProperties#discard()}. */
        public Builder properties(ConnectionProperties properties) {
            this.properties = Objects.requireNonNull(properties);
            return this;
        }

        public Builder mapper(ObjectMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper);
            return this;
        }

        /** The clock that timestamps recorded frames; default the system clock in UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The source of the heartbeat jitter and of the wait after INVALID_SESSION; used by one thread only. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        public Builder reconnectPolicy(ReconnectPolicy reconnectPolicy) {
            this.reconnectPolicy = Objects.requireNonNull(reconnectPolicy);
            return this;
        }

        /** Dispatches of these events are counted, not recorded; default {@link #NOISY_EVENTS}. */
        public Builder unrecordedEvents(Set<String> events) {
            this.unrecordedEvents = Set.copyOf(events);
            return this;
        }

        /** Takes the dispatches it wants before the session's sink sees them; default {@link DispatchSink#NONE}. */
        public Builder dispatches(DispatchSink dispatches) {
            this.dispatches = Objects.requireNonNull(dispatches);
            return this;
        }

        /** Hears, on the session's thread, the failure that ends the session for good; must not block. */
        public Builder onFailure(java.util.function.Consumer<GatewayException> onFailure) {
            this.onFailure = Objects.requireNonNull(onFailure);
            return this;
        }

        /** How long {@link #close()} waits for each socket to finish; default 5 s. */
        public Builder closeTimeout(Duration closeTimeout) {
            if (closeTimeout.isNegative()) throw new IllegalArgumentException("expected closeTimeout >= 0");
            this.closeTimeout = closeTimeout;
            return this;
        }

        /**
         * Makes the session's one thread, which handles every event and runs the heartbeats, the reconnect backoff
         * and the close timeouts; by default a real scheduler with one thread from {@code threads}. Tests pass one
         * whose timers wait for time they move by hand.
         */
        public Builder scheduler(Function<ThreadFactory, ScheduledThreadPoolExecutor> schedulers) {
            this.schedulers = Objects.requireNonNull(schedulers);
            return this;
        }

        /**
         * Starts the session in the background and returns at once; wait with {@link #awaitReady}.
         *
         * @throws IllegalArgumentException when the gateway URL is not a URL
         */
        public GatewaySession connect() {
            GatewaySettings settings = new GatewaySettings(client, GatewayUrl.of(gatewayUrl), token,
                    token.userAccount() ? null : intents, properties, mapper, clock, random, reconnectPolicy,
                    unrecordedEvents, closeTimeout, dispatches, onFailure);
            GatewaySession session = new GatewaySession(settings, sink, schedulers);
            session.loop.start();
            return session;
        }
    }
}

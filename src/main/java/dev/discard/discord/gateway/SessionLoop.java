package dev.discard.discord.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one gateway session: connects, identifies or resumes after HELLO, heartbeats, follows READY and GUILD_CREATE,
 * and decides after every RECONNECT, INVALID_SESSION, close or failure whether to resume, identify again or give up.
 * Every event is handled on the session's single scheduler thread, so the state below needs no locks: fields are
 * scheduler thread only.
 *
 * @see <a href="https://discord.com/developers/docs/events/gateway#connection-lifecycle">Connection Lifecycle</a>
 */
final class SessionLoop {
    private static final Logger log = LoggerFactory.getLogger(SessionLoop.class);

    /** What the session learns, reported on the scheduler thread. */
    interface Events {
        /** READY arrived; {@code guilds} is its guild list as sent (full guilds for user accounts). */
        void ready(ReadyInfo ready, JsonNode guilds);

        void guildCreate(long guildId, JsonNode guild);

        /** The session ended for good; nothing follows. */
        void failed(GatewayException failure);
    }

    private final GatewaySettings settings;
    private final SendEvents sendEvents;
    private final FrameRecorder recorder;
    private final ScheduledExecutorService scheduler;
    private final Events events;
    private final GatewayConnection.Listener listener = new GatewayConnection.Listener() {
        @Override
        public void onPayload(GatewayConnection connection, GatewayPayload payload) {
            post(() -> handle(connection, payload));
        }

        @Override
        public void onEnded(GatewayConnection connection, int code, String reason) {
            post(() -> ended(connection, code, reason));
        }
    };

    /** The connection whose payloads count; null between connections. Events of any other one are ignored. */
    private GatewayConnection connection;
    /** Every connection opened and maybe not finished yet, for {@link #stop()}. */
    private final List<GatewayConnection> opened = new ArrayList<>();
    private int connectionCount;
    /** Null until HELLO on the current connection. */
    private Heartbeater heartbeater;
    /** The current connection was opened to resume and has not seen RESUMED yet. */
    private boolean resuming;
    /** Null until READY, and after the session was invalidated. */
    private String sessionId;
    private HttpUrl resumeUrl;
    /** The last sequence number received; null before the first dispatch of a session. */
    private Long lastSeq;
    /** Connections opened since the last READY or RESUMED. */
    private int attempts;
    private ScheduledFuture<?> pendingConnect;
    /** The sequence numbers recorded in the current session; a new one for each connection that identifies. */
    private SequenceMark sequences = new SequenceMark();
    /** What the session is doing, for status displays: written here, read by any thread. */
    volatile String status = "connecting";
    private boolean stopped;

    SessionLoop(GatewaySettings settings, FrameRecorder recorder, ScheduledExecutorService scheduler, Events events) {
        this.settings = settings;
        this.sendEvents = new SendEvents(settings.mapper());
        this.recorder = recorder;
        this.scheduler = scheduler;
        this.events = events;
    }

    void start() {
        post(this::connect);
    }

    /**
     * Stops for good: no more heartbeats or reconnects, and the current connection is closed with 1000. Returns the
     * connections that may still be open, for the caller to wait on. Scheduler thread only.
     */
    List<GatewayConnection> stop() {
        stopped = true;
        if (pendingConnect != null) pendingConnect.cancel(false);
        dropConnection(GatewayConnection.NORMAL_CLOSE_CODE, "closing");
        return List.copyOf(opened);
    }

    private void connect() {
        pendingConnect = null;
        if (stopped) return;
        attempts++;
        resuming = sessionId != null && lastSeq != null;
        HttpUrl url = resuming ? resumeUrl : settings.url();
        opened.removeIf(GatewayConnection::isFinished);
        if (!resuming) sequences = new SequenceMark();
        status = resuming ? "resuming" : "identifying";
        connection = new GatewayConnection("gateway#" + ++connectionCount, url, settings.mapper(), recorder, listener,
                sequences);
        opened.add(connection);
        connection.open(settings.client());
    }

    private void handle(GatewayConnection from, GatewayPayload payload) {
        if (from != connection || stopped) return;
        if (payload.s() != null) lastSeq = payload.s();
        GatewayOpcode op = payload.opcode();
        if (op == null) {
            log.debug("{}: ignored unknown op {}", from, payload.op());
            return;
        }
        switch (op) {
            case HELLO -> hello(payload.d());
            case HEARTBEAT -> sendHeartbeat();
            case HEARTBEAT_ACK -> {
                if (heartbeater != null) heartbeater.acknowledged();
            }
            case DISPATCH -> dispatch(payload.t(), payload.d());
            case RECONNECT -> reconnect(true, 0, "Discord asked to reconnect (op 7)");
            case INVALID_SESSION -> invalidSession(payload.d().asBoolean(false));
            default -> log.debug("{}: ignored {}", from, op);
        }
    }

    private void hello(JsonNode d) {
        long interval = d.path("heartbeat_interval").asLong(0);
        if (interval <= 0) {
            reconnect(true, 0, "HELLO without a heartbeat_interval");
            return;
        }
        if (heartbeater != null) heartbeater.stop();
        heartbeater = new Heartbeater(scheduler, interval, settings.random().nextDouble(), new Heartbeater.Target() {
            @Override
            public void sendHeartbeat() {
                guarded(SessionLoop.this::sendHeartbeat);
            }

            @Override
            public void missedAck() {
                guarded(() -> reconnect(true, 0, "heartbeat not acknowledged within " + interval + " ms"));
            }
        });
        heartbeater.start();
        if (resuming) {
            send(sendEvents.resume(settings.token(), sessionId, lastSeq), GatewayOpcode.RESUME);
        } else {
            send(sendEvents.identify(settings.token(), settings.properties(), settings.intents()),
                    GatewayOpcode.IDENTIFY);
        }
    }

    private void sendHeartbeat() {
        send(sendEvents.heartbeat(lastSeq), GatewayOpcode.HEARTBEAT);
    }

    private void send(String text, GatewayOpcode op) {
        if (connection != null && !connection.send(text, op)) {
            log.debug("{}: not sent, the socket is closing: op {}", connection, op.code());
        }
    }

    private void dispatch(String event, JsonNode d) {
        if (event == null) return;
        switch (event) {
            case "READY" -> ready(d);
            case "RESUMED" -> {
                status = "connected";
                resuming = false;
                attempts = 0;
                log.info("{}: resumed session", connection);
            }
            case "GUILD_CREATE" -> {
                long id = d.path("id").asLong(0);
                if (id != 0 && !d.path("unavailable").asBoolean(false)) events.guildCreate(id, d);
            }
            default -> {}
        }
    }

    private void ready(JsonNode d) {
        status = "connected";
        ReadyInfo ready = ReadyInfo.of(d);
        sessionId = ready.sessionId();
        resumeUrl = resumeUrl(ready.resumeGatewayUrl());
        resuming = false;
        attempts = 0;
        log.info("{}: READY with {} guilds", connection, ready.guildIds().size());
        events.ready(ready, d.path("guilds"));
    }

    private HttpUrl resumeUrl(String url) {
        if (url == null) return settings.url();
        try {
            return GatewayUrl.of(url);
        } catch (IllegalArgumentException e) {
            log.warn("READY's resume_gateway_url is not a URL, resuming at the gateway URL: {}", e.getMessage());
            return settings.url();
        }
    }

    private void invalidSession(boolean resumable) {
        if (resumable) {
            reconnect(true, 0, "Discord invalidated the connection, the session may be resumed (op 9)");
        } else {
            long wait = settings.reconnectPolicy().invalidSessionDelayMillis(settings.random());
            reconnect(false, wait, "Discord invalidated the session (op 9)");
        }
    }

    private void ended(GatewayConnection from, int code, String reason) {
        if (from != connection || stopped) return;
        if (code < 0) {
            // The session-specific URL failed: the docs send a failed reconnect back to the gateway URL.
            if (resuming) resumeUrl = settings.url();
            reconnect(true, 0, "connection failed: " + reason);
            return;
        }
        GatewayCloseCode known = GatewayCloseCode.of(code);
        if (known != null && !known.reconnect()) {
            fail(GatewayException.closedWith(known, settings.intentBits()));
            return;
        }
        boolean resume = known == null || known.resume();
        reconnect(resume, 0, "gateway closed the connection with " + code + (reason.isEmpty() ? "" : " " + reason));
    }

    /**
     * Leaves the current connection (closing it with a code that keeps the session resumable) and opens another after
     * the policy's backoff, or gives up when the attempts are used up.
     *
     * @param resume false to forget the session and identify again
     * @param minDelayMillis the least wait before connecting
     */
    private void reconnect(boolean resume, long minDelayMillis, String why) {
        dropConnection(GatewayConnection.RECONNECT_CLOSE_CODE, "reconnecting");
        if (!resume) {
            sessionId = null;
            lastSeq = null;
        }
        ReconnectPolicy policy = settings.reconnectPolicy();
        if (attempts >= policy.maxAttempts()) {
            fail(new GatewayException("gave up on the Discord gateway after " + attempts
                    + " connection attempts in a row; last: " + why));
            return;
        }
        long delay = Math.max(minDelayMillis, policy.delayMillis(attempts + 1));
        status = "reconnecting";
        log.info("gateway: {}; {} in {} ms", why, sessionId != null ? "resuming" : "identifying", delay);
        pendingConnect = scheduler.schedule(() -> guarded(this::connect), delay, TimeUnit.MILLISECONDS);
    }

    private void dropConnection(int code, String reason) {
        if (heartbeater != null) heartbeater.stop();
        heartbeater = null;
        GatewayConnection leaving = connection;
        connection = null;
        if (leaving == null) return;
        leaving.close(code, reason);
        if (!stopped) {
            // A zombie gateway never finishes the closing handshake: don't keep its socket (and thread) a minute.
            scheduler.schedule(leaving::cancel, settings.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void fail(GatewayException failure) {
        if (stopped) return;
        status = "failed";
        log.debug("gateway session failed: {}", failure.getMessage());
        dropConnection(GatewayConnection.NORMAL_CLOSE_CODE, "failed");
        stopped = true;
        events.failed(failure);
    }

    private void post(Runnable task) {
        try {
            scheduler.execute(() -> guarded(task));
        } catch (RejectedExecutionException e) {
            // the session is closed: late events of its sockets are dropped
        }
    }

    /** Runs a task of the scheduler thread; a bug in it ends the session instead of killing the thread silently. */
    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("gateway session failed", e);
            fail(new GatewayException("gateway session failed: " + e, e));
        }
    }
}

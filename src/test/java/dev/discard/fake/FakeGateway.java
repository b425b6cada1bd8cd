package dev.discard.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.ByteString;

/**
 * A fake of Discord's gateway on a {@link MockWebServer}, faithful to the gateway docs in payload shapes, opcodes and
 * close codes. On its own it answers like Discord: HELLO on connect; after IDENTIFY, READY then one GUILD_CREATE per
 * guild (a bot), or READY carrying the guilds (a user account: IDENTIFY without {@code intents}); HEARTBEAT_ACK for
 * every heartbeat; after a RESUME of the live session, the dispatches the client missed and RESUMED, and after any
 * other RESUME, INVALID_SESSION {@code false};
 * 4004 for a wrong token (see {@link #token}), 4014 for privileged intents when they are off, 4012 for a version
 * other than 10. Tests script the rest on the live connection (op 1, 7, 9, closes, drops, any dispatch) and assert
 * what the client sent with {@link #awaitSent}, which waits with a timeout; never sleep.
 *
 * <p>Alone: {@code gateway.install(server, FakeGateway.NOT_FOUND)} before {@code server.start()}. With a fake REST
 * API on the same server, hand it the REST dispatcher: requests under {@link #PATH} go to the gateway, all others to
 * it.
 *
 * <pre>{@code
 * FakeGateway gateway = new FakeGateway().guild(SampleGuild.json(123, "archive me"));
 * gateway.install(server, restDispatcher);   // or server.setDispatcher(gateway.dispatcher(restDispatcher))
 * server.start();
 * // the REST fake answers GET /api/v10/gateway/bot with {"url": gateway.url(server), ...}
 * }</pre>
 *
 * Frames are stamped like Discord's: {@code {"t":…,"s":…,"op":…,"d":…}}. Safe to use from the test thread while the
 * server's threads run the sockets.
 */
public final class FakeGateway {
    /** Where the gateway listens; the REST fake's {@code /gateway/bot} should answer {@link #url}. */
    public static final String PATH = "/gateway-ws";
    /** Where READY's {@code resume_gateway_url} points. */
    public static final String RESUME_PATH = PATH + "/resume";

    public static final int DISPATCH = 0;
    public static final int HEARTBEAT = 1;
    public static final int IDENTIFY = 2;
    public static final int RESUME = 6;
    public static final int RECONNECT = 7;
    public static final int INVALID_SESSION = 9;
    public static final int HELLO = 10;
    public static final int HEARTBEAT_ACK = 11;

    /** GATEWAY_MESSAGE_CONTENT_LIMITED: the flag of a small bot with the intent enabled on its Bot page. */
    public static final long MESSAGE_CONTENT_LIMITED_FLAG = 1 << 19;

    /** A fallback for {@link #dispatcher} when nothing but the gateway is served. */
    public static final Dispatcher NOT_FOUND = new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse().setResponseCode(404);
        }
    };

    private static final int PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);
    private static final String TRACE = "[\"[\\\"gateway-prd-fake-1\\\",{\\\"micros\\\":0.0}]\"]";
    private static final String BOT_USER = "{\"id\":\"800000000000000001\",\"username\":\"discard-test\","
            + "\"discriminator\":\"0\",\"global_name\":null,\"avatar\":null,\"bot\":true,\"verified\":true,"
            + "\"mfa_enabled\":false,\"flags\":0,\"email\":null}";

    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> guilds = new CopyOnWriteArrayList<>();
    private volatile long heartbeatIntervalMillis = 41_250;
    private volatile String token;
    private volatile boolean privilegedIntentsEnabled = true;
    private volatile JsonNode user = parse(BOT_USER);
    private volatile long applicationFlags = MESSAGE_CONTENT_LIMITED_FLAG;
    /** Dispatches a RESUME replays beyond those the client missed, as when it resumed with an older sequence. */
    private volatile int replayOverlap;
    /** The heartbeat interval of the next connection, which then never acknowledges one; null for none. */
    private volatile Duration zombieNext;

    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger sessions = new AtomicInteger();
    private final BlockingQueue<String> connectionTargets = new LinkedBlockingQueue<>();
    private final Map<Integer, BlockingQueue<JsonNode>> sentByOp = new ConcurrentHashMap<>();
    private final BlockingQueue<Integer> clientCloses = new LinkedBlockingQueue<>();
    private final List<String> framesToClient = new CopyOnWriteArrayList<>();
    private final List<String> framesFromClient = new CopyOnWriteArrayList<>();
    /** Null until {@link #install}. */
    private volatile TrackingServerSocketFactory sockets;
    /** The connection tests script; the last one opened. */
    private volatile Connection live;
    /** The live session; null before READY and after INVALID_SESSION false. Guarded by this. */
    private String sessionId;
    /** The last sequence number sent. Guarded by this. */
    private long seq;
    /** The dispatches of the live session, in order, to replay after a RESUME. Guarded by this. */
    private final List<String> dispatches = new ArrayList<>();

    // ---- configuration: call before the client connects ----

    /** HELLO's {@code heartbeat_interval}; default 41250 ms as Discord sends. */
    public FakeGateway heartbeatInterval(Duration interval) {
        heartbeatIntervalMillis = interval.toMillis();
        return this;
    }

    /** Accept only this token in IDENTIFY and RESUME, closing with 4004 otherwise; default any. */
    public FakeGateway token(String token) {
        this.token = token;
        return this;
    }

    /** Close with 4014 on an IDENTIFY asking for a privileged intent, as for a bot without them enabled. */
    public FakeGateway disallowPrivilegedIntents() {
        privilegedIntentsEnabled = false;
        return this;
    }

    /** READY's {@code user}; default a bot user. */
    public FakeGateway user(String userJson) {
        user = parse(userJson);
        return this;
    }

    /** READY's {@code application.flags} (bots only); default {@link #MESSAGE_CONTENT_LIMITED_FLAG}. */
    public FakeGateway applicationFlags(long flags) {
        applicationFlags = flags;
        return this;
    }

    /**
     * Each RESUME replays {@code extra} dispatches the client had received already, as Discord does when the client
     * resumes with a sequence number older than the last it got (its frames were read but not yet handled).
     */
    public FakeGateway replayOverlap(int extra) {
        replayOverlap = extra;
        return this;
    }

    /**
     * The next connection says HELLO with {@code interval} and never acknowledges a heartbeat: a zombie connection,
     * which the client must close and resume. Connections after it are normal again.
     */
    public FakeGateway zombieNext(Duration interval) {
        zombieNext = interval;
        return this;
    }

    /** Forgets what the client sent with this op so far, for a test that waits for the next one. */
    public void clearSent(int op) {
        sent(op).clear();
    }

    /** Adds a guild the account is in: a GUILD_CREATE {@code d}, e.g. {@link SampleGuild#json}. */
    public FakeGateway guild(String guildCreateJson) {
        guilds.add(parse(guildCreateJson));
        return this;
    }

    // ---- wiring ----

    /** The URL {@code GET /gateway/bot} should answer, e.g. {@code ws://localhost:1234/gateway-ws}. */
    public String url(MockWebServer server) {
        return wsUrl(server.url(PATH));
    }

    /** Whether a request is for the gateway (its path is under {@link #PATH}). */
    public boolean handles(RecordedRequest request) {
        return request.getRequestUrl() != null && request.getRequestUrl().encodedPath().startsWith(PATH);
    }

    /** Upgrades a gateway request to a websocket; for dispatchers that route by themselves. */
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        connectionTargets.add(request.getPath());
        String resumeUrl = wsUrl(url.newBuilder().encodedPath(RESUME_PATH).query(null).build());
        return new MockResponse().withWebSocketUpgrade(new Connection(url.queryParameter("v"), resumeUrl));
    }

    /**
     * Sets up a server that is not started yet: {@link #dispatcher} with {@code fallback}, and a server socket
     * factory that lets {@link #drop} close its connections.
     */
    public void install(MockWebServer server, Dispatcher fallback) {
        sockets = new TrackingServerSocketFactory();
        server.setDispatcher(dispatcher(fallback));
        server.setServerSocketFactory(sockets);
    }

    /** Lets {@link #closeIdleConnections} find the connections opened from now on. */
    public void trackIdleConnections() {
        sockets.trackIdle();
    }

    /** Closes the server's connections that answered a request and wait for the next, as an idle timeout does. */
    public void closeIdleConnections() throws IOException {
        sockets.closeIdle();
    }

    /** A dispatcher serving the gateway, and everything else with {@code fallback}. */
    public Dispatcher dispatcher(Dispatcher fallback) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return handles(request) ? FakeGateway.this.dispatch(request) : fallback.dispatch(request);
            }
        };
    }

    // ---- scripting the live connection ----

    /** Sends a dispatch with the next sequence number. */
    public void dispatch(String event, String dataJson) {
        live().dispatch(event, dataJson);
    }

    /** Asks for a heartbeat at once (op 1). */
    public void requestHeartbeat() {
        live().send(payload(HEARTBEAT, "null"));
    }

    /** Tells the client to reconnect and resume (op 7). */
    public void reconnect() {
        live().send(payload(RECONNECT, "null"));
    }

    /** Invalidates the session (op 9); unless {@code resumable}, a later RESUME of it is refused. */
    public void invalidateSession(boolean resumable) {
        synchronized (this) {
            if (!resumable) sessionId = null;
            live().send(payload(INVALID_SESSION, String.valueOf(resumable)));
        }
    }

    /** Sends any text frame, as it is. */
    public void sendText(String text) {
        live().send(text);
    }

    /** Sends a binary frame. */
    public void sendBinary(byte[] bytes) {
        live().socket.send(ByteString.of(bytes));
    }

    /** The live connection stops acknowledging heartbeats, like a zombie connection; later ones acknowledge again. */
    public void withholdAcks() {
        live().acks = false;
    }

    /** Closes the live connection with a close code, as the gateway does. */
    public void close(int code, String reason) {
        live().socket.close(code, reason);
    }

    /**
     * Closes every TCP connection the server accepted, without a close frame, as a network failure would. REST
     * connections on the same server go too. Needs {@link #install}: a server-side websocket cannot be cancelled.
     */
    public void drop() throws IOException {
        if (sockets == null) throw new IllegalStateException("drop() needs the server set up with install()");
        sockets.closeAll();
    }

    // ---- what happened ----

    /** The next frame the client sent with this op, waiting up to 5 s. */
    public JsonNode awaitSent(int op) throws InterruptedException {
        return awaitSent(op, Duration.ofSeconds(5));
    }

    public JsonNode awaitSent(int op, Duration timeout) throws InterruptedException {
        JsonNode frame = sent(op).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) throw new AssertionError("expected the client to send op " + op + " within " + timeout);
        return frame;
    }

    /** The close code of the next closing handshake the client started or answered, waiting up to 5 s. */
    public int awaitClientClose() throws InterruptedException {
        Integer code = clientCloses.poll(5, TimeUnit.SECONDS);
        if (code == null) throw new AssertionError("expected the client to close a connection within 5 s");
        return code;
    }

    /** The path and query of the next connection the client opened, e.g. {@code /gateway-ws?v=10&encoding=json}. */
    public String awaitConnection() throws InterruptedException {
        String target = connectionTargets.poll(5, TimeUnit.SECONDS);
        if (target == null) throw new AssertionError("expected the client to connect within 5 s");
        return target;
    }

    /** Connections the client has opened so far. */
    public int connectionCount() {
        return connections.get();
    }

    /** Every text frame sent to the client, in order. */
    public List<String> framesToClient() {
        return List.copyOf(framesToClient);
    }

    /** Every text frame the client sent, in order. */
    public List<String> framesFromClient() {
        return List.copyOf(framesFromClient);
    }

    public synchronized String sessionId() {
        return sessionId;
    }

    /** The last sequence number sent. */
    public synchronized long seq() {
        return seq;
    }

    private Connection live() {
        Connection connection = live;
        if (connection == null) throw new IllegalStateException("no client has connected yet");
        return connection;
    }

    private BlockingQueue<JsonNode> sent(int op) {
        return sentByOp.computeIfAbsent(op, k -> new LinkedBlockingQueue<>());
    }

    private String payload(int op, String d) {
        return "{\"t\":null,\"s\":null,\"op\":" + op + ",\"d\":" + d + "}";
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String wsUrl(HttpUrl url) {
        return url.toString().replaceFirst("^http", "ws");
    }

    private synchronized String ready(JsonNode identify, String resumeUrl) {
        boolean bot = identify.has("intents");
        sessionId = String.format("%032x", sessions.incrementAndGet());
        seq = 0;
        dispatches.clear();
        ObjectNode d = json.createObjectNode();
        d.put("v", 10);
        d.putObject("user_settings");
        d.set("user", user);
        d.put("session_type", "normal");
        d.put("session_id", sessionId);
        d.put("resume_gateway_url", resumeUrl);
        d.putArray("relationships");
        d.putArray("private_channels");
        d.putArray("presences");
        ArrayNode guildList = d.putArray("guilds");
        // A user account's READY: the guilds, and the account's own member of each in merged_members (one list per
        // guild, in the same order).
        ArrayNode merged = json.createArrayNode();
        for (JsonNode guild : guilds) {
            if (bot) {
                guildList.addObject().put("id", guild.path("id").asText()).put("unavailable", true);
            } else {
                guildList.add(guild);
                ArrayNode own = merged.addArray();
                for (JsonNode member : guild.path("members")) {
                    if (!member.path("user").path("id").asText().equals(user.path("id").asText())) continue;
                    ObjectNode m = member.deepCopy();
                    m.remove("user");
                    m.put("user_id", user.path("id").asText());
                    own.add(m);
                }
            }
        }
        if (!bot) d.set("merged_members", merged);
        d.putArray("guild_join_requests");
        d.putArray("geo_ordered_rtc_regions").add("rotterdam");
        d.putObject("auth");
        if (bot) d.putObject("application").put("id", "800000000000000001").put("flags", applicationFlags);
        d.set("_trace", parse(TRACE));
        return d.toString();
    }

    /** One websocket, as the gateway sees it. */
    private final class Connection extends WebSocketListener {
        private final String version;
        private final String resumeUrl;
        /** Null until open. */
        private volatile WebSocket socket;
        private volatile boolean acks = true;

        Connection(String version, String resumeUrl) {
            this.version = version;
            this.resumeUrl = resumeUrl;
        }

        /** Sends and notes a frame, as one step, so the noted order is the wire order. */
        synchronized void send(String text) {
            if (socket.send(text)) framesToClient.add(text);
        }

        /** Sends a dispatch with the session's next sequence number, and keeps it for replays. */
        void dispatch(String event, String dataJson) {
            synchronized (FakeGateway.this) {
                String frame = "{\"t\":\"" + event + "\",\"s\":" + ++seq + ",\"op\":0,\"d\":" + dataJson + "}";
                dispatches.add(frame);
                send(frame);
            }
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
            connections.incrementAndGet();
            live = this;
            if (!"10".equals(version)) {
                webSocket.close(4012, "Invalid API version.");
                return;
            }
            long interval = heartbeatIntervalMillis;
            Duration zombie = zombieNext;
            if (zombie != null) {
                zombieNext = null;
                acks = false;
                interval = zombie.toMillis();
            }
            send("{\"t\":null,\"s\":null,\"op\":10,\"d\":{\"heartbeat_interval\":" + interval
                    + ",\"_trace\":" + TRACE + "}}");
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            framesFromClient.add(text);
            JsonNode frame = parse(text);
            int op = frame.path("op").asInt(-1);
            JsonNode d = frame.path("d");
            switch (op) {
                case HEARTBEAT -> {
                    if (acks) send(payload(HEARTBEAT_ACK, "null"));
                }
                case IDENTIFY -> identify(d);
                case RESUME -> resume(d);
                default -> {}
            }
            sent(op).add(frame); // after the answer: a test that saw the frame may script what comes next
        }

        private void identify(JsonNode d) {
            if (token != null && !token.equals(d.path("token").asText())) {
                socket.close(4004, "Authentication failed.");
            } else if (!privilegedIntentsEnabled && (d.path("intents").asInt() & PRIVILEGED_INTENTS) != 0) {
                socket.close(4014, "Disallowed intent(s).");
            } else {
                synchronized (FakeGateway.this) {
                    dispatch("READY", ready(d, resumeUrl));
                    if (d.has("intents")) {
                        for (JsonNode guild : guilds) {
                            dispatch("GUILD_CREATE", guild.toString());
                        }
                    }
                }
            }
        }

        private void resume(JsonNode d) {
            synchronized (FakeGateway.this) {
                if (token != null && !token.equals(d.path("token").asText())) {
                    socket.close(4004, "Authentication failed.");
                } else if (sessionId != null && sessionId.equals(d.path("session_id").asText())) {
                    // Discord replays what the client missed, then says RESUMED.
                    long from = Math.max(0, d.path("seq").asLong() - replayOverlap);
                    dispatches.subList((int) Math.min(from, dispatches.size()), dispatches.size())
                            .forEach(this::send);
                    dispatch("RESUMED", "{\"_trace\":" + TRACE + "}");
                } else {
                    send(payload(INVALID_SESSION, "false"));
                }
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            clientCloses.add(code);
            webSocket.close(code >= 1000 && code < 5000 && code != 1005 && code != 1006 ? code : 1000, null);
        }
    }
}

package dev.discard.discord.gateway;

import static dev.discard.fake.FakeGateway.HEARTBEAT;
import static dev.discard.fake.FakeGateway.IDENTIFY;
import static dev.discard.fake.FakeGateway.RESUME;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.Token;
import dev.discard.discord.WsFrame;
import dev.discard.discord.WsFrame.Direction;
import dev.discard.fake.FakeGateway;
import dev.discard.fake.RecordingSink;
import dev.discard.fake.SampleGuild;
import dev.discard.testing.VirtualTimeScheduler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import okhttp3.OkHttpClient;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewaySessionTest {
    private static final OkHttpClient CLIENT = new OkHttpClient();
    private static final String TOKEN = "ODAwMDAwMDAwMDAwMDAwMDAx.secret";
    private static final Instant T0 = Instant.parse("2021-02-01T17:47:43Z");
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String QUERY = "?v=10&encoding=json";
    private static final ReconnectPolicy FAST = new ReconnectPolicy(
            3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(10), Duration.ofMillis(20));

    private final MockWebServer server = new MockWebServer();
    private final FakeGateway gateway = new FakeGateway()
            .guild(SampleGuild.json(111, "first"))
            .guild(SampleGuild.json(222, "second"));
    private final RecordingSink sink = new RecordingSink();
    /** The session's thread; its heartbeats, backoffs and close timeouts wait for {@link VirtualTimeScheduler#advance}. */
    private VirtualTimeScheduler time;
    private GatewaySession session;

    @BeforeEach
    void startServer() throws IOException {
        gateway.install(server, FakeGateway.NOT_FOUND);
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (session != null) session.close();
        server.shutdown();
    }

    /** Pinned clock, virtual time, no heartbeat until 99% of the 41 s interval, fast reconnects. */
    private GatewaySession.Builder builder() {
        return builder(new Token(TOKEN, false));
    }

    private GatewaySession.Builder builder(Token token) {
        return GatewaySession.builder(CLIENT, gateway.url(server), token, sink)
                .scheduler(threads -> time = new VirtualTimeScheduler(threads))
                .clock(Clock.fixed(T0, ZoneOffset.UTC))
                .random(FixedRandom.of(0.99))
                .reconnectPolicy(FAST)
                .closeTimeout(Duration.ofSeconds(2));
    }

    /** Connects and waits until READY and both GUILD_CREATEs (s 1 to 3) were handled. */
    private GatewaySession connectAndLoadGuilds() throws Exception {
        session = builder().connect();
        session.awaitGuildCreate(222, WAIT).orElseThrow();
        gateway.awaitConnection();
        return session;
    }

    /** Asks for a heartbeat and returns its sequence number: every frame sent before has been handled by then. */
    private long heartbeatSeq() throws InterruptedException {
        gateway.requestHeartbeat();
        return gateway.awaitSent(HEARTBEAT).path("d").asLong(-1);
    }

    @Test
    void identifiesWithIntentsAfterHello() throws Exception {
        session = builder().connect();

        assertEquals(FakeGateway.PATH + QUERY, gateway.awaitConnection());
        JsonNode identify = gateway.awaitSent(IDENTIFY).path("d");
        assertEquals(TOKEN, identify.path("token").asText());
        assertEquals(GatewayIntents.GUILDS | GatewayIntents.GUILD_MESSAGES | GatewayIntents.MESSAGE_CONTENT,
                identify.path("intents").asInt());
        assertEquals("discard", identify.at("/properties/browser").asText());
        assertEquals("discard", identify.at("/properties/device").asText());
        assertFalse(identify.at("/properties/os").asText().isBlank());
        assertTrue(gateway.framesToClient().get(0).contains("\"op\":10"), "HELLO comes first");
        assertTrue(gateway.framesFromClient().get(0).contains("\"op\":2"), "IDENTIFY answers it");
    }

    @Test
    void identifiesWithTheMembersIntentWhenMembersAreAsked() throws Exception {
        session = builder().intents(GatewayIntents.forArchive(true)).connect();

        int intents = gateway.awaitSent(IDENTIFY).path("d").path("intents").asInt();
        assertEquals(GatewayIntents.forArchive(false) | GatewayIntents.GUILD_MEMBERS, intents);
    }

    @Test
    void readyKeepsSessionResumeUrlUserGuildsAndApplication() throws Exception {
        session = builder().connect();
        ReadyInfo ready = session.awaitReady(WAIT);

        assertEquals(gateway.sessionId(), ready.sessionId());
        assertEquals(gateway.url(server) + "/resume", ready.resumeGatewayUrl());
        assertEquals("discard-test", ready.user().path("username").asText());
        assertEquals(List.of(111L, 222L), ready.guildIds());
        assertEquals("800000000000000001", ready.application().path("id").asText());
        assertEquals(FakeGateway.MESSAGE_CONTENT_LIMITED_FLAG, ready.applicationFlags());
    }

    @Test
    void messageContentIntentFollowsTheApplicationFlags() throws Exception {
        session = builder().connect();
        session.awaitReady(WAIT);
        assertTrue(session.hasMessageContentIntent());
        session.close();

        gateway.applicationFlags(0);
        session = builder().connect();
        session.awaitReady(WAIT);
        assertFalse(session.hasMessageContentIntent());
    }

    @Test
    void guildCreatePayloadsAreAvailableByGuildId() throws Exception {
        connectAndLoadGuilds();

        JsonNode guild = session.awaitGuildCreate(111, WAIT).orElseThrow();
        assertEquals("first", guild.path("name").asText());
        assertEquals(2, guild.path("channels").size());
        assertEquals(2, guild.path("roles").size());
        assertEquals(2, guild.path("members").size());
    }

    @Test
    void aGuildReadyDidNotListIsAnsweredAtOnceWithNothing() throws Exception {
        connectAndLoadGuilds();

        long start = System.nanoTime();
        assertEquals(Optional.empty(), session.awaitGuildCreate(999, Duration.ofSeconds(30)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(WAIT) < 0);
    }

    @Test
    void userAccountIdentifiesWithoutIntentsAndFindsGuildsInReady() throws Exception {
        gateway.user("{\"id\":\"800000000000000009\",\"username\":\"someone\",\"discriminator\":\"0\"}");
        session = builder(new Token(TOKEN, true)).connect();

        assertFalse(gateway.awaitSent(IDENTIFY).path("d").has("intents"));
        ReadyInfo ready = session.awaitReady(WAIT);
        assertEquals(List.of(111L, 222L), ready.guildIds());
        assertEquals("second", session.awaitGuildCreate(222, WAIT).orElseThrow().path("name").asText());
        assertTrue(session.hasMessageContentIntent(), "user accounts read content");
    }

    @Test
    void firstHeartbeatHasNoSequenceAndLaterOnesCarryTheLast() throws Exception {
        gateway.heartbeatInterval(Duration.ofMillis(100));
        session = builder().random(FixedRandom.of(0)).connect();

        assertTrue(gateway.awaitSent(HEARTBEAT).path("d").isNull(), "no dispatch before the first heartbeat");
        session.awaitGuildCreate(222, WAIT).orElseThrow();
        assertEquals(3, heartbeatSeq()); // the first heartbeat's acknowledgement came before this request
        time.advance(Duration.ofMillis(100));

        assertEquals(3, gateway.awaitSent(HEARTBEAT).path("d").asLong(), "the periodic heartbeat carries s 3");
    }

    @Test
    void answersAHeartbeatRequestAtOnce() throws Exception {
        connectAndLoadGuilds(); // the next periodic heartbeat is 40 s away

        gateway.requestHeartbeat();
        assertEquals(3, gateway.awaitSent(HEARTBEAT, Duration.ofSeconds(2)).path("d").asLong());
    }

    @Test
    void missingAckClosesWithAResumableCodeAndResumes() throws Exception {
        gateway.heartbeatInterval(Duration.ofMillis(100));
        session = builder().random(FixedRandom.of(0)).connect();
        session.awaitGuildCreate(222, WAIT).orElseThrow();
        String sessionId = gateway.sessionId();
        gateway.awaitConnection();
        heartbeatSeq(); // the first heartbeat's acknowledgement came before this request

        gateway.withholdAcks();
        time.advance(Duration.ofMillis(100)); // a heartbeat, not acknowledged
        assertEquals(1, gateway.connectionCount(), "still the first connection");
        time.advance(Duration.ofMillis(100)); // the next is due: a zombie connection

        int code = gateway.awaitClientClose();
        assertTrue(code != 1000 && code != 1001, "closed with " + code);
        assertResumed(sessionId, 3);
    }

    @Test
    void resumesAfterReconnectOpcode() throws Exception {
        connectAndLoadGuilds();
        String sessionId = gateway.sessionId();

        gateway.reconnect();

        assertNotEquals(1000, gateway.awaitClientClose());
        assertResumed(sessionId, 3);
        assertEquals(4, heartbeatSeq(), "RESUMED was s 4");
    }

    @Test
    void resumesAfterDroppedConnection() throws Exception {
        connectAndLoadGuilds();
        String sessionId = gateway.sessionId();

        gateway.drop();

        assertResumed(sessionId, 3);
    }

    @Test
    void resumesAfterInvalidSessionThatMayBeResumed() throws Exception {
        connectAndLoadGuilds();
        String sessionId = gateway.sessionId();

        gateway.invalidateSession(true);

        assertNotEquals(1000, gateway.awaitClientClose());
        assertResumed(sessionId, 3);
    }

    @Test
    void resumesAfterACloseCodeThatAllowsIt() throws Exception {
        connectAndLoadGuilds();
        String sessionId = gateway.sessionId();

        gateway.close(4000, "Unknown error.");

        assertResumed(sessionId, 3);
    }

    @Test
    void identifiesAgainAfterACloseCodeThatForbidsResuming() throws Exception {
        connectAndLoadGuilds();
        gateway.awaitSent(IDENTIFY);

        gateway.close(4009, "Session timed out.");

        assertEquals(FakeGateway.PATH + QUERY, gateway.awaitConnection());
        assertEquals(TOKEN, gateway.awaitSent(IDENTIFY).path("d").path("token").asText());
    }

    @Test
    void identifiesAgainAfterWaitingOnInvalidSession() throws Exception {
        Duration wait = Duration.ofMillis(300);
        session = builder().reconnectPolicy(new ReconnectPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40),
                wait, wait)).connect();
        session.awaitGuildCreate(222, WAIT).orElseThrow();
        gateway.awaitConnection();
        gateway.awaitSent(IDENTIFY);

        gateway.invalidateSession(false);

        assertNotEquals(1000, gateway.awaitClientClose());
        time.advanceWhenAsked(wait); // the policy's 300 ms before connecting again
        assertEquals(FakeGateway.PATH + QUERY, gateway.awaitConnection(), "the gateway URL, not the resume URL");
        gateway.awaitSent(IDENTIFY);
        assertTrue(session.failure().isEmpty());
    }

    @Test
    void authenticationFailedCloseEndsSessionWithOneLine() throws Exception {
        gateway.token("another-token");
        session = builder().connect();

        GatewayException e = assertThrows(GatewayException.class, () -> session.awaitReady(WAIT));

        assertEquals("Discord gateway closed the session: 4004 Authentication failed: the token is invalid or was "
                + "reset", e.getMessage());
        assertEquals(OptionalInt.of(4004), e.closeCode());
        assertEquals(e.getMessage(), session.failure().orElseThrow().getMessage());
        assertThrows(GatewayException.class, () -> session.awaitGuildCreate(111, WAIT));
        assertEquals(1, gateway.connectionCount(), "no reconnect");
    }

    @Test
    void disallowedIntentsCloseSaysWhichIntentsToEnable() throws Exception {
        gateway.disallowPrivilegedIntents();
        session = builder().intents(GatewayIntents.forArchive(true)).connect();

        GatewayException e = assertThrows(GatewayException.class, () -> session.awaitReady(WAIT));

        assertEquals("Discord gateway closed the session: 4014 Disallowed intent(s): enable the privileged MESSAGE "
                + "CONTENT and SERVER MEMBERS intents for the bot in the Discord developer portal, Bot page",
                e.getMessage());
        assertEquals(OptionalInt.of(4014), e.closeCode());
    }

    @Test
    void givesUpWhenTheReconnectAttemptsAreUsedUp() throws Exception {
        session = GatewaySession.builder(CLIENT, server.url("/not-a-gateway").toString(), new Token(TOKEN, false), sink)
                .scheduler(threads -> time = new VirtualTimeScheduler(threads))
                .reconnectPolicy(FAST)
                .connect();
        time.advanceWhenAsked(Duration.ofMillis(10)); // the second attempt after the policy's initial delay
        time.advanceWhenAsked(Duration.ofMillis(20)); // the third after twice that

        GatewayException e = assertThrows(GatewayException.class, () -> session.awaitReady(WAIT));

        assertTrue(e.getMessage().startsWith("gave up on the Discord gateway after 3 connection attempts in a row; "
                + "last: connection failed: ProtocolException: Expected HTTP 101 response but was '404"),
                e.getMessage());
        assertEquals(OptionalInt.empty(), e.closeCode());
    }

    @Test
    void noisyEventsAreNotRecordedButCounted() throws Exception {
        connectAndLoadGuilds();

        gateway.dispatch("TYPING_START", "{\"channel_id\":\"112\",\"user_id\":\"2\",\"timestamp\":1612201663}");
        gateway.dispatch("MESSAGE_CREATE", "{\"id\":\"805808489695150183\",\"channel_id\":\"112\",\"content\":\"hi\"}");
        gateway.dispatch("TYPING_START", "{\"channel_id\":\"112\",\"user_id\":\"2\",\"timestamp\":1612201664}");
        gateway.dispatch("CHANNEL_UPDATE", "{\"id\":\"112\",\"type\":0,\"guild_id\":\"111\",\"name\":\"renamed\"}");

        assertEquals(7, heartbeatSeq(), "dropped events still count for the sequence");
        assertEquals(Map.of("MESSAGE_CREATE", 1L, "TYPING_START", 2L), session.droppedEvents());
        List<String> received = sink.texts(Direction.RECV);
        assertTrue(received.stream().anyMatch(text -> text.contains("CHANNEL_UPDATE")));
        assertTrue(received.stream().noneMatch(text -> text.contains("TYPING_START")
                || text.contains("MESSAGE_CREATE")));
        session.close(); // no frame arrives any more: the counts can be compared
        assertEquals(sink.frames().size(), session.framesRecorded());
    }

    @Test
    void everyFrameIsRecordedVerbatimInOrder() throws Exception {
        connectAndLoadGuilds();
        heartbeatSeq();
        gateway.dispatch("CHANNEL_UPDATE", "{\"id\":\"112\",\"type\":0,\"guild_id\":\"111\",\"name\":\"\u00e9t\u00e9\"}");
        heartbeatSeq();

        session.close();

        assertEquals(gateway.framesToClient(), sink.texts(Direction.RECV));
        assertEquals(gateway.framesFromClient(), sink.texts(Direction.SEND));
        assertTrue(sink.frames().stream().allMatch(frame -> frame.time().equals(T0)), "stamped by the clock");
        assertEquals(sink.frames().size(), session.framesRecorded());
    }

    @Test
    void identifyReachesTheSinkWithTheTokenForTheSinkToScrub() throws Exception {
        connectAndLoadGuilds();

        WsFrame first = sink.frames().stream().filter(f -> f.direction() == Direction.SEND).findFirst().orElseThrow();
        assertTrue(first.text().startsWith("{\"op\":2,"), first.text());
        assertTrue(first.text().contains("\"token\":\"" + TOKEN + "\""));
    }

    @Test
    void unknownOpcodesEventsAndNullFieldsAreRecordedAndIgnored() throws Exception {
        connectAndLoadGuilds();
        List<String> odd = List.of(
                "{\"t\":null,\"s\":null,\"op\":42,\"d\":{\"future\":true}}",
                "{\"t\":\"SOME_FUTURE_EVENT\",\"s\":4,\"op\":0,\"d\":{\"x\":1}}",
                "{\"d\":null,\"op\":0,\"s\":null,\"t\":\"CHANNEL_UPDATE\"}",
                "{\"op\":0,\"t\":null,\"s\":null,\"d\":{}}",
                "{\"op\":11}",
                "{\"op\":\"eleven\"}",
                "[1,2,3]",
                "not json at all");

        odd.forEach(gateway::sendText);

        assertEquals(4, heartbeatSeq());
        assertTrue(sink.texts(Direction.RECV).containsAll(odd));
        assertTrue(session.failure().isEmpty());
    }

    @Test
    void fieldsAreReadInAnyOrder() throws Exception {
        connectAndLoadGuilds();

        gateway.sendText("{\"d\":{\"id\":\"111\",\"name\":\"renamed\"},\"s\":9,\"op\":0,\"t\":\"GUILD_CREATE\"}");

        assertEquals(9, heartbeatSeq());
        assertEquals("renamed", session.awaitGuildCreate(111, WAIT).orElseThrow().path("name").asText());
    }

    @Test
    void readyOfMegabytesIsHandledAndRecordedWhole() throws Exception {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            if (i > 0) members.append(',');
            members.append("{\"user\":{\"id\":\"").append(900_000_000_000_000_000L + i)
                    .append("\",\"username\":\"member").append(i).append("\",\"discriminator\":\"0\"},")
                    .append("\"roles\":[],\"joined_at\":\"2021-02-01T17:47:43.374877+00:00\",\"deaf\":false,")
                    .append("\"mute\":false,\"flags\":0,\"pending\":false}");
        }
        FakeGateway big = new FakeGateway().user("{\"id\":\"5\",\"username\":\"someone\",\"discriminator\":\"0\"}")
                .guild("{\"id\":\"333\",\"name\":\"big\",\"members\":[" + members + "]}");
        server.setDispatcher(big.dispatcher(FakeGateway.NOT_FOUND));
        session = GatewaySession.builder(CLIENT, big.url(server), new Token(TOKEN, true), sink).connect();

        JsonNode guild = session.awaitGuildCreate(333, WAIT).orElseThrow();

        assertEquals(20_000, guild.path("members").size());
        String ready = sink.texts(Direction.RECV).stream().filter(t -> t.contains("\"READY\"")).findFirst()
                .orElseThrow();
        assertTrue(ready.length() > 3_000_000, "READY of " + ready.length() + " chars");
        assertEquals(big.framesToClient().get(1), ready);
    }

    @Test
    void binaryFramesAreReadAsUtf8OrRecordedAsBase64() throws Exception {
        connectAndLoadGuilds();
        String json = "{\"t\":\"GUILD_CREATE\",\"s\":4,\"op\":0,\"d\":{\"id\":\"111\",\"name\":\"bin\u00e4r\"}}";

        gateway.sendBinary(json.getBytes(UTF_8));
        gateway.sendBinary(new byte[] {0x78, (byte) 0x9c, (byte) 0xff, 0x00}); // zlib-like, not UTF-8

        assertEquals(4, heartbeatSeq());
        assertEquals("bin\u00e4r", session.awaitGuildCreate(111, WAIT).orElseThrow().path("name").asText());
        assertTrue(sink.texts(Direction.RECV).containsAll(List.of(json, "base64:eJz/AA==")));
    }

    @Test
    void closeEndsTheSessionWithNormalClosureAndStopsItsThread() throws Exception {
        connectAndLoadGuilds();

        session.close();
        session.close();

        assertEquals(1000, gateway.awaitClientClose());
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("discard-gateway")) {
                thread.join(WAIT.toMillis());
                assertFalse(thread.isAlive(), "the session's thread is still running");
            }
        }
        assertEquals(List.of(111L, 222L), session.awaitReady(WAIT).guildIds(), "READY stays readable");
        assertEquals(Optional.empty(), session.awaitGuildCreate(999, WAIT));
        assertTrue(session.failure().isEmpty());
    }

    @Test
    void awaitReadyFailsWhenReadyDoesNotCome() throws Exception {
        server.setDispatcher(silentGateway());
        session = builder().closeTimeout(Duration.ofMillis(200)).connect();

        GatewayException e = assertThrows(GatewayException.class, () -> session.awaitReady(Duration.ofMillis(200)));

        assertEquals("expected READY from the Discord gateway within 200 ms but none arrived", e.getMessage());
    }

    @Test
    void closeBeforeReadyMakesAwaitReadyFail() throws Exception {
        server.setDispatcher(silentGateway());
        session = builder().closeTimeout(Duration.ofMillis(200)).connect();

        session.close();

        GatewayException e = assertThrows(GatewayException.class, () -> session.awaitReady(WAIT));
        assertEquals("the gateway session was closed before READY", e.getMessage());
    }

    /** Upgrades to a websocket and then says nothing but the answer to a close. */
    private static Dispatcher silentGateway() {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
                    @Override
                    public void onClosing(WebSocket webSocket, int code, String reason) {
                        webSocket.close(code, null);
                    }
                });
            }
        };
    }

    /** The client left its connection, opened one at the resume URL and resumed the session at {@code seq}. */
    private void assertResumed(String sessionId, long seq) throws InterruptedException {
        assertEquals(FakeGateway.RESUME_PATH + QUERY, gateway.awaitConnection());
        JsonNode resume = gateway.awaitSent(RESUME).path("d");
        assertEquals(TOKEN, resume.path("token").asText());
        assertEquals(sessionId, resume.path("session_id").asText());
        assertEquals(seq, resume.path("seq").asLong());
        assertTrue(session.failure().isEmpty());
    }
}

package dev.discard.discord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

class DiscordRestTest {
    @Test
    void evidenceHeadersAreKeptLowerCaseSortedAndRepeatsJoinedInOrder() {
        okhttp3.Response response = new okhttp3.Response.Builder()
                .request(new okhttp3.Request.Builder().url("http://x.test/").build())
                .protocol(okhttp3.Protocol.HTTP_1_1).code(200).message("OK")
                .addHeader("X-RateLimit-Remaining", "4").addHeader("Set-Cookie", "secret=1")
                .addHeader("via", "1.1 google").addHeader("Date", "Sun, 29 Nov 2026 20:00:00 GMT")
                .addHeader("x-ratelimit-bucket", "abc").addHeader("Content-Type", "application/json")
                .addHeader("Via", "1.1 other").addHeader("CF-Ray", "1-AMS").addHeader("Authorization", "no").build();
        assertEquals(List.of("cf-ray=1-AMS", "content-type=application/json", "date=Sun, 29 Nov 2026 20:00:00 GMT",
                "via=1.1 google, 1.1 other", "x-ratelimit-bucket=abc", "x-ratelimit-remaining=4"),
                DiscordRest.evidenceHeaders(response).entrySet().stream().map(Object::toString).toList());
    }

    private final AtomicLong now = new AtomicLong();
    private final List<Long> waits = new CopyOnWriteArrayList<>();
    private final Sleeper sleeper = nanos -> {
        waits.add(nanos);
        now.addAndGet(nanos);
    };
    private final List<HttpExchange> recorded = new ArrayList<>();
    private final ExchangeSink sink = new ExchangeSink() {
        @Override
        public void http(HttpExchange exchange) {
            recorded.add(exchange);
        }

        @Override
        public void ws(WsFrame frame) {}
    };

    private DiscordRest rest(MockWebServer server) {
        return rest(server, new OkHttpClient());
    }

    private DiscordRest rest(MockWebServer server, OkHttpClient http) {
        ConnectionConfig connection = ConnectionConfig.defaults().withHttp(http).withSleeper(sleeper)
                .withRandom(() -> 0L).withRetry(new RetryPolicy(2, 5, Duration.ofMillis(1), Duration.ofMillis(2)));
        return DiscordRest.builder(connection, server.url("/api/v10"), new Token("t", false))
                .client("u", "v").rateLimiter(new RateLimiter(sleeper, now::get))
                .invalidRequestGuard(new InvalidRequestGuard(100, now::get)).build();
    }

    @Test
    void a429WithoutViaIsCloudflareAndHoldsEveryRoute() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3").setBody("error 1015"));
            server.enqueue(new MockResponse().setBody("{}").setHeader("Via", "1.1 google"));
            server.enqueue(new MockResponse().setBody("{}").setHeader("Via", "1.1 google"));
            DiscordRest rest = rest(server);
            rest.get(ApiRequest.get("/channels/1/messages"), sink);
            assertEquals(List.of(3_000_000_000L), waits, "waited Retry-After before repeating");
            assertEquals(2, recorded.size());
            assertEquals(429, recorded.get(0).status());
        }
    }

    @Test
    void retriesStopAfterThePolicyAndTheLastAnswerIsReturned() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            for (int i = 0; i < 3; i++) server.enqueue(new MockResponse().setResponseCode(503).setBody("busy"));
            ApiResponse response = rest(server).get(ApiRequest.get("/users/@me"), sink);
            assertEquals(503, response.status());
            assertEquals(3, recorded.size(), "the first attempt and two retries, each recorded");
        }
    }

    @Test
    void queryParametersAreSentAndRecordedSeparately() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody("[]"));
            rest(server).get(ApiRequest.get("/channels/5/messages").param("limit", 100).param("after", 0L), sink);
            assertEquals("/api/v10/channels/5/messages?limit=100&after=0", server.takeRequest().getPath());
            assertEquals(server.url("/api/v10").toString().replaceAll("/$", "") + "/channels/5/messages",
                    recorded.get(0).url());
            assertEquals(100, recorded.get(0).params().get("limit"));
        }
    }

    @Test
    void retryAfterInMillisecondsFromOldServersIsReadAsTheHeaderSays() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(429).setHeader("Via", "1.1 google")
                    .setHeader("Retry-After", "5").setBody("{\"message\":\"slow down\",\"retry_after\":5000}"));
            server.enqueue(new MockResponse().setBody("{}").setHeader("Via", "1.1 google"));
            rest(server).get(ApiRequest.get("/channels/1/messages"), sink);
            assertEquals(List.of(5_000_000_000L), waits, "5 seconds, not 5,000");
        }
    }

    @Test
    void fractionalRetryAfterInSecondsIsKept() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(429).setHeader("Via", "1.1 google")
                    .setHeader("Retry-After", "1").setBody("{\"message\":\"slow down\",\"retry_after\":0.25}"));
            server.enqueue(new MockResponse().setBody("{}").setHeader("Via", "1.1 google"));
            rest(server).get(ApiRequest.get("/channels/1/messages"), sink);
            assertEquals(List.of(250_000_000L), waits);
        }
    }

    /** A JSON body of about {@code size} bytes. */
    private static String body(int size) {
        return "{\"pad\":\"" + "a".repeat(size) + "\"}";
    }

    private static OkHttpClient readTimeout(long millis) {
        return new OkHttpClient.Builder().readTimeout(Duration.ofMillis(millis)).build();
    }

    @Test
    void aBodyThatStopsHalfwayIsCutAfterTheReadTimeoutAndRetried() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody(body(20_000)).throttleBody(10_000, 1_500, TimeUnit.MILLISECONDS));
            server.enqueue(new MockResponse().setBody(body(20_000)));
            ApiResponse response = rest(server, readTimeout(300)).get(ApiRequest.get("/users/@me"), sink);
            assertEquals(200, response.status());
            assertEquals(2, recorded.size(), "the cut attempt and its retry");
            assertNull(recorded.get(0).status());
            assertEquals("SocketTimeoutException: timeout (no data for 300 ms)", recorded.get(0).error());
            assertEquals(1, waits.size(), "retried after a backoff, as a failed attempt");
            assertEquals(body(20_000), new String(recorded.get(1).body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void headersThatNeverComeAreCutAfterTheReadTimeoutAndRetried() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            server.enqueue(new MockResponse().setBody("{}"));
            ApiResponse response = rest(server, readTimeout(300)).get(ApiRequest.get("/users/@me"), sink);
            assertEquals(200, response.status());
            assertEquals(2, recorded.size());
            assertTrue(recorded.get(0).error().startsWith("SocketTimeoutException: timeout"), recorded.get(0).error());
        }
    }

    @Test
    void aSlowBodyThatKeepsComingIsNotCut() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            String body = body(2_000); // a chunk every 250 ms for about two seconds, under a one-second limit
            server.enqueue(new MockResponse().setBody(body).throttleBody(256, 250, TimeUnit.MILLISECONDS));
            ApiResponse response = rest(server, readTimeout(1_000)).get(ApiRequest.get("/users/@me"), sink);
            assertEquals(200, response.status());
            assertEquals(1, recorded.size(), "one attempt, never cut");
            assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), response.body());
        }
    }

    @Test
    void aReadTimeoutOfZeroNeverCuts() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody(body(20_000)).throttleBody(10_000, 1_200, TimeUnit.MILLISECONDS)
                    .setHeadersDelay(500, TimeUnit.MILLISECONDS));
            ApiResponse response = rest(server, readTimeout(0)).get(ApiRequest.get("/users/@me"), sink);
            assertEquals(200, response.status());
            assertEquals(1, recorded.size());
        }
    }

    @Test
    void aCallCancelledByItsUserIsAnInterruptionNotATimeout() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            OkHttpClient http = readTimeout(60_000);
            Thread caller = Thread.currentThread();
            Thread stopper = new Thread(() -> {
                try {
                    server.takeRequest(); // the request is in flight
                    http.dispatcher().cancelAll(); // as ArchiveRun.interrupt does, on the client it derives from
                    caller.interrupt();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stopper.start();
            assertThrows(InterruptedException.class, () -> rest(server, http).get(ApiRequest.get("/users/@me"), sink));
            stopper.join();
            Thread.interrupted();
            assertEquals(1, recorded.size(), "the interrupted attempt is recorded, and not retried");
        }
    }

    @Test
    void aCallCancelledWithoutAnInterruptIsAnInterruptionToo() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            OkHttpClient http = readTimeout(60_000);
            Thread stopper = new Thread(() -> {
                try {
                    server.takeRequest();
                    http.dispatcher().cancelAll();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stopper.start();
            assertThrows(InterruptedException.class, () -> rest(server, http).get(ApiRequest.get("/users/@me"), sink));
            stopper.join();
            assertEquals(1, recorded.size());
        }
    }
}

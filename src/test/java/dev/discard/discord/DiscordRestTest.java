package dev.discard.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

class DiscordRestTest {
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
        return DiscordRest.builder(new OkHttpClient(), server.url("/api/v10"), new Token("t", false))
                .client("u", "v").rateLimiter(new RateLimiter(sleeper, now::get))
                .retryPolicy(new RetryPolicy(2, 5, Duration.ofMillis(1), Duration.ofMillis(2))).sleeper(sleeper)
                .random(() -> 0L).invalidRequestGuard(new InvalidRequestGuard(100, now::get)).build();
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
}

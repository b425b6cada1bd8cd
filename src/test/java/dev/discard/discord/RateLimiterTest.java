package dev.discard.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> waits = new ArrayList<>();
    private final RateLimiter limiter = new RateLimiter(nanos -> {
        waits.add(nanos);
        now.addAndGet(nanos);
    }, now::get);
    private final RouteKey channel1 = RouteKey.of("GET", "/channels/1/messages");
    private final RouteKey channel2 = RouteKey.of("GET", "/channels/2/messages");

    @Test
    void emptyBucketWaitsForItsResetOthersGoAtOnce() throws Exception {
        limiter.update(channel1, Map.of("x-ratelimit-bucket", "abc", "x-ratelimit-remaining", "0",
                "x-ratelimit-reset-after", "0.8"), 200, Double.NaN, false);
        limiter.acquire(channel2);
        assertEquals(List.of(), waits, "another channel has its own copy of the bucket");
        limiter.acquire(channel1);
        assertEquals(List.of(800_000_000L), waits);
    }

    @Test
    void bucket429WaitsRetryAfterGlobal429HoldsEverything() throws Exception {
        limiter.update(channel1, Map.of(), 429, 1.5, false);
        limiter.acquire(channel2);
        assertEquals(List.of(), waits);
        limiter.acquire(channel1);
        assertEquals(List.of(1_500_000_000L), waits);
        limiter.update(channel1, Map.of(), 429, 0.25, true);
        limiter.acquire(channel2);
        assertEquals(List.of(1_500_000_000L, 250_000_000L), waits);
    }

    @Test
    void remainingCountsDownBeforeTheServerSaysSo() throws Exception {
        limiter.update(channel1, Map.of("x-ratelimit-remaining", "2", "x-ratelimit-reset-after", "1"), 200,
                Double.NaN, false);
        limiter.acquire(channel1);
        limiter.acquire(channel1);
        assertEquals(List.of(), waits);
        limiter.acquire(channel1);
        assertEquals(List.of(1_000_000_000L), waits);
    }

    @Test
    void pacesItselfBelowTheGlobalLimitOverAnySecond() throws Exception {
        RateLimiter paced = new RateLimiter(nanos -> {
            waits.add(nanos);
            now.addAndGet(nanos);
        }, now::get, 2);
        paced.acquire(channel1);
        now.addAndGet(300_000_000L);
        paced.acquire(channel2);
        assertEquals(List.of(), waits);
        paced.acquire(RouteKey.of("GET", "/channels/3/messages"));
        assertEquals(List.of(750_000_000L), waits, "the third waits until the first is a second (and 5 %) old");
    }

    @Test
    void requestsAreSpreadOutSoThatNoHerdLeavesAtOnce() throws Exception {
        RateLimiter paced = new RateLimiter(nanos -> {
            waits.add(nanos);
            now.addAndGet(nanos);
        }, now::get, 50);
        for (int i = 0; i < 5; i++) paced.acquire(RouteKey.of("GET", "/channels/" + i + "/messages"));
        assertEquals(List.of(10_500_000L, 10_500_000L, 10_500_000L, 10_500_000L), waits,
                "half the average spacing of 50 per 1.05 s between any two, even with the budget unspent");
    }

    @Test
    void aGlobal429WidensThePacingWindowUntilHalfAMinutePassesWithoutOne() throws Exception {
        RateLimiter paced = new RateLimiter(nanos -> {
            waits.add(nanos);
            now.addAndGet(nanos);
        }, now::get, 2);
        paced.update(channel1, Map.of(), 429, 0.0, true);
        paced.acquire(channel1);
        now.addAndGet(600_000_000L);
        paced.acquire(channel2);
        paced.acquire(channel1);
        assertEquals(List.of(502_500_000L), waits, "1.05 s and 5 %: the third waits until the first is 1.1025 s old");
        now.addAndGet(30_000_000_000L);
        waits.clear();
        paced.acquire(channel1);
        now.addAndGet(600_000_000L);
        paced.acquire(channel2);
        paced.acquire(channel1);
        assertEquals(List.of(450_000_000L), waits, "back to 1.05 s");
    }

    @Test
    void aBucketOfKnownLimitRefillsToItsLimitAtItsReset() throws Exception {
        limiter.update(channel1, Map.of("x-ratelimit-limit", "2", "x-ratelimit-remaining", "1",
                "x-ratelimit-reset-after", "1"), 200, Double.NaN, false);
        limiter.acquire(channel1);
        limiter.acquire(channel1);
        assertEquals(List.of(1_000_000_000L), waits, "the second waits for the reset");
        limiter.acquire(channel1);
        assertEquals(List.of(1_000_000_000L), waits, "the refilled bucket's second slot, before any answer");
        limiter.acquire(channel1);
        assertEquals(List.of(1_000_000_000L, 1_000_000_000L), waits, "the refill was one window's worth, not all");
    }

    @Test
    void thePaceCountsTheLastSecondLearnsTheBucketRateAndIgnoresShared429s() throws Exception {
        for (int i = 0; i < 3; i++) limiter.acquire(RouteKey.of("GET", "/channels/" + i + "/messages"));
        limiter.update(channel1, Map.of("x-ratelimit-limit", "5", "x-ratelimit-remaining", "4",
                "x-ratelimit-reset-after", "1.0"), 200, Double.NaN, false);
        limiter.update(channel2, Map.of("x-ratelimit-scope", "shared"), 429, 0.1, false);
        RateLimiter.Pace pace = limiter.pace();
        assertEquals(3.0, pace.perSecond(), 1e-9);
        assertEquals(5.0, pace.bucketRate(), 1e-9);
        assertEquals(0, pace.count429(), "a shared 429 is not the client's doing");
        limiter.update(channel2, Map.of(), 429, 0.1, false);
        assertEquals(1, limiter.pace().count429());
        now.addAndGet(2_000_000_000L);
        assertEquals(0.0, limiter.pace().perSecond(), 1e-9, "a second later nothing was sent");
    }

    @Test
    void routeKeysKeepTheMajorParameterAndFoldOtherIds() {
        RouteKey key = RouteKey.of("GET", "/channels/42/messages/7/reactions/%F0%9F%91%8D");
        assertEquals("GET /channels/{major}/messages/{id}/reactions/{emoji}", key.route());
        assertEquals("channels/42", key.major());
        assertEquals("GET /users/@me", RouteKey.of("GET", "/users/@me").route());
        assertEquals("guilds/9", RouteKey.of("GET", "/guilds/9/members/5").major());
    }
}

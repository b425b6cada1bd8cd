package dev.discard.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.discard.discord.RateLimiter;
import dev.discard.discord.RouteKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The automatic concurrency follows the buckets' headers and the measured pace, on a clock the test drives. */
class AutoConcurrencyTest {
    private static final long MS = 1_000_000L;
    private final AtomicLong now = new AtomicLong(0);
    private final RateLimiter limiter = new RateLimiter(now::addAndGet, now::get, 50);
    private final AutoConcurrency auto = new AutoConcurrency(64, limiter, 50);
    private final List<Integer> changes = new ArrayList<>();

    AutoConcurrencyTest() {
        auto.onChange(changes::add);
    }

    private static RouteKey channel(int i) {
        return RouteKey.of("GET", "/channels/" + i + "/messages");
    }

    /** A second of {@code requests} spread evenly, ticking after each as the limiter does. */
    private void second(int requests) throws Exception {
        long step = 1000 * MS / requests;
        for (int i = 0; i < requests; i++) {
            now.addAndGet(step);
            limiter.acquire(channel(i));
            auto.tick();
        }
    }

    private void freshBucket(int i) {
        limiter.update(channel(i), Map.of("x-ratelimit-limit", "5", "x-ratelimit-remaining", "4",
                "x-ratelimit-reset-after", "1.0"), 200, Double.NaN, false);
    }

    @Test
    void growsTowardsBudgetOverBucketRateAtMostDoublingEachSecond() throws Exception {
        assertEquals(AutoConcurrency.START, auto.target());
        freshBucket(0);
        auto.active(4);
        second(20);
        // 19 requests in the last second from 4 channels, under buckets of 5/s: 4.75/s a channel, 50 ÷ 4.75 and a
        // tenth more is 12, but a second may only double.
        assertEquals(List.of(8), changes);
        auto.active(8);
        second(40);
        assertEquals(List.of(8, 12), changes);
        auto.active(12);
        second(48);
        assertEquals(List.of(8, 12), changes, "at over 85 % of the budget there is nothing to gain");
    }

    @Test
    void neverAboveTheCap() throws Exception {
        AutoConcurrency capped = new AutoConcurrency(6, limiter, 50);
        freshBucket(0);
        capped.active(4);
        for (int s = 0; s < 3; s++) {
            now.addAndGet(1000 * MS);
            capped.tick();
        }
        assertEquals(6, capped.target());
        assertEquals(2, new AutoConcurrency(2, limiter, 50).target(), "starts at the cap when it is below 4");
    }

    @Test
    void aClientsOwn429HoldsGrowthASharedOneChangesNothing() throws Exception {
        freshBucket(0);
        auto.active(4);
        second(20);
        assertEquals(8, auto.target());
        limiter.update(channel(1), Map.of("x-ratelimit-scope", "shared"), 429, 0.1, false);
        second(20);
        assertEquals(12, auto.target(), "a shared 429 is not the client's doing");
        limiter.update(channel(1), Map.of("x-ratelimit-limit", "5", "x-ratelimit-remaining", "4",
                "x-ratelimit-reset-after", "1.0"), 200, Double.NaN, false);
        AutoConcurrency held = new AutoConcurrency(64, limiter, 50);
        held.active(4);
        limiter.update(channel(1), Map.of(), 429, 0.1, true);
        for (int s = 0; s < 4; s++) {
            now.addAndGet(1000 * MS);
            held.tick();
        }
        assertEquals(4, held.target(), "no growth within 5 s of a 429; the limiter's pacing keeps the global limit");
        now.addAndGet(2000 * MS);
        held.tick();
        assertEquals(8, held.target(), "then the buckets' rate says 11, at most twice the target");
    }

    @Test
    void withoutABudgetOfTheLimitersOwnA429TakesAQuarterOff() throws Exception {
        RateLimiter unpaced = new RateLimiter(now::addAndGet, now::get, 0);
        AutoConcurrency paced = new AutoConcurrency(64, unpaced, 50);
        unpaced.update(channel(0), Map.of("x-ratelimit-limit", "5", "x-ratelimit-remaining", "4",
                "x-ratelimit-reset-after", "1.0"), 200, Double.NaN, false);
        paced.active(4);
        now.addAndGet(1000 * MS);
        paced.tick();
        assertEquals(8, paced.target());
        unpaced.update(channel(1), Map.of(), 429, 0.1, false);
        now.addAndGet(1000 * MS);
        paced.tick();
        assertEquals(6, paced.target(), "8 less a quarter: the number of channels is all that paces this run");
    }

    @Test
    void aFixedConcurrencyNeverChanges() throws Exception {
        AutoConcurrency fixed = AutoConcurrency.fixed(3);
        fixed.tick();
        assertEquals(3, fixed.target());
    }
}

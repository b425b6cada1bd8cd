package dev.discard.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The ban guard counts refusals over a sliding ten minutes, slows the run well before the limit and stops at it. */
class InvalidRequestGuardTest {
    private final AtomicLong now = new AtomicLong(0);

    @Test
    void slowsInProportionFromAFifthOfItsLimitAndStopsAtIt() throws Exception {
        InvalidRequestGuard guard = new InvalidRequestGuard(100, now::get);
        for (int i = 0; i < 20; i++) guard.record(403, null);
        assertEquals(1.0, guard.share(), 1e-9, "below a fifth of the limit: full speed");
        for (int i = 0; i < 40; i++) guard.record(429, "user");
        assertEquals(0.5, guard.share(), 1e-9, "60 of 100: half way from 20 to 100");
        for (int i = 0; i < 100; i++) guard.record(429, "shared");
        assertEquals(60, guard.count(), "shared 429s are not the client's doing");
        for (int i = 0; i < 39; i++) guard.record(401, null);
        assertEquals(InvalidRequestGuard.LEAST_SHARE, guard.share(), 1e-9);
        InvalidRequestGuard.InvalidRequestBudgetException stop = assertThrows(
                InvalidRequestGuard.InvalidRequestBudgetException.class, () -> guard.record(403, null));
        assertTrue(stop.getMessage().startsWith("stopped after 100 refused requests"), stop.getMessage());
    }

    @Test
    void fullSpeedAgainOnceTheRefusalsAgeOutOfTheWindow() throws Exception {
        InvalidRequestGuard guard = new InvalidRequestGuard(InvalidRequestGuard.DEFAULT_LIMIT, now::get);
        for (int i = 0; i < 3_000; i++) guard.record(429, null);
        assertEquals(0.5, guard.share(), 1e-9);
        now.addAndGet(InvalidRequestGuard.WINDOW_NANOS);
        assertEquals(1.0, guard.share(), 1e-9);
        assertEquals(0, guard.count());
    }

    @Test
    void aThrottledLimiterSpacesItsRequestsFurther() throws Exception {
        java.util.List<Long> waits = new java.util.ArrayList<>();
        RateLimiter limiter = new RateLimiter(n -> {
            waits.add(n);
            now.addAndGet(n);
        }, now::get, 50);
        limiter.throttle(0.5);
        limiter.acquire(RouteKey.of("GET", "/channels/1/messages"));
        limiter.acquire(RouteKey.of("GET", "/channels/2/messages"));
        assertEquals(java.util.List.of(21_000_000L), waits, "twice the 10.5 ms of the full budget");
        assertEquals(25.0, limiter.pace().budget(), 1e-9);
    }
}

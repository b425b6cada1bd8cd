package dev.discard.discord;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps requests inside Discord's rate limits without wasting time: waits before a request whose bucket is known to be
 * empty, and after a 429 waits exactly what Discord asked for.
 *
 * <p>Discord names buckets in {@code X-RateLimit-Bucket}; several routes may share one, and each major parameter
 * (channel, guild, webhook) has its own copy of it. The limiter learns route → bucket from responses and keeps state
 * per bucket + major parameter. Worked example: {@code GET /channels/1/messages} answers
 * {@code Bucket: abc, Remaining: 0, Reset-After: 0.8}. The next request for channel 1's messages waits 0.8 s first;
 * a request for channel 2's messages ({@code abc|channels/2}) goes at once. A 429 with {@code retry_after: 1.5}
 * empties that bucket for 1.5 s; a 429 with {@code global: true} (or {@code X-RateLimit-Scope: global}) holds every
 * request for that long. Thread-safe: waits happen outside the lock.
 *
 * <p>Discord also limits every bot to 50 requests per second in all ("global rate limit"), but says so only with a
 * 429. The limiter paces itself below that: no more than {@code maxPerSecond} requests in any sliding window of
 * {@link #PACING_WINDOW_NANOS}, a second plus a margin for requests that take longer to arrive than the next, so
 * that channels archived in parallel never run into it.
 */
public final class RateLimiter {
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    /** route → bucket hash, as learned from X-RateLimit-Bucket. */
    private final Map<String, String> bucketOfRoute = new HashMap<>();
    /** bucket hash (or route when unknown) + major → state. */
    private final Map<String, Bucket> buckets = new HashMap<>();
    private long globalUntil;
    /** When the last {@code maxPerSecond} requests were let through, oldest first; null when not pacing. */
    private final long[] recent;
    private int recentNext;

    /**
     * One second and 10 %: requests sent a second apart may arrive closer together. With 5 %, ten channels at once
     * against a fake holding the limit in fixed windows met 6 global 429s in 346 requests on a busy two-core machine,
     * once the client was fast enough to reach the limit at all.
     */
    static final long PACING_WINDOW_NANOS = 1_100_000_000L;

    /** Waits shorter than this are the pacing's usual rhythm, not worth a log line. */
    private static final long LOGGED_WAIT_NANOS = 250_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    /** Discord's documented global limit, requests per second. */
    public static final int DISCORD_GLOBAL_PER_SECOND = 50;

    public RateLimiter(Sleeper sleeper, LongSupplier nanoTime) {
        this(sleeper, nanoTime, 0);
    }

    /** @param maxPerSecond requests in any one second at most; 0 for no pacing of our own */
    public RateLimiter(Sleeper sleeper, LongSupplier nanoTime, int maxPerSecond) {
        if (maxPerSecond < 0) throw new IllegalArgumentException("maxPerSecond must be >= 0");
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
        this.globalUntil = nanoTime.getAsLong();
        this.recent = maxPerSecond == 0 ? null : new long[maxPerSecond];
        if (recent != null) java.util.Arrays.fill(recent, Long.MIN_VALUE / 2);
    }

    public static RateLimiter system() {
        return new RateLimiter(Sleeper.SYSTEM, System::nanoTime, DISCORD_GLOBAL_PER_SECOND);
    }

    /** Blocks until a request on this route may be sent, and reserves one slot of its bucket. */
    public void acquire(RouteKey key) throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = nanoTime.getAsLong();
                Bucket bucket = buckets.get(bucketKey(key));
                wait = globalUntil - now;
                if (wait <= 0 && recent != null) wait = recent[recentNext] + PACING_WINDOW_NANOS - now;
                if (wait <= 0 && bucket != null) wait = bucket.reserve(now);
                if (wait <= 0) {
                    if (recent != null) {
                        recent[recentNext] = now;
                        recentNext = (recentNext + 1) % recent.length;
                    }
                    return;
                }
            }
            if (wait >= LOGGED_WAIT_NANOS) {
                LOG.debug("{} ({}): waiting {} ms for the rate limit", key.route(), key.major(), wait / 1_000_000);
            }
            sleeper.sleep(wait);
        }
    }

    /**
     * Learns from a response: the bucket's remaining requests and reset time, and for 429 the wait Discord asks for.
     *
     * @param retryAfterSeconds for a 429, the body's {@code retry_after} (or the Retry-After header), else NaN
     * @param global for a 429, whether it holds every request
     */
    public synchronized void update(RouteKey key, Map<String, String> headers, int status, double retryAfterSeconds,
            boolean global) {
        long now = nanoTime.getAsLong();
        String hash = headers.get("x-ratelimit-bucket");
        if (hash != null) bucketOfRoute.put(key.route(), hash);
        Bucket bucket = buckets.computeIfAbsent(bucketKey(key), k -> new Bucket());
        Double remaining = number(headers.get("x-ratelimit-remaining"));
        Double resetAfter = number(headers.get("x-ratelimit-reset-after"));
        if (remaining != null && resetAfter != null) {
            bucket.remaining = remaining.intValue();
            bucket.resetAt = now + seconds(resetAfter);
        }
        if (status == 429 && !Double.isNaN(retryAfterSeconds)) {
            long until = now + seconds(retryAfterSeconds);
            if (global) {
                globalUntil = Math.max(globalUntil, until);
            } else {
                bucket.remaining = 0;
                bucket.resetAt = Math.max(bucket.resetAt, until);
            }
        }
    }

    private String bucketKey(RouteKey key) {
        return bucketOfRoute.getOrDefault(key.route(), key.route()) + "|" + key.major();
    }

    private static long seconds(double seconds) {
        return (long) Math.ceil(Math.max(0, seconds) * 1e9);
    }

    private static Double number(String value) {
        if (value == null) return null;
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One bucket's state. Guarded by the limiter. */
    private static final class Bucket {
        /** Requests left until {@link #resetAt}; negative when unknown. */
        int remaining = -1;
        long resetAt;

        /** Takes a slot and returns 0, or returns how long to wait for the reset. */
        long reserve(long now) {
            if (remaining == 0) {
                if (now < resetAt) return resetAt - now;
                remaining = -1;
            }
            if (remaining > 0) remaining--;
            return 0;
        }
    }
}

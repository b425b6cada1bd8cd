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
 * that channels archived in parallel never run into it. Requests are also spread out: no two closer than half the
 * average spacing ({@link #minGapNanos}), so that neither the start of a run nor the end of a 429's wait sends a
 * burst of every waiting request at once (a thundering herd); an emptied bucket whose limit is known refills to that
 * limit at its reset, so its waiters go one slot each, not all at once.
 *
 * <p>It also measures what a run needs to decide its own pace ({@link Pace}): requests sent over the last second, the
 * rate a typical bucket allows ({@code X-RateLimit-Limit} per the {@code X-RateLimit-Reset-After} of a fresh window),
 * and when the last 429 that was the client's doing came ({@code shared} 429s are not). The pace can be throttled to
 * a share of the budget ({@link #throttle}), which the invalid-request guard does as refusals accumulate.
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
    private final int maxPerSecond;
    /** When the last request was let through. */
    private long lastSend = Long.MIN_VALUE / 2;
    /** The share of the budget the pace may use, (0, 1]; below 1 while the invalid-request guard slows the run. */
    private double share = 1;
    /** Requests let through in each of the last {@link #METER_SLOTS} tenths of a second. */
    private final long[] meter = new long[METER_SLOTS];
    private long meterSlot;
    /** Requests per second a typical bucket allows, a moving average over the responses; 0 while unknown. */
    private double bucketRate;
    /** 429s of the client's own doing (not {@code shared}) so far, and when the last was answered. */
    private long count429;
    private long last429;
    private volatile Runnable onSend = () -> {};

    /** The pacing window's factor, 1 to {@link #WIDEST}; see {@link #pacingWindow}. */
    private double widened = 1;
    private long widenedAt;
    static final double WIDEN_STEP = 0.05;
    static final double WIDEST = 1.3;
    static final long NARROW_AFTER_NANOS = 30_000_000_000L;

    private static final int METER_SLOTS = 10;
    private static final long METER_SLOT_NANOS = 100_000_000L;

    /**
     * One second and 5 %: requests sent a second apart may arrive closer together. It was 10 % after ten channels at
     * once against a fake holding the limit in fixed windows met 6 global 429s in 346 requests on a busy two-core
     * machine; since requests are spread out ({@link #minGapNanos}) no burst arrives at once, and 10 % would cap a run
     * at 45 of its 50 requests a second (91 %), 5 % at 47.6 (95 %).
     */
    static final long PACING_WINDOW_NANOS = 1_050_000_000L;

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
        this.maxPerSecond = maxPerSecond;
        this.recent = maxPerSecond == 0 ? null : new long[maxPerSecond];
        if (recent != null) java.util.Arrays.fill(recent, Long.MIN_VALUE / 2);
        this.meterSlot = nanoTime.getAsLong() / METER_SLOT_NANOS;
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
                // The longest of the waits at once: one sleep, not one per rule.
                wait = Math.max(globalUntil - now, lastSend + minGapNanos() - now);
                if (recent != null) {
                    wait = Math.max(wait, recent[recentNext] + pacingWindow(now) - now);
                }
                if (wait <= 0 && bucket != null) wait = bucket.reserve(now);
                if (wait <= 0) {
                    if (recent != null) {
                        recent[recentNext] = now;
                        recentNext = (recentNext + 1) % recent.length;
                    }
                    lastSend = now;
                    count(now);
                    wait = 0;
                }
            }
            if (wait == 0) {
                onSend.run();
                return;
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
        Double limit = number(headers.get("x-ratelimit-limit"));
        if (remaining != null && resetAfter != null) {
            bucket.remaining = remaining.intValue();
            bucket.resetAt = now + seconds(resetAfter);
        }
        if (limit != null && limit >= 1) {
            bucket.limit = limit.intValue();
            // The first request of a window sees the whole window ahead: the bucket's rate is its limit over that.
            if (remaining != null && resetAfter != null && resetAfter > 0 && remaining.intValue() == bucket.limit - 1) {
                bucket.window = seconds(resetAfter);
                double rate = bucket.limit / resetAfter;
                bucketRate = bucketRate == 0 ? rate : 0.9 * bucketRate + 0.1 * rate;
            }
        }
        if (status == 429 && !"shared".equalsIgnoreCase(headers.get("x-ratelimit-scope"))) {
            count429++;
            last429 = now;
        }
        if (status == 429 && !Double.isNaN(retryAfterSeconds)) {
            long until = now + seconds(retryAfterSeconds);
            if (global) {
                globalUntil = Math.max(globalUntil, until);
                if (recent != null) {
                    widened = Math.min(WIDEST, widened + WIDEN_STEP);
                    widenedAt = now;
                }
            } else {
                bucket.remaining = 0;
                bucket.resetAt = Math.max(bucket.resetAt, until);
            }
        }
    }

    /**
     * The least time between two requests: half the average spacing the budget allows (10.5 ms at 50/s), so bursts
     * stay at twice the average rate at most; none without a budget of our own.
     */
    private long minGapNanos() {
        if (maxPerSecond == 0) return share < 1 ? (long) (1e9 / (DISCORD_GLOBAL_PER_SECOND * share)) : 0;
        return (long) (PACING_WINDOW_NANOS * widened / share / maxPerSecond / 2);
    }

    /**
     * The window in which at most {@code maxPerSecond} requests go: {@link #PACING_WINDOW_NANOS}, longer while the
     * run is throttled, and widened by {@link #WIDEN_STEP} for each global 429 (requests sent within the window arrived
     * closer together: a loaded machine or network), back one step for each {@link #NARROW_AFTER_NANOS} without one.
     * Guarded.
     */
    private long pacingWindow(long now) {
        if (widened > 1 && now - widenedAt >= NARROW_AFTER_NANOS) {
            widened = Math.max(1, widened - WIDEN_STEP);
            widenedAt = now;
        }
        return (long) (PACING_WINDOW_NANOS * widened / share);
    }

    /** Counts a request let through at {@code now} in the meter. Guarded. */
    private void count(long now) {
        advanceMeter(now);
        meter[(int) (meterSlot % METER_SLOTS)]++;
    }

    private void advanceMeter(long now) {
        long slot = now / METER_SLOT_NANOS;
        for (long s = Math.max(meterSlot + 1, slot - METER_SLOTS + 1); s <= slot; s++) {
            meter[(int) (s % METER_SLOTS)] = 0;
        }
        meterSlot = Math.max(meterSlot, slot);
    }

    /**
     * Slows the pace to {@code share} of the budget (1 for all of it), e.g. while invalid requests accumulate; without
     * a budget of our own, Discord's {@link #DISCORD_GLOBAL_PER_SECOND} is the one slowed.
     */
    public synchronized void throttle(double share) {
        if (!(share > 0 && share <= 1)) throw new IllegalArgumentException("share must be in (0, 1], not " + share);
        this.share = share;
    }

    /** Runs {@code listener} after every request let through, on the requesting thread (it must be quick). */
    public void onSend(Runnable listener) {
        this.onSend = listener;
    }

    /** What the limiter has seen, for whoever decides how many requests to keep in flight. */
    public synchronized Pace pace() {
        long now = nanoTime.getAsLong();
        advanceMeter(now);
        long sent = 0;
        for (long count : meter) sent += count;
        return new Pace(now, sent * 1e9 / (METER_SLOTS * METER_SLOT_NANOS), maxPerSecond * share, bucketRate,
                count429, count429 == 0 ? Long.MAX_VALUE : now - last429);
    }

    /**
     * What the limiter has seen, at one moment. Immutable.
     *
     * @param at when, on the limiter's clock (nanoseconds)
     * @param perSecond requests let through over the last second
     * @param budget requests per second the pace allows now; 0 without a budget of our own
     * @param bucketRate requests per second a typical bucket allows (limit per window); 0 while unknown
     * @param count429 429s of the client's doing so far ({@code shared} ones are not)
     * @param since429 nanoseconds since the last of them; {@link Long#MAX_VALUE} when none came
     */
    public record Pace(long at, double perSecond, double budget, double bucketRate, long count429, long since429) {}

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
        /** X-RateLimit-Limit: requests per window; 0 while unknown. */
        int limit;
        /** The window's length, from the Reset-After of a window's first request; 0 while unknown. */
        long window;

        /**
         * Takes a slot and returns 0, or returns how long to wait for the reset. At the reset a bucket of known limit
         * refills to it, so that its waiters take one slot each rather than all going at once.
         */
        long reserve(long now) {
            if (remaining == 0) {
                if (now < resetAt) return resetAt - now;
                if (limit > 0 && window > 0) {
                    remaining = limit;
                    resetAt = now + window;
                } else {
                    remaining = -1;
                }
            }
            if (remaining > 0) remaining--;
            return 0;
        }
    }
}

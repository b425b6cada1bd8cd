package dev.discard.archive;

import dev.discard.discord.RateLimiter;
import java.util.function.IntConsumer;

/**
 * How many channels and threads a run archives at once, decided from what the rate limits say. Each channel's history
 * has its own bucket ({@code X-RateLimit-Limit} requests per {@code X-RateLimit-Reset-After} window: about 5 per second
 * on Discord), while the whole run may send its budget ({@code --max-rate}, Discord's global 50 per second). So the
 * run needs about budget ÷ bucket rate channels at once to use its budget, more when each request's round trip is the
 * slower bound (a worker then sends fewer than its bucket allows: the measured rate per worker says so).
 *
 * <p>Worked example: a fresh bucket answers {@code Limit: 5, Remaining: 4, Reset-After: 1.0}, a bucket rate of 5/s; the
 * run sends 20 requests a second with 4 channels at once, 5/s each. 50 ÷ 5 = 10, and a tenth more for the time the
 * buckets sit idle between a channel's end and the next one's start: 11 channels. The target grows to at most twice
 * itself each second (8, then 11), so a run never starts with a herd. A 429 of the client's doing (not a
 * {@code shared} one, which is not its fault) holds growth for {@link #CALM_NANOS}; the limiter's pacing, not the
 * number of channels, keeps the global limit (channels walk their buckets one request at a time), so the limiter
 * widens its pacing after a global 429 and the target stays. Without a budget of the limiter's own ({@code
 * --max-rate 0}) the number of channels is all that paces the run, and a 429 takes a quarter off. Never above the cap ({@code --concurrency}), never below 1. Thread-safe; adjusted at most once per
 * {@link #ADJUST_NANOS}, driven by the limiter's requests.
 */
final class AutoConcurrency {
    /** Channels at once before the limits have said anything: the old fixed default. */
    static final int START = 4;
    /** The highest automatic concurrency: {@code --concurrency}'s own maximum. */
    static final int MAX = 64;
    static final long ADJUST_NANOS = 1_000_000_000L;
    /** How long after a 429 the target does not grow. */
    static final long CALM_NANOS = 5_000_000_000L;
    /**
     * Below this share of its budget the run is not using what it may: the limiter's pacing (50 in any 1.05 s) lets
     * through 95 % at most.
     */
    private static final double BUSY = 0.85;
    /** Extra workers for the gaps between channels, and buckets that refill late. */
    private static final double HEADROOM = 1.1;

    private final int cap;
    private final RateLimiter limiter;
    private final int fallbackBudget;
    private int target;
    private long adjustedAt;
    private long seen429;
    private IntConsumer listener = n -> {};
    private int active;

    /**
     * @param cap the most at once ({@code --concurrency}); the target starts at {@link #START} or the cap if lower
     * @param fallbackBudget requests per second to aim for when the limiter has no budget of its own ({@code
     *     --max-rate 0}): Discord's global limit
     */
    AutoConcurrency(int cap, RateLimiter limiter, int fallbackBudget) {
        if (cap < 1) throw new IllegalArgumentException("cap must be at least 1");
        this.cap = cap;
        this.limiter = limiter;
        this.fallbackBudget = fallbackBudget;
        this.target = Math.min(cap, START);
        if (limiter == null) {
            this.target = cap;
            this.adjustedAt = Long.MAX_VALUE; // never adjusted
        } else {
            RateLimiter.Pace pace = limiter.pace();
            this.adjustedAt = pace.at();
            this.seen429 = pace.count429();
        }
    }

    /** A fixed concurrency: always {@code n}. */
    static AutoConcurrency fixed(int n) {
        return new AutoConcurrency(n, null, 0);
    }

    int cap() {
        return cap;
    }

    synchronized int target() {
        return target;
    }

    /** Hears every change of the target (the pool resizes itself). */
    synchronized void onChange(IntConsumer listener) {
        this.listener = listener;
    }

    /** How many tasks run now; the measure of a worker's rate. */
    synchronized void active(int active) {
        this.active = active;
    }

    /** Looks at the limiter's pace and adjusts the target, at most once per {@link #ADJUST_NANOS}. */
    void tick() {
        int changed;
        IntConsumer hear;
        synchronized (this) {
            if (adjustedAt == Long.MAX_VALUE) return;
            RateLimiter.Pace pace = limiter.pace();
            if (pace.at() - adjustedAt < ADJUST_NANOS) return;
            adjustedAt = pace.at();
            int next = next(pace);
            if (next == target) return;
            target = next;
            changed = next;
            hear = listener;
        }
        hear.accept(changed);
    }

    /** The new target from the pace. Guarded. */
    private int next(RateLimiter.Pace pace) {
        if (pace.count429() != seen429) {
            seen429 = pace.count429();
            if (pace.budget() <= 0) return Math.max(1, target - Math.max(1, target / 4));
            return target;
        }
        if (pace.since429() < CALM_NANOS) return target;
        double budget = pace.budget() > 0 ? pace.budget() : fallbackBudget;
        if (budget <= 0 || pace.perSecond() >= BUSY * budget) return target;
        double perWorker = pace.bucketRate();
        if (active > 0 && pace.perSecond() > 0) {
            double measured = pace.perSecond() / active;
            perWorker = perWorker > 0 ? Math.min(perWorker, measured) : measured;
        }
        if (!(perWorker > 0)) return target;
        int needed = (int) Math.ceil(budget / perWorker * HEADROOM);
        return Math.max(target, Math.min(cap, Math.min(needed, 2 * target)));
    }
}

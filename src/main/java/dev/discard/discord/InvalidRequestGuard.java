package dev.discard.discord;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Keeps the run far from Discord's invalid-request ban: an IP that gets 10,000 answers of 401, 403 or 429 within ten
 * minutes is banned for a while (https://discord.com/developers/docs/topics/rate-limits#invalid-request-limit-aka-
 * cloudflare-bans). 429s of a {@code shared} scope do not count ("not counted towards your invalid request limit").
 * The count is kept over a sliding window of ten minutes. From {@link #SLOW_FROM} on, the run slows ({@link #share}:
 * the share of its request budget it may still use falls in proportion, to a tenth just before the limit), and at
 * the limit, by default half of Discord's, it stops with one line that says why. Thread-safe.
 */
public final class InvalidRequestGuard {
    public static final long WINDOW_NANOS = 10L * 60 * 1_000_000_000L; // 10 minutes
    public static final int DISCORD_LIMIT = 10_000;
    public static final int DEFAULT_LIMIT = DISCORD_LIMIT / 2;
    /** Counted answers within the window from which the run slows: a tenth of Discord's limit. */
    public static final int SLOW_FROM = DISCORD_LIMIT / 10;
    /** The least share of the budget a slowed run keeps. */
    static final double LEAST_SHARE = 0.1;

    private final int limit;
    private final LongSupplier nanoTime;
    /** When each counted answer arrived, oldest first. */
    private final ArrayDeque<Long> answers = new ArrayDeque<>();

    public InvalidRequestGuard(int limit, LongSupplier nanoTime) {
        if (limit < 1) throw new IllegalArgumentException("limit must be positive");
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    /**
     * The share of its request budget the run may use now: 1 below {@link #SLOW_FROM} counted answers (or a fifth of the
     * limit, if lower) within the window, then falling in proportion to {@link #LEAST_SHARE} at the limit.
     */
    public synchronized double share() {
        expire(nanoTime.getAsLong());
        int slowFrom = Math.min(SLOW_FROM, limit / 5);
        if (answers.size() <= slowFrom) return 1;
        double left = (double) (limit - answers.size()) / (limit - slowFrom);
        return Math.max(LEAST_SHARE, Math.min(1, left));
    }

    /** Counted answers within the window now. */
    public synchronized int count() {
        expire(nanoTime.getAsLong());
        return answers.size();
    }

    private void expire(long now) {
        while (!answers.isEmpty() && now - answers.peekFirst() >= WINDOW_NANOS) answers.removeFirst();
    }

    /**
     * Counts an answer if it is one Discord counts.
     *
     * @throws InvalidRequestBudgetException when the limit is reached within the window
     */
    public synchronized void record(int status, String rateLimitScope) throws InvalidRequestBudgetException {
        boolean counted = status == 401 || status == 403 || (status == 429 && !"shared".equalsIgnoreCase(rateLimitScope));
        if (!counted) return;
        long now = nanoTime.getAsLong();
        answers.addLast(now);
        expire(now);
        if (answers.size() >= limit) {
            throw new InvalidRequestBudgetException("stopped after " + answers.size()
                    + " refused requests (401/403/429) within 10 minutes: Discord bans an IP at "
                    + DISCORD_LIMIT + "; check the token and permissions, and try again later");
        }
    }

    /** The guard stopped the run before Discord would ban the IP. */
    public static final class InvalidRequestBudgetException extends java.io.IOException {
        InvalidRequestBudgetException(String message) {
            super(message);
        }
    }
}

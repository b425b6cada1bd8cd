package dev.discard.discord;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often and how long to wait before repeating a request that got no answer or a 5xx. Exponential backoff with
 * jitter, so that many clients (or channels) coming back at once do not arrive together. Immutable.
 *
 * @param maxRetries retries after the first attempt for 5xx and connection failures
 * @param max429Retries retries of one request that keeps getting 429 (each waits what Discord asked for)
 * @param baseDelay the wait before the first retry; doubled for each further one
 * @param maxDelay the longest single wait
 */
public record RetryPolicy(int maxRetries, int max429Retries, Duration baseDelay, Duration maxDelay) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, 20, Duration.ofSeconds(1), Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxRetries < 0 || max429Retries < 0) throw new IllegalArgumentException("retries must be >= 0");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("expected 0 <= baseDelay <= maxDelay");
        }
    }

    /** The wait before retry number {@code retry} (0 for the first), in nanoseconds: half fixed, half random. */
    public long delayNanos(int retry, RandomGenerator random) {
        long base = baseDelay.toNanos();
        long capped = Math.min(maxDelay.toNanos(), base << Math.min(retry, 30));
        if (capped < 0) capped = maxDelay.toNanos();
        return capped / 2 + (long) (random.nextDouble() * (capped / 2));
    }

    /** 500, 502, 503 and 504 are worth another try; other errors are Discord's final word. */
    public static boolean isRetryable(int status) {
        return status == 500 || status == 502 || status == 503 || status == 504;
    }
}

package dev.discard.discord;

import java.util.random.RandomGenerator;

/**
 * The retries of one request, for every HTTP client of discard ({@link DiscordRest} and the media downloader): failed
 * attempts (5xx answers, dropped connections) and 429 answers are counted apart, as {@link RetryPolicy} limits them,
 * and a failure is followed by the policy's jittered backoff. The caller waits out a 429 as the answer asks. Not
 * thread-safe: one per request.
 */
public final class RetryLoop {
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private int failures;
    private int limited;

    public RetryLoop(RetryPolicy policy, Sleeper sleeper, RandomGenerator random) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** Whether another failed attempt may follow the ones so far. */
    public boolean mayRetryFailure() {
        return failures < policy.maxRetries();
    }

    /** Whether a failed attempt with this answer is worth another one: a retryable status with retries left. */
    public boolean mayRetry(int status) {
        return RetryPolicy.isRetryable(status) && mayRetryFailure();
    }

    /** Counts a failed attempt and returns the backoff before the next one, in nanoseconds; {@link #await} waits it. */
    public long nextBackoff() {
        return policy.delayNanos(failures++, random);
    }

    /** Waits {@code nanos} with the loop's sleeper. */
    public void await(long nanos) throws InterruptedException {
        sleeper.sleep(nanos);
    }

    /** Counts a 429 answer; whether the request may be sent again once its wait is over. */
    public boolean mayRetry429() {
        return limited++ < policy.max429Retries();
    }

    /** Failed attempts counted so far. */
    public int failures() {
        return failures;
    }

    /** 429 answers counted so far. */
    public int limited() {
        return limited;
    }

    /** The most failed attempts that are retried. */
    public int maxRetries() {
        return policy.maxRetries();
    }
}

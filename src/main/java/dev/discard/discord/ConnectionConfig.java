package dev.discard.discord;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;

/**
 * How a job talks to Discord and its CDN: the HTTP client, the clock, how it waits, its jitter, and its retries.
 * Immutable; each {@code with…} method gives a changed copy. Taken by {@link DiscordRest.Builder} and by the builders
 * of the archive run and the media job, which hand it on, so a test injects its clock and instant sleeper once.
 *
 * @param http the client to derive from (proxies, timeouts, interceptors); each user derives its own from it
 * @param clock the time of recorded exchanges and of "now"
 * @param sleeper how rate limits and retries wait; tests make the waits instant
 * @param random the jitter of retries and heartbeats; tests pin it
 * @param retry how often and how long failed requests are repeated
 * @param nanoTime the monotonic time, in nanoseconds, that rate limits are counted in and the sleeper waits for;
 *     tests pair a virtual one with their sleeper
 */
public record ConnectionConfig(OkHttpClient http, Clock clock, Sleeper sleeper, RandomGenerator random,
        RetryPolicy retry, LongSupplier nanoTime) {
    public ConnectionConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** A new client, the system's UTC clock, real waits, secure randomness and {@link RetryPolicy#DEFAULT}. */
    public static ConnectionConfig defaults() {
        return new ConnectionConfig(new OkHttpClient(), Clock.systemUTC(), Sleeper.SYSTEM, new SecureRandom(),
                RetryPolicy.DEFAULT, System::nanoTime);
    }

    public ConnectionConfig withHttp(OkHttpClient http) {
        return new ConnectionConfig(http, clock, sleeper, random, retry, nanoTime);
    }

    public ConnectionConfig withClock(Clock clock) {
        return new ConnectionConfig(http, clock, sleeper, random, retry, nanoTime);
    }

    public ConnectionConfig withSleeper(Sleeper sleeper) {
        return new ConnectionConfig(http, clock, sleeper, random, retry, nanoTime);
    }

    public ConnectionConfig withRandom(RandomGenerator random) {
        return new ConnectionConfig(http, clock, sleeper, random, retry, nanoTime);
    }

    public ConnectionConfig withRetry(RetryPolicy retry) {
        return new ConnectionConfig(http, clock, sleeper, random, retry, nanoTime);
    }

    /** Waits with {@code sleeper}, counting time with {@code nanoTime}: a pair, so that waits move the time. */
    public ConnectionConfig withTime(Sleeper sleeper, LongSupplier nanoTime) {
        return new ConnectionConfig(http, clock, sleeper, random, retry, nanoTime);
    }
}

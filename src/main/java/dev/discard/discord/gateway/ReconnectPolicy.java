package dev.discard.discord.gateway;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How a {@link GatewaySession} comes back after a dropped connection, a RECONNECT or an INVALID_SESSION. The first
 * attempt after a working connection is immediate, as Discord asks for RECONNECT; each further one waits
 * {@code initialDelay}, doubled per attempt up to {@code maxDelay}. A READY or RESUMED starts the count again; once
 * {@code maxAttempts} connections in a row failed, the session ends with a {@link GatewayException}. Immutable.
 *
 * @param maxAttempts connection attempts in a row before giving up, at least 1
 * @param initialDelay the wait before the second attempt in a row
 * @param maxDelay the longest wait between two attempts
 * @param invalidSessionMinDelay the shortest wait before identifying again after INVALID_SESSION {@code false}
 * @param invalidSessionMaxDelay the longest such wait; Discord's clients wait a random 1 to 5 seconds
 */
public record ReconnectPolicy(
        int maxAttempts,
        Duration initialDelay,
        Duration maxDelay,
        Duration invalidSessionMinDelay,
        Duration invalidSessionMaxDelay) {
    public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(
            5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(5));

    public ReconnectPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("expected maxAttempts >= 1 but was " + maxAttempts);
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("expected 0 <= initialDelay <= maxDelay");
        }
        if (invalidSessionMinDelay.isNegative() || invalidSessionMaxDelay.compareTo(invalidSessionMinDelay) < 0) {
            throw new IllegalArgumentException("expected 0 <= invalidSessionMinDelay <= invalidSessionMaxDelay");
        }
    }

    /** The wait before connection attempt {@code attempt} of a series (1 for the first), in milliseconds. */
    long delayMillis(int attempt) {
        if (attempt <= 1) return 0;
        long initial = initialDelay.toMillis();
        long doubled = initial << Math.min(attempt - 2, 30);
        return doubled < initial ? maxDelay.toMillis() : Math.min(doubled, maxDelay.toMillis());
    }

    /** A random wait in [invalidSessionMinDelay, invalidSessionMaxDelay], in milliseconds. */
    long invalidSessionDelayMillis(RandomGenerator random) {
        long min = invalidSessionMinDelay.toMillis();
        long span = invalidSessionMaxDelay.toMillis() - min;
        return min + (long) (random.nextDouble() * span);
    }
}

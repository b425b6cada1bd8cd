package dev.discard.discord.gateway;

import java.util.random.RandomGenerator;

/** A random source whose {@code nextDouble()} always returns one value, to pin the heartbeat jitter in tests. */
final class FixedRandom {
    private FixedRandom() {}

    /** @param value in [0, 1) */
    static RandomGenerator of(double value) {
        long bits = ((long) (value * 0x1.0p53)) << 11; // nextDouble() takes the top 53 bits of nextLong()
        return () -> bits;
    }
}

package dev.discard.read;

import java.time.Instant;

/**
 * Discord snowflake ids: unsigned 64-bit numbers with a millisecond timestamp since 2015-01-01 in the upper 42 bits.
 * Ids from September 2084 on are at or above 2^63 and read negative in a {@code long}: compare them with
 * {@link Long#compareUnsigned}. See https://discord.com/developers/docs/reference#snowflakes
 */
public final class Snowflakes {
    /** 2015-01-01T00:00:00Z in Unix milliseconds. */
    public static final long DISCORD_EPOCH_MS = 1420070400000L;

    private Snowflakes() {}

    /** When the object with this id was created. */
    public static Instant time(long id) {
        return Instant.ofEpochMilli((id >>> 22) + DISCORD_EPOCH_MS);
    }

    /**
     * The smallest snowflake of this instant, as Discard turns {@code --after}/{@code --before} into ids; past the 42
     * bits of milliseconds (the year 2154) the largest id, 2^64 - 1.
     */
    public static long at(Instant time) {
        if (time.isAfter(Instant.ofEpochMilli(DISCORD_EPOCH_MS + (1L << 42) - 1))) return -1L;
        long ms = time.toEpochMilli() - DISCORD_EPOCH_MS;
        return ms <= 0 ? 0 : ms << 22;
    }

    /**
     * The id as an unsigned long, or -1 when the text is not a snowflake (-1 is 2^64 - 1, which no real id reaches).
     */
    public static long parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 20) return -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return -1;
        }
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

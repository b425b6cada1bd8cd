package dev.discard.read;

import java.time.Instant;

/**
 * Discord snowflake ids: a millisecond timestamp since 2015-01-01 in the upper 42 bits.
 * See https://discord.com/developers/docs/reference#snowflakes
 */
public final class Snowflakes {
    /** 2015-01-01T00:00:00Z in Unix milliseconds. */
    public static final long DISCORD_EPOCH_MS = 1420070400000L;

    private Snowflakes() {}

    /** When the object with this id was created. */
    public static Instant time(long id) {
        return Instant.ofEpochMilli((id >>> 22) + DISCORD_EPOCH_MS);
    }

    /** The smallest snowflake of this instant, as Discard turns {@code --after}/{@code --before} into ids. */
    public static long at(Instant time) {
        long ms = time.toEpochMilli() - DISCORD_EPOCH_MS;
        return ms <= 0 ? 0 : ms << 22;
    }

    /** The id as a positive long, or -1 when the text is not a snowflake. */
    public static long parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 19) return -1;
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value < 0 ? -1 : value;
    }
}

package dev.discard.format;

import java.time.Instant;

/**
 * Discord ids: 64-bit numbers whose top 42 bits are milliseconds since the Discord epoch (2015-01-01T00:00:00Z).
 * See https://discord.com/developers/docs/reference#snowflakes. Ids below 2^63 (until 2084) fit a signed long.
 */
public final class Snowflake {
    /** The Discord epoch in Unix milliseconds. */
    public static final long DISCORD_EPOCH_MS = 1420070400000L;

    private Snowflake() {}

    /** The smallest id a message created at {@code instant} can have; as Discard's {@code (unix_ms - epoch) << 22}. */
    public static long of(Instant instant) {
        long ms = instant.toEpochMilli() - DISCORD_EPOCH_MS;
        return ms <= 0 ? 0 : ms << 22;
    }

    /** When the object with this id was created. */
    public static Instant instantOf(long id) {
        return Instant.ofEpochMilli((id >>> 22) + DISCORD_EPOCH_MS);
    }

    /**
     * Parses an id as Discord sends it (a decimal string) or a user typed it.
     *
     * @throws IllegalArgumentException if it is not a positive decimal number that fits 63 bits
     */
    public static long parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 19 || !digits(text)) {
            throw new IllegalArgumentException("expected a Discord id (a number of up to 19 digits) but was '"
                    + text + "'");
        }
        long id = parseLenient(text);
        if (id < 0) throw new IllegalArgumentException("expected a Discord id below 2^63 but was '" + text + "'");
        if (id == 0) throw new IllegalArgumentException("expected a Discord id greater than 0 but was '" + text + "'");
        return id;
    }

    /**
     * The id in {@code text}, or -1 when the text is not a decimal number that fits 63 bits. For readers, which meet
     * ids in every record and must not pay for an exception on the odd one.
     */
    public static long parseLenient(String text) {
        if (text == null || text.isEmpty() || text.length() > 19) return -1;
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value < 0 ? -1 : value;
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }
}

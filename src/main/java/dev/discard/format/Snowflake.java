package dev.discard.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Instant;

/**
 * Discord ids: unsigned 64-bit numbers whose top 42 bits are milliseconds since the Discord epoch
 * (2015-01-01T00:00:00Z). See https://discord.com/developers/docs/reference#snowflakes. Ids made from September 2084 on
 * are at or above 2^63: held in a {@code long} they read negative, so they are compared with {@link #compare}, printed
 * with {@link #toString} and written to JSON with {@link #number}, never with signed arithmetic.
 */
public final class Snowflake {
    /** The Discord epoch in Unix milliseconds. */
    public static final long DISCORD_EPOCH_MS = 1420070400000L;
    /** The largest id, 2^64 - 1: the end of an open range. */
    public static final long MAX = -1L;
    /** Milliseconds since the epoch that still fit the 42 timestamp bits (until the year 2154). */
    private static final long MAX_MS = (1L << 42) - 1;

    private Snowflake() {}

    /**
     * The smallest id a message created at {@code instant} can have; as Discard's {@code (unix_ms - epoch) << 22}. Before
     * the epoch it is 0; past the 42 bits of milliseconds it is {@link #MAX}, not a wrapped-around small id.
     */
    public static long of(Instant instant) {
        long ms;
        try {
            ms = Math.subtractExact(instant.toEpochMilli(), DISCORD_EPOCH_MS);
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? 0 : MAX;
        }
        if (ms <= 0) return 0;
        return ms > MAX_MS ? MAX : ms << 22;
    }

    /** When the object with this id was created. */
    public static Instant instantOf(long id) {
        return Instant.ofEpochMilli((id >>> 22) + DISCORD_EPOCH_MS);
    }

    /** Compares two ids as the unsigned numbers they are. */
    public static int compare(long a, long b) {
        return Long.compareUnsigned(a, b);
    }

    /** The larger of two ids, unsigned. */
    public static long max(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }

    /** The id in decimal as Discord writes it. */
    public static String toString(long id) {
        return Long.toUnsignedString(id);
    }

    /** The id as a JSON number: a {@code Long} below 2^63, a {@code BigInteger} from there on. */
    public static Number number(long id) {
        return id >= 0 ? (Number) id : new BigInteger(Long.toUnsignedString(id));
    }

    /**
     * Parses an id as Discord sends it (a decimal string) or a user typed it.
     *
     * @throws IllegalArgumentException if it is not a decimal number from 1 to 2^64 - 1
     */
    public static long parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 20 || !digits(text)) {
            throw new IllegalArgumentException("expected a Discord id (a number of up to 20 digits) but was '"
                    + text + "'");
        }
        long id = parseLenient(text);
        if (id == -1 && !text.equals(toString(MAX))) {
            throw new IllegalArgumentException("expected a Discord id below 2^64 but was '" + text + "'");
        }
        if (id == 0) throw new IllegalArgumentException("expected a Discord id greater than 0 but was '" + text + "'");
        return id;
    }

    /**
     * The id in {@code node.field}, where Discord's JSON holds ids as strings (numbers in older API versions), or -1
     * when it is missing or not an id; -1 is 2^64 - 1, which no real id reaches.
     */
    public static long of(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) return -1;
        if (value.isIntegralNumber()) return value.bigIntegerValue().longValue();
        return parseOr(value.asText(), -1);
    }

    /** Parses an id, or returns {@code fallback} when the text is not one. */
    public static long parseOr(String text, long fallback) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /**
     * The id in {@code text} as an unsigned long, or -1 when the text is not a decimal number below 2^64 (-1 is
     * 2^64 - 1, which no real id reaches). For readers, which meet ids in every record and must not pay for an
     * exception on the odd one.
     */
    public static long parseLenient(String text) {
        if (text == null || text.isEmpty() || text.length() > 20 || !digits(text)) return -1;
        if (text.length() < 19) {
            long value = 0;
            for (int i = 0; i < text.length(); i++) value = value * 10 + (text.charAt(i) - '0');
            return value;
        }
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }
}

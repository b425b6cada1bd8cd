package dev.discard.index;

/**
 * Snowflake ids as the index stores them: TEXT of exactly {@value #WIDTH} decimal digits, zero-padded, so that text
 * order is Discord's unsigned 64-bit order in SQLite and in any tool that reads the file. Messages also carry an
 * integer {@code rowid_} (for FTS5): the id with its top bit flipped, so that signed rowid order is id order too.
 */
public final class IndexIds {
    /** Digits of 2^64 − 1, the largest unsigned 64-bit number. */
    public static final int WIDTH = 20;
    private static final String ZEROS = "00000000000000000000";

    private IndexIds() {}

    /** The stored form of a decimal id ({@code "42"} → {@code "00000000000000000042"}); null when not an id. */
    public static String of(String decimal) {
        if (decimal == null || decimal.isEmpty() || decimal.length() > WIDTH) return null;
        for (int i = 0; i < decimal.length(); i++) {
            char c = decimal.charAt(i);
            if (c < '0' || c > '9') return null;
        }
        if (decimal.length() == WIDTH && decimal.compareTo("18446744073709551615") > 0) return null;
        return ZEROS.substring(decimal.length()) + decimal;
    }

    /** The stored form of an unsigned 64-bit id. */
    public static String of(long unsigned) {
        return of(Long.toUnsignedString(unsigned));
    }

    /** The id as Discord writes it, without the padding ({@code "00000000000000000042"} → {@code "42"}). */
    public static String display(String stored) {
        if (stored == null) return null;
        int i = 0;
        while (i < stored.length() - 1 && stored.charAt(i) == '0') i++;
        return stored.substring(i);
    }

    /** The unsigned value of a stored or decimal id. */
    public static long value(String id) {
        return Long.parseUnsignedLong(id);
    }

    /** The message rowid of an id: its bits with the top bit flipped (id − 2^63), so rowids sort as ids. */
    public static long rowid(long unsigned) {
        return unsigned ^ Long.MIN_VALUE;
    }

    /** The id of a message rowid. */
    public static long fromRowid(long rowid) {
        return rowid ^ Long.MIN_VALUE;
    }

    /**
     * The key of a reaction's emoji in the {@code reactions} and {@code reaction_users} tables: {@code name:id} for a
     * custom emoji, the Unicode emoji itself otherwise, as in a reaction URL.
     */
    public static String emojiKey(String emojiId, String emojiName) {
        if (emojiId != null) return (emojiName == null ? "" : emojiName) + ":" + emojiId;
        return emojiName == null ? "?" : emojiName;
    }
}

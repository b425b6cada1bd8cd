package dev.discard.export;

/** Ids as the index stores them (20 digits, zero-padded so text order is unsigned order) and as Discord writes them. */
final class StoredIds {
    private StoredIds() {}

    /** {@code "00000000000000000042"} → {@code "42"}; null stays null. */
    static String display(String stored) {
        if (stored == null) return null;
        int i = 0;
        while (i < stored.length() - 1 && stored.charAt(i) == '0') i++;
        return stored.substring(i);
    }

    /** {@code "42"} → {@code "00000000000000000042"}; null for anything that is not a decimal id. */
    static String stored(String decimal) {
        if (decimal == null || decimal.isEmpty() || decimal.length() > 20) return null;
        for (int i = 0; i < decimal.length(); i++) if (!Character.isDigit(decimal.charAt(i))) return null;
        return "0".repeat(20 - decimal.length()) + decimal;
    }
}

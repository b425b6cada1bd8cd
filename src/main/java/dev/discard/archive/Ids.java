package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads snowflake ids out of Discord's JSON, where they are strings (or numbers from older API versions). */
final class Ids {
    private Ids() {}

    /** The id in {@code node.field}, or -1 when it is missing or not a number. */
    static long of(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) return -1;
        if (value.isIntegralNumber()) return value.longValue();
        try {
            return Long.parseLong(value.asText());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

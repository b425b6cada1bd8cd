package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.format.Snowflake;

/** Reads snowflake ids out of Discord's JSON, where they are strings (or numbers from older API versions). */
final class Ids {
    private Ids() {}

    /**
     * The id in {@code node.field} (unsigned, see {@link Snowflake}), or -1 when it is missing or not a number; -1 is
     * 2^64 - 1, which no real id reaches.
     */
    static long of(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) return -1;
        if (value.isIntegralNumber()) return value.bigIntegerValue().longValue();
        return Snowflake.parseOr(value.asText(), -1);
    }

    /** Puts an id as the unsigned JSON number meta files hold. */
    static void put(ObjectNode node, String field, long id) {
        Number n = Snowflake.number(id);
        if (n instanceof Long l) node.put(field, l);
        else node.put(field, (java.math.BigInteger) n);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

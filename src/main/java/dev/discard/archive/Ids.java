package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.format.Snowflake;

/** The archive's ids in JSON: read as {@link Snowflake} does, written as the unsigned numbers meta files hold. */
final class Ids {
    private Ids() {}

    /** {@link Snowflake#of(JsonNode, String)}: the id in {@code node.field}, or -1. */
    static long of(JsonNode node, String field) {
        return Snowflake.of(node, field);
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

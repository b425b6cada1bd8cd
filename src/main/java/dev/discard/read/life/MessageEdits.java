package dev.discard.read.life;

import dev.discard.read.LiveEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.format.Timestamps;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * How a live event changes a message object, and when two objects are two versions: the rules every derived tool
 * shares. Functions of their arguments; the objects given are not modified.
 * See https://discord.com/developers/docs/topics/gateway-events#message-update and #message-reaction-add.
 */
public final class MessageEdits {
    /** The fields whose change makes a new version (reactions, pins, member data do not). */
    private static final String[] VERSIONED = {"content", "embeds", "attachments", "edited_timestamp"};

    private MessageEdits() {}

    /**
     * Whether two message objects are distinct versions: their content, embeds, attachments or edited time differ.
     * An absent field and a null one are the same.
     */
    public static boolean distinct(JsonNode a, JsonNode b) {
        for (String field : VERSIONED) {
            if (!Objects.equals(value(a, field), value(b, field))) return true;
        }
        return false;
    }

    private static JsonNode value(JsonNode message, String field) {
        JsonNode v = message == null ? null : message.get(field);
        if (v == null || v.isNull()) return null;
        // An empty list and an absent one say the same: no embeds (updates may leave them out).
        if (v.isArray() && v.isEmpty()) return null;
        return v;
    }

    /**
     * Whether {@code candidate} is at least as new as {@code current}: a later {@code edited_timestamp}, or the same
     * one (an update that only fills in embeds, or the same version seen again). Times compare as instants.
     */
    public static boolean newer(JsonNode candidate, JsonNode current) {
        return compareTimes(text(candidate, "edited_timestamp"), text(current, "edited_timestamp")) >= 0;
    }

    /** Orders two ISO 8601 times by instant; null (never edited, unknown) first; unparseable ones as text. */
    public static int compareTimes(String a, String b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        try {
            Instant x = Timestamps.parse(a);
            Instant y = Timestamps.parse(b);
            return x.compareTo(y);
        } catch (DateTimeParseException e) {
            return a.compareTo(b);
        }
    }

    /**
     * The message after a {@code MESSAGE_UPDATE}: the fields the partial object carries replace those of the message;
     * the others stay. {@code current} may be null (an update of a message the archive has not seen).
     */
    public static ObjectNode update(JsonNode current, JsonNode partial) {
        ObjectNode out = copy(current);
        for (Iterator<Map.Entry<String, JsonNode>> it = partial.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            out.set(field.getKey(), field.getValue().deepCopy());
        }
        return out;
    }

    /**
     * The message after a reaction event ({@code MESSAGE_REACTION_ADD}, {@code _REMOVE}, {@code _REMOVE_ALL},
     * {@code _REMOVE_EMOJI}): its {@code reactions} as Discord would now list them. A count that would fall below one
     * removes the reaction. {@code burst} is a super reaction ({@code count_details.burst}).
     */
    public static ObjectNode react(JsonNode current, LiveEvent.Kind kind, JsonNode d) {
        ObjectNode out = copy(current);
        if (kind == LiveEvent.Kind.MESSAGE_REACTION_REMOVE_ALL) {
            out.remove("reactions");
            return out;
        }
        String key = emojiKey(d.path("emoji"));
        ArrayNode reactions = JsonNodeFactory.instance.arrayNode();
        ObjectNode found = null;
        for (JsonNode r : out.path("reactions")) {
            if (!r.isObject()) continue;
            if (emojiKey(r.path("emoji")).equals(key)) {
                if (kind == LiveEvent.Kind.MESSAGE_REACTION_REMOVE_EMOJI) continue;
                found = (ObjectNode) r.deepCopy();
                reactions.add(found);
            } else {
                reactions.add(r.deepCopy());
            }
        }
        boolean burst = d.path("burst").asBoolean(false);
        int delta = kind == LiveEvent.Kind.MESSAGE_REACTION_ADD ? 1
                : kind == LiveEvent.Kind.MESSAGE_REACTION_REMOVE ? -1 : 0;
        if (delta > 0 && found == null) {
            found = reactions.addObject();
            found.put("count", 0);
            ObjectNode details = found.putObject("count_details");
            details.put("burst", 0);
            details.put("normal", 0);
            found.set("emoji", d.path("emoji").deepCopy());
        }
        if (delta != 0 && found != null) {
            long count = Math.max(0, found.path("count").asLong(0) + delta);
            found.put("count", count);
            JsonNode detailsNode = found.get("count_details");
            if (detailsNode instanceof ObjectNode details) {
                String part = burst ? "burst" : "normal";
                details.put(part, Math.max(0, details.path(part).asLong(0) + delta));
            }
            if (count == 0) {
                for (int i = 0; i < reactions.size(); i++) {
                    if (reactions.get(i) == found) reactions.remove(i);
                }
            }
        }
        if (reactions.isEmpty()) out.remove("reactions");
        else out.set("reactions", reactions);
        return out;
    }

    /** A custom emoji by id, a Unicode one by its name. */
    public static String emojiKey(JsonNode emoji) {
        String id = text(emoji, "id");
        return id != null ? id : "u:" + Objects.toString(text(emoji, "name"), "");
    }

    private static ObjectNode copy(JsonNode message) {
        return message instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}

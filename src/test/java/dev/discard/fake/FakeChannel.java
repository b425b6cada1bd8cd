package dev.discard.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A channel of the fake Discord: its object as Discord sends it, its messages by id, and who reacted how. */
public final class FakeChannel {
    final ObjectNode json;
    /** By id, unsigned: ids from 2084 on are at or above 2^63. */
    final TreeMap<Long, ObjectNode> messages = new TreeMap<>(Long::compareUnsigned);
    /** message id → emoji key (name or name:id) → reaction type (0 normal, 1 burst) → user ids in order. */
    final Map<Long, Map<String, Map<Integer, List<Long>>>> reactions = new LinkedHashMap<>();
    /** When set, the bot may see the channel object but history answers 403 Missing Access. */
    boolean historyForbidden;
    /** When set, history answers 500 every time: an error that outlives the client's retries. */
    boolean historyFails;
    /** When set, history answers an empty list, as Discord does without READ_MESSAGE_HISTORY. */
    boolean historyHidden;
    /** When set, the bot cannot see the channel at all: 403 Missing Access on every channel route. */
    boolean hiddenFromBot;
    /** Pinned message ids with their pinned_at, newest pin first. */
    final java.util.List<Object[]> pins = new java.util.ArrayList<>();
    /** Answer only the old {@code /pins} route, as servers from before 2025 do. */
    boolean oldPinsOnly;
    /** For private threads: whether the account is a member (joined private archived threads). */
    boolean joined;
    /** A history made on demand instead of {@link #messages}; null for a stored one. */
    SyntheticHistory synthetic;

    FakeChannel(ObjectNode json) {
        this.json = json;
    }

    public long id() {
        return Long.parseLong(json.get("id").asText());
    }

    public ObjectNode json() {
        return json;
    }

    public FakeChannel add(ObjectNode message) {
        messages.put(Long.parseUnsignedLong(message.get("id").asText()), message);
        return this;
    }

    /** Deletes a message, as a moderator would: later history pages no longer return it. */
    public FakeChannel remove(long id) {
        messages.remove(id);
        reactions.remove(id);
        return this;
    }

    /** Edits a message's content, as its author would: Discord sets {@code edited_timestamp}. */
    public FakeChannel edit(long id, String content, String editedTimestamp) {
        messages.get(id).put("content", content).put("edited_timestamp", editedTimestamp);
        return this;
    }

    public List<Long> messageIds() {
        return new ArrayList<>(messages.keySet());
    }

    public ObjectNode message(long id) {
        return messages.get(id);
    }

    public FakeChannel historyFails() {
        historyFails = true;
        return this;
    }

    public FakeChannel historyForbidden() {
        historyForbidden = true;
        return this;
    }

    /** Pins a message at the given time ({@code pinned_at}); pins are listed newest first. */
    public FakeChannel pin(long messageId, String pinnedAt) {
        pins.add(new Object[] {messageId, pinnedAt});
        pins.sort((a, b) -> ((String) b[1]).compareTo((String) a[1]));
        messages.get(messageId).put("pinned", true);
        // Discord's channel object: "when the last pinned message was pinned".
        json.put("last_pin_timestamp", (String) pins.get(0)[1]);
        return this;
    }

    public FakeChannel oldPinsOnly() {
        oldPinsOnly = true;
        return this;
    }

    public FakeChannel hiddenFromBot() {
        hiddenFromBot = true;
        return this;
    }

    public FakeChannel historyHidden() {
        historyHidden = true;
        return this;
    }

    /**
     * Adds reactions by the given users to a message and keeps the message's {@code reactions} array as Discord
     * shows it: count, count_details {burst, normal}, me, burst_colors.
     */
    public FakeChannel react(long messageId, ObjectNode emoji, int type, List<Long> users) {
        String key = emoji.get("id").isNull() ? emoji.get("name").asText()
                : emoji.get("name").asText() + ":" + emoji.get("id").asText();
        reactions.computeIfAbsent(messageId, m -> new LinkedHashMap<>())
                .computeIfAbsent(key, k -> new TreeMap<>())
                .computeIfAbsent(type, t -> new ArrayList<>())
                .addAll(users);
        ObjectNode message = messages.get(messageId);
        ArrayNode array = message.withArray("reactions");
        ObjectNode reaction = null;
        for (var r : array) {
            if (r.get("emoji").equals(emoji)) reaction = (ObjectNode) r;
        }
        if (reaction == null) {
            reaction = array.addObject();
            reaction.set("emoji", emoji);
            reaction.put("count", 0);
            reaction.putObject("count_details").put("burst", 0).put("normal", 0);
            reaction.put("burst_me", false);
            reaction.put("me_burst", false);
            reaction.put("me", false);
            reaction.putArray("burst_colors");
        }
        reaction.put("count", reaction.get("count").asInt() + users.size());
        ObjectNode details = (ObjectNode) reaction.get("count_details");
        String field = type == 1 ? "burst" : "normal";
        details.put(field, details.get(field).asInt() + users.size());
        return this;
    }
}

package dev.discard.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.format.ApiRoute;
import dev.discard.format.MetaJson;
import dev.discard.format.Snowflake;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Compares each reaction's count on its message with the users fetched for it
 * ({@code GET …/channels/{c}/messages/{m}/reactions/{emoji}?type=0|1&after=…}). Type 0 (normal, the default) is
 * compared with {@code count_details.normal}, or {@code count} when the message has no details; type 1 (burst) with
 * {@code count_details.burst}. Users are counted distinct, in whatever order and page size the server gave them (a
 * compatible server may ignore {@code after} and {@code limit}). Memory grows with the reaction users of one channel
 * (8 bytes each), not with messages.
 */
final class ReactionTally {
    private record Key(long messageId, String emoji, int type) {}

    /** The user ids fetched for one reaction, repeats included until {@link #distinct} counts them. */
    private static final class Fetched {
        long[] ids = new long[8];
        int size;
        Path file;
        long line;

        void add(long id) {
            if (size == ids.length) ids = java.util.Arrays.copyOf(ids, size * 2);
            ids[size++] = id;
        }

        long distinct() {
            long[] sorted = java.util.Arrays.copyOf(ids, size);
            java.util.Arrays.sort(sorted);
            long count = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) count++;
            }
            return count;
        }
    }

    private record Expected(long count, Path file, long line) {}

    private final Map<Key, Expected> expected = new LinkedHashMap<>();
    private final long after;
    private final long before;

    /** Compares the reactions of messages with ids in (after, before) only. */
    ReactionTally(long after, long before) {
        this.after = after;
        this.before = before;
    }
    private final Map<Key, Fetched> fetched = new LinkedHashMap<>();

    /** Takes the reaction counts of a page's messages; a later page showing the same message wins. */
    void page(ArchiveRecord record, JsonNode data) {
        if (data == null || !data.isArray()) return;
        for (JsonNode message : data) {
            long id = Snowflake.parseLenient(MetaJson.text(message.get("id")));
            JsonNode reactions = message.get("reactions");
            if (id == -1 || Long.compareUnsigned(id, after) <= 0 || Long.compareUnsigned(id, before) >= 0
                    || reactions == null || !reactions.isArray()) continue;
            for (JsonNode reaction : reactions) {
                String emoji = emojiKey(reaction.path("emoji"));
                JsonNode details = reaction.get("count_details");
                long normal = details != null ? details.path("normal").asLong(0) : reaction.path("count").asLong(0);
                expected.put(new Key(id, emoji, 0), new Expected(normal, record.file(), record.line()));
                if (details != null) {
                    expected.put(new Key(id, emoji, 1),
                            new Expected(details.path("burst").asLong(0), record.file(), record.line()));
                }
            }
        }
    }

    /** Whether the record fetches reaction users; if so, counts them. */
    boolean maybeUsers(ArchiveRecord record) {
        ApiRoute route = ApiRoute.of(record.url());
        if (route == null || route.kind() != ApiRoute.Kind.REACTION_USERS) return false;
        if (!record.isSuccess()) return true;
        int type = "1".equals(record.param("type")) ? 1 : 0;
        Fetched f = fetched.computeIfAbsent(new Key(route.messageId(), urlEmojiKey(route.emoji()), type),
                k -> new Fetched());
        f.file = record.file();
        f.line = record.line();
        JsonNode users = record.data();
        if (users == null || !users.isArray()) return true;
        for (JsonNode user : users) {
            long id = Snowflake.parseLenient(MetaJson.text(user.get("id")));
            if (id != -1) f.add(id);
        }
        return true;
    }

    /** Reports every disagreement; reactions never fetched only when this log fetches reactions at all. */
    void report(Consumer<Finding> findings) {
        fetched.forEach((key, f) -> {
            Expected e = expected.get(key);
            String what = "reaction " + key.emoji() + (key.type() == 1 ? " (burst)" : "") + " on message "
                    + key.messageId();
            if (e == null) {
                findings.accept(Finding.problem(f.file, f.line, what + ": users fetched but the message or reaction"
                        + " is in no message page"));
            } else {
                long users = f.distinct();
                if (e.count() != users) {
                    findings.accept(Finding.problem(f.file, f.line, what + ": count is " + e.count() + " but "
                            + users + " users were fetched"));
                }
            }
        });
        if (fetched.isEmpty()) return;
        expected.forEach((key, e) -> {
            if (e.count() > 0 && !fetched.containsKey(key)) {
                findings.accept(Finding.problem(e.file(), e.line(), "reaction " + key.emoji()
                        + (key.type() == 1 ? " (burst)" : "") + " on message " + key.messageId() + ": count is "
                        + e.count() + " but its users were never fetched"));
            }
        });
    }

    /** {@code emoji <id>} for custom emoji (named by id), the character itself for Unicode emoji. */
    private static String emojiKey(JsonNode emoji) {
        String id = MetaJson.text(emoji.get("id"));
        String name = MetaJson.text(emoji.get("name"));
        return id != null ? "emoji " + id : name == null ? "?" : name;
    }

    /** The same key from a reaction URL's emoji: {@code name:id} for custom emoji, else the character. */
    private static String urlEmojiKey(String emoji) {
        int colon = emoji.lastIndexOf(':');
        if (colon >= 0 && Snowflake.parseLenient(emoji.substring(colon + 1)) != -1) return "emoji " + emoji.substring(colon + 1);
        return emoji;
    }
}

package dev.discard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * DiscordChatExporter's JSON as its JsonMessageWriter writes it, key by key: the keys of each object in order, each
 * with its JSON type ({@code s} string, {@code s?} string or null, {@code b} boolean, {@code n} number, {@code n?}
 * number or null, {@code o:kind} object, {@code a:kind} array of objects), optional keys marked {@code ?} before the
 * name. Written from that tool's source (Tyrrrz/DiscordChatExporter, Exporting/JsonMessageWriter.cs), for tests.
 */
final class DceSchema {
    private static final Map<String, List<String>> KINDS = Map.ofEntries(
            Map.entry("root", List.of("guild o:guild", "channel o:channel", "dateRange o:dateRange",
                    "exportedAt s", "messages a:message", "messageCount n")),
            Map.entry("guild", List.of("id s", "name s", "iconUrl s")),
            Map.entry("channel", List.of("id s", "type s", "categoryId s?", "category s?", "name s", "topic s?",
                    "?iconUrl s")),
            Map.entry("dateRange", List.of("after s?", "before s?")),
            Map.entry("message", List.of("id s", "type s", "timestamp s", "timestampEdited s?",
                    "callEndedTimestamp s?", "isPinned b", "content s", "author o:user", "attachments a:attachment",
                    "embeds a:embed", "stickers a:sticker", "reactions a:reaction", "mentions a:user",
                    "?reference o:reference", "?forwardedMessage o:forwarded", "?interaction o:interaction",
                    "inlineEmojis a:emoji")),
            Map.entry("user", List.of("id s", "name s", "discriminator s", "nickname s", "color s?", "isBot b",
                    "roles a:role", "avatarUrl s")),
            Map.entry("reactionUser", List.of("id s", "name s", "discriminator s", "nickname s", "color s?",
                    "isBot b", "avatarUrl s")),
            Map.entry("role", List.of("id s", "name s", "color s?", "position n")),
            Map.entry("attachment", List.of("id s", "url s", "fileName s", "fileSizeBytes n")),
            Map.entry("embed", List.of("title s", "url s?", "timestamp s?", "description s", "?color s",
                    "?author o:embedAuthor", "?thumbnail o:embedImage", "?image o:embedImage",
                    "?video o:embedImage", "?footer o:embedFooter", "images a:embedImage", "fields a:field",
                    "inlineEmojis a:emoji")),
            Map.entry("embedAuthor", List.of("name s?", "url s?", "?iconUrl s", "?iconCanonicalUrl s")),
            Map.entry("embedImage", List.of("?url s", "?canonicalUrl s", "width n?", "height n?")),
            Map.entry("embedFooter", List.of("text s", "?iconUrl s", "?iconCanonicalUrl s")),
            Map.entry("field", List.of("name s", "value s", "isInline b")),
            Map.entry("sticker", List.of("id s", "name s", "format s", "sourceUrl s")),
            Map.entry("reaction", List.of("emoji o:emoji", "count n", "users a:reactionUser")),
            Map.entry("emoji", List.of("id s", "name s", "code s", "isAnimated b", "imageUrl s")),
            Map.entry("reference", List.of("type s", "messageId s?", "channelId s?", "guildId s?")),
            Map.entry("forwarded", List.of("timestamp s", "timestampEdited s?", "content s",
                    "attachments a:attachment", "embeds a:embed", "stickers a:sticker")),
            Map.entry("interaction", List.of("id s", "name s", "user o:user")));

    private DceSchema() {}

    /** Fails unless {@code node} is an object of {@code kind} with exactly its keys, in order, of their types. */
    static void check(String kind, JsonNode node, String where) {
        assertTrue(node.isObject(), where + " is an object");
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        Iterator<String> actual = keys.iterator();
        String next = actual.hasNext() ? actual.next() : null;
        for (String spec : KINDS.get(kind)) {
            String[] parts = spec.split(" ");
            boolean optional = parts[0].startsWith("?");
            String name = optional ? parts[0].substring(1) : parts[0];
            if (!name.equals(next)) {
                if (optional) continue;
                fail(where + ": expected key " + name + " but was " + next + " (keys " + keys + ")");
            }
            value(parts[1], node.get(name), where + "." + name);
            next = actual.hasNext() ? actual.next() : null;
        }
        assertEquals(null, next, where + ": a key the format does not have (keys " + keys + ")");
    }

    private static void value(String type, JsonNode v, String where) {
        switch (type) {
            case "s" -> assertTrue(v.isTextual(), where + " is a string: " + v);
            case "s?" -> assertTrue(v.isTextual() || v.isNull(), where + " is a string or null: " + v);
            case "b" -> assertTrue(v.isBoolean(), where + " is a boolean: " + v);
            case "n" -> assertTrue(v.isIntegralNumber(), where + " is a number: " + v);
            case "n?" -> assertTrue(v.isIntegralNumber() || v.isNull(), where + " is a number or null: " + v);
            default -> {
                String kind = type.substring(2);
                if (type.startsWith("o:")) {
                    check(kind, v, where);
                } else {
                    assertTrue(v.isArray(), where + " is an array");
                    for (int i = 0; i < v.size(); i++) check(kind, v.get(i), where + "[" + i + "]");
                }
            }
        }
    }
}

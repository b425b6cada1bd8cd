package dev.discard.discord;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.JsonCursor;
import dev.discard.format.JsonCursor.Unreadable;
import dev.discard.format.Snowflake;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a page of {@code GET /channels/{id}/messages} as a stream: for each message what the crawl needs (see
 * {@link PageMessage}), skipping the rest. Values are read as a tree of the message would give them ({@code asText},
 * {@code asLong}), so the walk behaves as it did when it read trees. With a mapper, it also keeps each message's tree
 * (for media), read in the same pass.
 *
 * <p>Pages are read from the bytes with a {@link JsonCursor} ({@link #read(JsonCursor)}) and give what the parser
 * walk gives; a value of a type the cursor walk does not read the same way (an id that is a number, a count in a
 * string) leaves the page to the parser walk, as do trees.
 */
final class MessagePageReader implements JsonScan.Reader<MessagePageReader.Page> {
    /**
     * A page as read. Immutable.
     *
     * @param shape what the body's value is ({@code array}, {@code object}, {@code string}, …)
     * @param messages the messages when it is an array, else null
     */
    record Page(String shape, List<PageMessage> messages) {}

    private final ObjectMapper trees;

    /** @param trees keeps each message's tree when not null */
    MessagePageReader(ObjectMapper trees) {
        this.trees = trees;
    }

    @Override
    public Page read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return new Page(shape(token), null);
        }
        List<PageMessage> messages = new ArrayList<>(MessagePages.PAGE);
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren(); // Not a message: no id, so the walk passes over it.
                messages.add(new PageMessage(-1, null, null, List.of(), List.of(), null, null));
            } else if (trees == null) {
                messages.add(message(parser, null));
            } else {
                JsonNode tree = trees.readTree(parser);
                try (JsonParser again = trees.treeAsTokens(tree)) {
                    again.nextToken();
                    messages.add(message(again, tree));
                }
            }
        }
        return new Page("array", messages);
    }

    @Override
    public Page read(JsonCursor c) throws Unreadable {
        if (trees != null) throw c.unreadable("trees are made by Jackson");
        int first = c.peek();
        if (first != '[') {
            c.skipValue();
            return new Page(shape(first), null);
        }
        c.beginArray();
        List<PageMessage> messages = new ArrayList<>(MessagePages.PAGE);
        while (c.nextElement()) {
            if (c.peek() != '{') throw c.unreadable("an element that is not an object");
            messages.add(message(c));
        }
        return new Page("array", messages);
    }

    private static final byte[] ID = JsonCursor.ascii("id");
    private static final byte[] TIMESTAMP = JsonCursor.ascii("timestamp");
    private static final byte[] CONTENT = JsonCursor.ascii("content");
    private static final byte[] EMBEDS = JsonCursor.ascii("embeds");
    private static final byte[] AUTHOR = JsonCursor.ascii("author");
    private static final byte[] REACTIONS = JsonCursor.ascii("reactions");
    private static final byte[] PINNED = JsonCursor.ascii("pinned");
    private static final byte[] URL = JsonCursor.ascii("url");
    private static final byte[] EMOJI = JsonCursor.ascii("emoji");
    private static final byte[] NAME = JsonCursor.ascii("name");
    private static final byte[] COUNT = JsonCursor.ascii("count");
    private static final byte[] COUNT_DETAILS = JsonCursor.ascii("count_details");
    private static final byte[] NORMAL = JsonCursor.ascii("normal");
    private static final byte[] BURST = JsonCursor.ascii("burst");

    private static PageMessage message(JsonCursor c) throws Unreadable {
        long id = -1;
        String timestamp = null;
        String content = null;
        List<String> embedUrls = List.of();
        List<PageMessage.Reaction> reactions = List.of();
        Boolean pinned = null;
        long authorId = -1;
        boolean hasContent = false;
        c.beginObject();
        while (c.nextField()) {
            // By length first: most names are none of these, and are passed over after one comparison.
            switch (c.nameLength()) {
                case 2 -> {
                    if (c.nameIs(ID)) id = id(c);
                    else c.skipValue();
                }
                case 6 -> {
                    if (c.nameIs(EMBEDS)) embedUrls = embedUrls(c);
                    else if (c.nameIs(PINNED)) pinned = flag(c);
                    else if (c.nameIs(AUTHOR)) authorId = authorId(c);
                    else c.skipValue();
                }
                case 7 -> {
                    if (c.nameIs(CONTENT)) {
                        boolean string = c.peek() == '"';
                        content = linkText(c);
                        hasContent = string && c.stringEnd() > c.stringStart();
                    } else {
                        c.skipValue();
                    }
                }
                case 9 -> {
                    if (c.nameIs(TIMESTAMP)) timestamp = text(c);
                    else if (c.nameIs(REACTIONS)) reactions = reactions(c);
                    else c.skipValue();
                }
                default -> c.skipValue();
            }
        }
        return new PageMessage(id, timestamp, content, embedUrls, reactions, pinned, null, authorId, hasContent);
    }

    /** A boolean value, or null for anything else (skipped), as the Jackson reading gives it. */
    private static Boolean flag(JsonCursor c) throws Unreadable {
        int first = c.peek();
        if (first != 't' && first != 'f') {
            c.skipValue();
            return null;
        }
        return Boolean.valueOf(c.scalarText());
    }

    /** The {@code id} of an {@code author} object; -1 when it is not one. */
    private static long authorId(JsonCursor c) throws Unreadable {
        if (c.peek() != '{') {
            c.skipValue();
            return -1;
        }
        long id = -1;
        c.beginObject();
        while (c.nextField()) {
            if (c.nameLength() == 2 && c.nameIs(ID)) id = id(c);
            else c.skipValue();
        }
        return id;
    }

    private static long id(JsonCursor c) throws Unreadable {
        int first = c.peek();
        if (first == '"') return c.snowflakeOr(-1);
        if (first == '-' || (first >= '0' && first <= '9')) throw c.unreadable("an id that is a number");
        c.skipValue();
        return -1;
    }

    private static List<String> embedUrls(JsonCursor c) throws Unreadable {
        if (!c.enterArray()) return List.of();
        List<String> urls = new ArrayList<>(2);
        while (c.nextElement()) {
            if (!c.enterObject()) continue;
            String url = null;
            while (c.nextField()) {
                if (c.nameIs(URL)) url = string(c);
                else c.skipValue();
            }
            if (url != null) urls.add(url);
        }
        return urls;
    }

    private static List<PageMessage.Reaction> reactions(JsonCursor c) throws Unreadable {
        if (!c.enterArray()) return List.of();
        List<PageMessage.Reaction> reactions = new ArrayList<>(2);
        while (c.nextElement()) {
            if (c.peek() == '{') reactions.add(reaction(c));
            else c.skipValue();
        }
        return reactions;
    }

    private static PageMessage.Reaction reaction(JsonCursor c) throws Unreadable {
        ReactionDraft r = new ReactionDraft();
        c.beginObject();
        while (c.nextField()) {
            if (c.nameIs(EMOJI)) {
                r.emoji();
                if (!c.enterObject()) continue;
                while (c.nextField()) {
                    if (c.nameIs(ID)) r.emojiId = text(c);
                    else if (c.nameIs(NAME)) r.emojiName = text(c);
                    else c.skipValue();
                }
            } else if (c.nameIs(COUNT)) {
                r.count = asLong(c, 1);
            } else if (c.nameIs(COUNT_DETAILS)) {
                r.countDetails();
                if (!c.enterObject()) continue;
                while (c.nextField()) {
                    if (c.nameIs(NORMAL)) r.normal = asLong(c, 0);
                    else if (c.nameIs(BURST)) r.burst = asLong(c, 0);
                    else c.skipValue();
                }
            } else {
                c.skipValue();
            }
        }
        return r.reaction();
    }

    /**
     * A reaction as either reading fills it in: a later {@code emoji} or {@code count_details} replaces an earlier
     * one whole, as a tree keeps the last value of a name; {@link #reaction()} applies the fallbacks.
     */
    private static final class ReactionDraft {
        String emojiId;
        String emojiName;
        long count = 1;
        Long normal;
        long burst;

        void emoji() {
            emojiId = null;
            emojiName = null;
        }

        void countDetails() {
            normal = null;
            burst = 0;
        }

        PageMessage.Reaction reaction() {
            return new PageMessage.Reaction(emojiId, emojiName, normal != null ? normal : count, burst);
        }
    }

    /** As {@link #text(JsonParser, JsonToken)}; numbers and booleans, whose text Jackson writes, are left to it. */
    private static String text(JsonCursor c) throws Unreadable {
        int first = c.peek();
        if (first == '{' || first == '[') {
            c.skipValue();
            return "";
        }
        if (first != '"' && first != 'n') throw c.unreadable("a number or boolean where text is read");
        return c.stringOrNull();
    }

    /** As {@link #linkText(JsonParser, JsonToken)}; only content with a slash is decoded. */
    private static String linkText(JsonCursor c) throws Unreadable {
        if (c.peek() != '"') {
            c.skipValue();
            return null;
        }
        return withSlash(c.stringIfItHas((byte) '/'));
    }

    /** As {@link #string(JsonParser, JsonToken)}. */
    private static String string(JsonCursor c) throws Unreadable {
        if (c.peek() == '"') return c.string();
        c.skipValue();
        return null;
    }

    /** As {@link #asLong(JsonParser, JsonToken, long)} for integers of up to 18 digits, booleans, null and containers. */
    private static long asLong(JsonCursor c, long fallback) throws Unreadable {
        int first = c.peek();
        switch (first) {
            case 't', 'f', 'n' -> {
                c.skipValue();
                return first == 't' ? 1 : 0;
            }
            case '{', '[' -> {
                c.skipValue();
                return fallback;
            }
            case '"' -> throw c.unreadable("a number in a string");
            default -> {
                return c.integer();
            }
        }
    }

    private static String shape(int first) {
        return switch (first) {
            case '{' -> "object";
            case '"' -> "string";
            case 't', 'f' -> "boolean";
            case 'n' -> "null";
            default -> "number";
        };
    }

    private static PageMessage message(JsonParser p, JsonNode tree) throws IOException {
        long id = -1;
        String timestamp = null;
        String content = null;
        List<String> embedUrls = List.of();
        List<PageMessage.Reaction> reactions = List.of();
        Boolean pinned = null;
        long authorId = -1;
        boolean hasContent = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "id" -> id = id(p, value);
                case "timestamp" -> timestamp = text(p, value);
                case "content" -> {
                    String text = string(p, value);
                    hasContent = text != null && !text.isEmpty();
                    content = withSlash(text);
                }
                case "author" -> {
                    // A repeated author counts as its last value, as in the cursor's reading.
                    authorId = -1;
                    if (value == JsonToken.START_OBJECT) {
                        authorId = -1;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            JsonToken field = p.nextToken();
                            if (p.currentName().equals("id")) authorId = id(p, field);
                            else p.skipChildren();
                        }
                    } else {
                        authorId = -1; // the last "author" wins, as in the cursor reading
                        p.skipChildren();
                    }
                }
                case "embeds" -> embedUrls = embedUrls(p, value);
                case "reactions" -> reactions = reactions(p, value);
                case "pinned" -> {
                    pinned = value == JsonToken.VALUE_TRUE ? Boolean.TRUE
                            : value == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                    p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
        return new PageMessage(id, timestamp, content, embedUrls, reactions, pinned, tree, authorId, hasContent);
    }

    private static long id(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) return integer(p);
        if (value == JsonToken.VALUE_STRING) return Snowflake.parseOr(p.getText(), -1);
        p.skipChildren();
        return -1;
    }

    private static List<String> embedUrls(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<String> urls = new ArrayList<>(2);
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String url = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken field = p.nextToken();
                if (name.equals("url")) url = string(p, field);
                else p.skipChildren();
            }
            if (url != null) urls.add(url);
        }
        return urls;
    }

    private static List<PageMessage.Reaction> reactions(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<PageMessage.Reaction> reactions = new ArrayList<>(2);
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.START_OBJECT) reactions.add(reaction(p));
            else p.skipChildren();
        }
        return reactions;
    }

    private static PageMessage.Reaction reaction(JsonParser p) throws IOException {
        ReactionDraft r = new ReactionDraft();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "emoji" -> {
                    r.emoji();
                    if (value != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        break;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken v = p.nextToken();
                        if (field.equals("id")) r.emojiId = text(p, v);
                        else if (field.equals("name")) r.emojiName = text(p, v);
                        else p.skipChildren();
                    }
                }
                case "count" -> r.count = asLong(p, value, 1);
                case "count_details" -> {
                    r.countDetails();
                    if (value != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        break;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken v = p.nextToken();
                        if (field.equals("normal")) r.normal = asLong(p, v, 0);
                        else if (field.equals("burst")) r.burst = asLong(p, v, 0);
                        else p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        return r.reaction();
    }

    /** As a tree's {@code asText}: null for JSON null, empty for arrays and objects. */
    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) return null;
        if (value.isStructStart()) {
            p.skipChildren();
            return "";
        }
        return p.getText();
    }

    /** The content when it is a string with a slash: every link has one, and most messages none. */
    private static String linkText(JsonParser p, JsonToken value) throws IOException {
        return withSlash(string(p, value));
    }

    private static String withSlash(String text) {
        return text != null && text.indexOf('/') >= 0 ? text : null;
    }

    private static String string(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) return p.getText();
        p.skipChildren();
        return null;
    }

    /** As a tree's {@code asLong(fallback)}. */
    private static long asLong(JsonParser p, JsonToken value, long fallback) throws IOException {
        return switch (value) {
            case VALUE_NUMBER_INT -> integer(p);
            case VALUE_NUMBER_FLOAT -> (long) p.getDoubleValue();
            case VALUE_STRING -> NumberInput.parseAsLong(p.getText(), fallback);
            case VALUE_TRUE -> 1;
            case VALUE_FALSE, VALUE_NULL -> 0;
            default -> {
                p.skipChildren();
                yield fallback;
            }
        };
    }

    /** An integer token as a long; a larger one keeps its low 64 bits, as a tree's {@code longValue} does. */
    private static long integer(JsonParser p) throws IOException {
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue().longValue()
                : p.getLongValue();
    }

    private static String shape(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "object";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.toString().toLowerCase();
        };
    }
}

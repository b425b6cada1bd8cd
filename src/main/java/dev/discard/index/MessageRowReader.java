package dev.discard.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the columns of the index from a message object's bytes in one streaming pass; what the index has no column
 * for is skipped undecoded (it stays in the {@code json} column).
 * See https://discord.com/developers/docs/resources/message#message-object
 */
final class MessageRowReader {
    private final JsonFactory factory;

    MessageRowReader(JsonFactory factory) {
        this.factory = factory;
    }

    /** The message at {@code source[start, end)}; ids padded by {@link IndexIds}. */
    MessageRow read(byte[] source, int start, int end) throws IOException {
        MessageRow m = new MessageRow();
        m.json = new String(source, start, end - start, StandardCharsets.UTF_8);
        try (JsonParser p = factory.createParser(source, start, end - start)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a message object");
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                switch (field) {
                    case "id" -> m.id = IndexIds.of(text(p));
                    case "channel_id" -> m.channelId = IndexIds.of(text(p));
                    case "guild_id" -> m.guildId = IndexIds.of(text(p));
                    case "author" -> m.author = user(p);
                    case "type" -> m.type = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : 0;
                    case "timestamp" -> m.timestamp = text(p);
                    case "edited_timestamp" -> m.editedTimestamp = text(p);
                    case "content" -> m.content = text(p);
                    case "message_reference" -> m.referenceId = IndexIds.of(field(p, "message_id"));
                    case "pinned" -> m.pinned = t == JsonToken.VALUE_TRUE;
                    case "flags" -> m.flags = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : 0;
                    case "attachments" -> attachments(p, m);
                    case "embeds" -> embeds(p, m, source, start);
                    case "reactions" -> reactions(p, m);
                    default -> p.skipChildren();
                }
            }
        }
        if (m.author != null) m.author.seenId = m.id;
        return m;
    }

    /** A user object; null when the value is not an object or has no valid id. */
    static UserRow user(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        UserRow u = new UserRow();
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "id" -> u.id = IndexIds.of(text(p));
                case "username" -> u.username = text(p);
                case "global_name" -> u.globalName = text(p);
                case "discriminator" -> u.discriminator = text(p);
                case "avatar" -> u.avatar = text(p);
                case "bot" -> u.bot = t == JsonToken.VALUE_TRUE;
                default -> p.skipChildren();
            }
        }
        return u.id == null ? null : u;
    }

    private static void attachments(JsonParser p, MessageRow m) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            MessageRow.AttachmentRow a = new MessageRow.AttachmentRow();
            String field;
            while ((field = p.nextFieldName()) != null) {
                p.nextToken();
                switch (field) {
                    case "id" -> a.id = IndexIds.of(text(p));
                    case "filename" -> a.filename = text(p);
                    case "content_type" -> a.contentType = text(p);
                    case "size" -> a.size = number(p);
                    case "width" -> a.width = number(p);
                    case "height" -> a.height = number(p);
                    case "url" -> a.url = text(p);
                    default -> p.skipChildren();
                }
            }
            if (a.id != null) m.attachments.add(a);
        }
    }

    private static void embeds(JsonParser p, MessageRow m, byte[] source, int base) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            int start = base + (int) p.currentTokenLocation().getByteOffset();
            MessageRow.EmbedRow e = new MessageRow.EmbedRow();
            String field;
            while ((field = p.nextFieldName()) != null) {
                p.nextToken();
                switch (field) {
                    case "type" -> e.type = text(p);
                    case "title" -> e.title = text(p);
                    case "description" -> e.description = text(p);
                    case "url" -> e.url = text(p);
                    default -> p.skipChildren();
                }
            }
            int end = base + (int) p.currentLocation().getByteOffset();
            e.json = new String(source, start, end - start, StandardCharsets.UTF_8);
            m.embeds.add(e);
        }
    }

    private static void reactions(JsonParser p, MessageRow m) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            MessageRow.ReactionRow r = new MessageRow.ReactionRow();
            String field;
            while ((field = p.nextFieldName()) != null) {
                p.nextToken();
                switch (field) {
                    case "count" -> r.count = p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : 0;
                    case "emoji" -> emoji(p, r);
                    case "count_details" -> r.burstCount = burst(p);
                    default -> p.skipChildren();
                }
            }
            m.reactions.add(r);
        }
    }

    private static void emoji(JsonParser p, MessageRow.ReactionRow r) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            switch (field) {
                case "id" -> r.emojiId = text(p);
                case "name" -> r.emojiName = text(p);
                default -> p.skipChildren();
            }
        }
    }

    private static Long burst(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        Long burst = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            if (field.equals("burst")) burst = number(p);
            else p.skipChildren();
        }
        return burst;
    }

    /** The text of one scalar field of an object; the object is consumed. */
    private static String field(JsonParser p, String name) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String value = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            if (field.equals(name)) value = text(p);
            else p.skipChildren();
        }
        return value;
    }

    static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t.isScalarValue()) return p.getText();
        p.skipChildren();
        return null;
    }

    private static Long number(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
        if (t == JsonToken.VALUE_NUMBER_FLOAT) return (long) p.getDoubleValue();
        p.skipChildren();
        return null;
    }
}

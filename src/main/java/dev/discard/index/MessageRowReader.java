package dev.discard.index;

import static dev.discard.format.JsonStream.eachField;
import static dev.discard.format.JsonStream.eachObject;
import static dev.discard.format.JsonStream.field;
import static dev.discard.format.JsonStream.text;

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
        UserRow u = new UserRow();
        eachField(p, (field, q) -> {
            switch (field) {
                case "id" -> u.id = IndexIds.of(text(q));
                case "username" -> u.username = text(q);
                case "global_name" -> u.globalName = text(q);
                case "discriminator" -> u.discriminator = text(q);
                case "avatar" -> u.avatar = text(q);
                case "bot" -> u.bot = q.currentToken() == JsonToken.VALUE_TRUE;
                default -> q.skipChildren();
            }
        });
        return u.id == null ? null : u;
    }

    private static void attachments(JsonParser p, MessageRow m) throws IOException {
        eachObject(p, () -> {
            MessageRow.AttachmentRow a = new MessageRow.AttachmentRow();
            eachField(p, (field, q) -> {
                switch (field) {
                    case "id" -> a.id = IndexIds.of(text(q));
                    case "filename" -> a.filename = text(q);
                    case "content_type" -> a.contentType = text(q);
                    case "size" -> a.size = number(q);
                    case "width" -> a.width = number(q);
                    case "height" -> a.height = number(q);
                    case "url" -> a.url = text(q);
                    default -> q.skipChildren();
                }
            });
            if (a.id != null) m.attachments.add(a);
        });
    }

    private static void embeds(JsonParser p, MessageRow m, byte[] source, int base) throws IOException {
        eachObject(p, () -> {
            int start = base + (int) p.currentTokenLocation().getByteOffset();
            MessageRow.EmbedRow e = new MessageRow.EmbedRow();
            eachField(p, (field, q) -> {
                switch (field) {
                    case "type" -> e.type = text(q);
                    case "title" -> e.title = text(q);
                    case "description" -> e.description = text(q);
                    case "url" -> e.url = text(q);
                    default -> q.skipChildren();
                }
            });
            int end = base + (int) p.currentLocation().getByteOffset();
            e.json = new String(source, start, end - start, StandardCharsets.UTF_8);
            m.embeds.add(e);
        });
    }

    private static void reactions(JsonParser p, MessageRow m) throws IOException {
        eachObject(p, () -> {
            MessageRow.ReactionRow r = new MessageRow.ReactionRow();
            eachField(p, (field, q) -> {
                switch (field) {
                    case "count" -> r.count = q.currentToken() == JsonToken.VALUE_NUMBER_INT ? q.getLongValue() : 0;
                    case "emoji" -> eachField(q, (name, e) -> {
                        switch (name) {
                            case "id" -> r.emojiId = text(e);
                            case "name" -> r.emojiName = text(e);
                            default -> e.skipChildren();
                        }
                    });
                    case "count_details" -> eachField(q, (name, d) -> {
                        if (name.equals("burst")) r.burstCount = number(d);
                        else d.skipChildren();
                    });
                    default -> q.skipChildren();
                }
            });
            m.reactions.add(r);
        });
    }

    private static Long number(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
        if (t == JsonToken.VALUE_NUMBER_FLOAT) return (long) p.getDoubleValue();
        p.skipChildren();
        return null;
    }
}

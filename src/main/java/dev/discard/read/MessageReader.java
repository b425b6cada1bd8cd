package dev.discard.read;

import static dev.discard.format.JsonStream.eachField;
import static dev.discard.format.JsonStream.field;
import static dev.discard.format.JsonStream.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one Discord message object from a parser positioned on its {@code START_OBJECT}, keeping the id and, with
 * details, the fields of {@link MessageFields}; everything else is skipped without being decoded.
 * See https://discord.com/developers/docs/resources/message#message-object
 */
final class MessageReader {
    private final boolean details;
    String id;
    private final MessageDraft m = new MessageDraft();

    MessageReader(boolean details) {
        this.details = details;
    }

    void read(JsonParser p) throws IOException {
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            if (field.equals("id")) {
                id = t.isScalarValue() ? p.getText() : skip(p);
            } else if (!details) {
                p.skipChildren();
            } else {
                readDetail(field, t, p);
            }
        }
    }

    private void readDetail(String field, JsonToken t, JsonParser p) throws IOException {
        switch (field) {
            case "type" -> m.type = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : 0;
            case "content" -> m.content = text(p);
            case "timestamp" -> m.timestamp = text(p);
            case "edited_timestamp" -> m.edited = t != JsonToken.VALUE_NULL;
            case "author" -> m.author = user(p);
            case "attachments" -> m.attachments = eachObject(p, MessageReader::attachmentUrl);
            case "embeds" -> m.embeds = eachObject(p, MessageReader::embed);
            case "message_reference" -> m.referencedId = field(p, "message_id");
            case "sticker_items", "stickers" -> m.stickers = eachObject(p, q -> field(q, "name"));
            case "mentions" -> m.mentions = eachObject(p, q -> {
                MessageFields.Author a = user(q);
                return a == null ? null : a.displayName();
            });
            case "interaction_metadata" -> {
                String name = field(p, "name");
                if (name != null) m.commandName = name;
            }
            case "interaction" -> {
                String name = field(p, "name");
                if (m.commandName == null) m.commandName = name;
            }
            case "call" -> m.callEnded = field(p, "ended_timestamp");
            case "poll" -> m.pollQuestion = pollQuestion(p);
            default -> p.skipChildren();
        }
    }

    MessageFields fields() {
        return m.fields();
    }

    private interface ObjectReader {
        String read(JsonParser p) throws IOException;
    }

    /** Applies the reader to every object of an array; the non-null results. */
    private static List<String> eachObject(JsonParser p, ObjectReader reader) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) return skipList(p);
        List<String> values = null;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            String value = t == JsonToken.START_OBJECT ? reader.read(p) : skip(p);
            if (value != null) {
                if (values == null) values = new ArrayList<>(2);
                values.add(value);
            }
        }
        return values == null ? List.of() : values;
    }


    private static MessageFields.Author user(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String username = null;
        String discriminator = null;
        String globalName = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            switch (field) {
                case "username" -> username = text(p);
                case "discriminator" -> discriminator = text(p);
                case "global_name" -> globalName = text(p);
                default -> p.skipChildren();
            }
        }
        return new MessageFields.Author(username, discriminator, globalName);
    }

    private static String attachmentUrl(JsonParser p) throws IOException {
        String url = null;
        String filename = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            switch (field) {
                case "url" -> url = text(p);
                case "filename" -> filename = text(p);
                default -> p.skipChildren();
            }
        }
        return url != null ? url : filename;
    }

    /** {@code title url}, or the first line of the description, or the provider: what the embed is about. */
    private static String embed(JsonParser p) throws IOException {
        String title = null;
        String url = null;
        String description = null;
        String provider = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            switch (field) {
                case "title" -> title = text(p);
                case "url" -> url = text(p);
                case "description" -> description = text(p);
                case "provider", "author" -> {
                    String name = field(p, "name");
                    if (provider == null) provider = name;
                }
                default -> p.skipChildren();
            }
        }
        String about = title != null ? title : description != null ? description : provider;
        return embedText(about, url);
    }

    static final int EMBED_TEXT_MAX = 80; // characters

    /** One short line: the first line of {@code about}, cut at {@link #EMBED_TEXT_MAX}, then the URL. */
    static String embedText(String about, String url) {
        String text = about == null ? "" : about.strip();
        int newline = text.indexOf('\n');
        if (newline >= 0) text = text.substring(0, newline).strip() + " …";
        if (text.length() > EMBED_TEXT_MAX) text = text.substring(0, EMBED_TEXT_MAX).strip() + "…";
        if (url == null || url.isEmpty()) return text.isEmpty() ? "embed" : text;
        return text.isEmpty() ? url : text + " " + url;
    }

    private static String pollQuestion(JsonParser p) throws IOException {
        String[] question = {null};
        eachField(p, (field, q) -> {
            if (field.equals("question")) question[0] = field(q, "text");
            else q.skipChildren();
        });
        return question[0];
    }


    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static List<String> skipList(JsonParser p) throws IOException {
        p.skipChildren();
        return List.of();
    }
}

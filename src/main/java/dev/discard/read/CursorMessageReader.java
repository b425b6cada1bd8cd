package dev.discard.read;

import static dev.discard.format.JsonCursor.ascii;

import dev.discard.format.JsonCursor;
import dev.discard.format.JsonCursor.Unreadable;
import dev.discard.format.Snowflake;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one Discord message object as {@link MessageReader} reads it with Jackson, from a {@link JsonCursor} before
 * its {@code {}: the same id text and the same {@link MessageFields}. A value the Jackson reading treats in its own
 * way (an object where it reads a number and does not skip it) is {@link Unreadable}, for Jackson to read.
 */
final class CursorMessageReader {
    private static final byte[] ID = ascii("id");
    private static final byte[] TYPE = ascii("type");
    private static final byte[] CALL = ascii("call");
    private static final byte[] POLL = ascii("poll");
    private static final byte[] AUTHOR = ascii("author");
    private static final byte[] EMBEDS = ascii("embeds");
    private static final byte[] CONTENT = ascii("content");
    private static final byte[] MENTIONS = ascii("mentions");
    private static final byte[] STICKERS = ascii("stickers");
    private static final byte[] TIMESTAMP = ascii("timestamp");
    private static final byte[] ATTACHMENTS = ascii("attachments");
    private static final byte[] INTERACTION = ascii("interaction");
    private static final byte[] STICKER_ITEMS = ascii("sticker_items");
    private static final byte[] EDITED_TIMESTAMP = ascii("edited_timestamp");
    private static final byte[] MESSAGE_REFERENCE = ascii("message_reference");
    private static final byte[] INTERACTION_METADATA = ascii("interaction_metadata");
    private static final byte[] USERNAME = ascii("username");
    private static final byte[] DISCRIMINATOR = ascii("discriminator");
    private static final byte[] GLOBAL_NAME = ascii("global_name");
    private static final byte[] URL = ascii("url");
    private static final byte[] FILENAME = ascii("filename");
    private static final byte[] TITLE = ascii("title");
    private static final byte[] DESCRIPTION = ascii("description");
    private static final byte[] PROVIDER = ascii("provider");
    private static final byte[] NAME = ascii("name");
    private static final byte[] MESSAGE_ID = ascii("message_id");
    private static final byte[] ENDED_TIMESTAMP = ascii("ended_timestamp");
    private static final byte[] QUESTION = ascii("question");
    private static final byte[] TEXT = ascii("text");

    private final boolean details;
    private final byte[] source;
    /** The id as {@link Snowflake#parseLenient} reads it; -1 when it is not one. */
    long id = -1;
    /** The id as Jackson's {@code getText()} gives it, when it is not a string of up to 19 digits (for damage). */
    String idText;
    /** All fields but the content, timestamp and author, which {@link #texts} keeps. */
    private final MessageDraft m = new MessageDraft();
    private final MessageTexts texts;
    private boolean author;

    /** @param source the bytes the cursor reads */
    CursorMessageReader(boolean details, byte[] source) {
        this.details = details;
        this.source = source;
        this.texts = details ? new MessageTexts(source) : null;
    }

    /** Reads the object the cursor is before. */
    void read(JsonCursor c) throws Unreadable {
        c.beginObject();
        while (c.nextField()) {
            if (c.nameIs(ID)) {
                id(c);
            } else if (!details) {
                c.skipValue();
            } else {
                readDetail(c);
            }
        }
    }

    MessageFields fields() {
        m.content = texts.text(MessageTexts.CONTENT);
        m.timestamp = texts.text(MessageTexts.TIMESTAMP);
        m.author = author ? new MessageFields.Author(texts.text(MessageTexts.USERNAME),
                texts.text(MessageTexts.DISCRIMINATOR), texts.text(MessageTexts.GLOBAL_NAME)) : null;
        return m.fields();
    }

    /**
     * The message's line as {@link MessageRenderer} prints it, in UTF-8, made from the bytes when it is a plain user
     * message ({@link MessageTexts#line}); null otherwise, for the caller to render its {@link #fields()}.
     */
    byte[] line() {
        if (!SystemMessages.isUserMessage(m.type) || m.commandName != null || !m.stickers.isEmpty()
                || !m.attachments.isEmpty() || !m.embeds.isEmpty() || m.pollQuestion != null) {
            return null;
        }
        return texts.line(author, m.type == SystemMessages.REPLY ? m.referencedId : null, m.edited);
    }

    /**
     * The id; a string of up to 19 digits (every id until 2090) is read from its bytes, unsigned: below 10^19, it
     * cannot overflow 64 bits, nor be 2^64 - 1.
     */
    private void id(JsonCursor c) throws Unreadable {
        int first = c.peek();
        if (first == '"') {
            if (c.rawString() && c.stringEnd() > c.stringStart() && c.stringEnd() - c.stringStart() <= 19) {
                long value = 0;
                int k = c.stringStart();
                for (; k < c.stringEnd(); k++) {
                    int digit = source[k] - '0';
                    if (digit < 0 || digit > 9) break;
                    value = value * 10 + digit;
                }
                if (k == c.stringEnd()) {
                    id = value;
                    idText = null;
                    return;
                }
            }
            idText = c.lastString();
        } else {
            idText = first == 'n' ? nullAsText(c) : c.text();
        }
        id = Snowflake.parseLenient(idText);
    }

    /** Names by length first: most of a message's names are none of these. */
    private void readDetail(JsonCursor c) throws Unreadable {
        switch (c.nameLength()) {
            case 4 -> {
                if (c.nameIs(TYPE)) {
                    m.type = type(c);
                } else if (c.nameIs(CALL)) {
                    m.callEnded = field(c, ENDED_TIMESTAMP);
                } else if (c.nameIs(POLL)) {
                    m.pollQuestion = pollQuestion(c);
                } else {
                    c.skipValue();
                }
            }
            case 6 -> {
                if (c.nameIs(AUTHOR)) author(c);
                else if (c.nameIs(EMBEDS)) m.embeds = eachObject(c, CursorMessageReader::embed);
                else c.skipValue();
            }
            case 7 -> {
                if (c.nameIs(CONTENT)) texts.read(c, MessageTexts.CONTENT);
                else c.skipValue();
            }
            case 8 -> {
                if (c.nameIs(MENTIONS)) m.mentions = eachObject(c, q -> user(q).displayName());
                else if (c.nameIs(STICKERS)) m.stickers = eachObject(c, q -> field(q, NAME));
                else c.skipValue();
            }
            case 9 -> {
                if (c.nameIs(TIMESTAMP)) texts.read(c, MessageTexts.TIMESTAMP);
                else c.skipValue();
            }
            case 11 -> {
                if (c.nameIs(ATTACHMENTS)) {
                    m.attachments = eachObject(c, CursorMessageReader::attachmentUrl);
                } else if (c.nameIs(INTERACTION)) {
                    String name = field(c, NAME);
                    if (m.commandName == null) m.commandName = name;
                } else {
                    c.skipValue();
                }
            }
            case 13 -> {
                if (c.nameIs(STICKER_ITEMS)) m.stickers = eachObject(c, q -> field(q, NAME));
                else c.skipValue();
            }
            case 16 -> {
                if (c.nameIs(EDITED_TIMESTAMP)) m.edited = !scalarIsNull(c);
                else c.skipValue();
            }
            case 17 -> {
                if (c.nameIs(MESSAGE_REFERENCE)) m.referencedId = field(c, MESSAGE_ID);
                else c.skipValue();
            }
            case 20 -> {
                if (c.nameIs(INTERACTION_METADATA)) {
                    String name = field(c, NAME);
                    if (name != null) m.commandName = name;
                } else {
                    c.skipValue();
                }
            }
            default -> c.skipValue();
        }
    }

    /** Jackson's {@code getText()} of null, which an id that is null reads as. */
    private static String nullAsText(JsonCursor c) throws Unreadable {
        c.skipValue();
        return "null";
    }

    /** An integer type as Jackson's {@code getIntValue}; 0 for other scalars. */
    private static int type(JsonCursor c) throws Unreadable {
        int first = c.peek();
        if (first == '-' || (first >= '0' && first <= '9')) return c.intValue();
        scalarIsNull(c);
        return 0;
    }

    /** Whether the next value, a scalar, is null; the Jackson reading leaves an object or array here unread. */
    private static boolean scalarIsNull(JsonCursor c) throws Unreadable {
        int first = c.peek();
        if (first == '{' || first == '[') throw c.unreadable("a container where a scalar is read");
        c.skipValue();
        return first == 'n';
    }

    /** The text of one field of an object (the last of that name); null when the value is no object. */
    private static String field(JsonCursor c, byte[] name) throws Unreadable {
        if (!c.enterObject()) return null;
        String value = null;
        while (c.nextField()) {
            if (c.nameIs(name)) value = c.text();
            else c.skipValue();
        }
        return value;
    }

    /** Reads one object of an array; the cursor is before its {@code {}. */
    private interface ObjectReader {
        String read(JsonCursor c) throws Unreadable;
    }

    /** What the reader makes of each object of the array, where not null; other elements are skipped. */
    private static List<String> eachObject(JsonCursor c, ObjectReader reader) throws Unreadable {
        if (!c.enterArray()) return List.of();
        List<String> values = null;
        while (c.nextElement()) {
            if (c.peek() != '{') {
                c.skipValue();
                continue;
            }
            String value = reader.read(c);
            if (value == null) continue;
            if (values == null) values = new ArrayList<>(2);
            values.add(value);
        }
        return values == null ? List.of() : values;
    }

    /** The author, a user object, whose names are kept in {@link #texts}; none when the value is not an object. */
    private void author(JsonCursor c) throws Unreadable {
        texts.clear(MessageTexts.USERNAME);
        texts.clear(MessageTexts.DISCRIMINATOR);
        texts.clear(MessageTexts.GLOBAL_NAME);
        author = c.enterObject();
        if (!author) return;
        while (c.nextField()) {
            if (c.nameIs(USERNAME)) texts.read(c, MessageTexts.USERNAME);
            else if (c.nameIs(DISCRIMINATOR)) texts.read(c, MessageTexts.DISCRIMINATOR);
            else if (c.nameIs(GLOBAL_NAME)) texts.read(c, MessageTexts.GLOBAL_NAME);
            else c.skipValue();
        }
    }

    /** A user object (the cursor is before its {@code {}). */
    private static MessageFields.Author user(JsonCursor c) throws Unreadable {
        String username = null;
        String discriminator = null;
        String globalName = null;
        c.beginObject();
        while (c.nextField()) {
            if (c.nameIs(USERNAME)) username = c.text();
            else if (c.nameIs(DISCRIMINATOR)) discriminator = c.text();
            else if (c.nameIs(GLOBAL_NAME)) globalName = c.text();
            else c.skipValue();
        }
        return new MessageFields.Author(username, discriminator, globalName);
    }

    private static String attachmentUrl(JsonCursor c) throws Unreadable {
        String url = null;
        String filename = null;
        c.beginObject();
        while (c.nextField()) {
            if (c.nameIs(URL)) url = c.text();
            else if (c.nameIs(FILENAME)) filename = c.text();
            else c.skipValue();
        }
        return url != null ? url : filename;
    }

    private static String embed(JsonCursor c) throws Unreadable {
        String title = null;
        String url = null;
        String description = null;
        String provider = null;
        c.beginObject();
        while (c.nextField()) {
            if (c.nameIs(TITLE)) {
                title = c.text();
            } else if (c.nameIs(URL)) {
                url = c.text();
            } else if (c.nameIs(DESCRIPTION)) {
                description = c.text();
            } else if (c.nameIs(PROVIDER) || c.nameIs(AUTHOR)) {
                String name = field(c, NAME);
                if (provider == null) provider = name;
            } else {
                c.skipValue();
            }
        }
        String about = title != null ? title : description != null ? description : provider;
        return MessageReader.embedText(about, url);
    }

    private static String pollQuestion(JsonCursor c) throws Unreadable {
        if (!c.enterObject()) return null;
        String question = null;
        while (c.nextField()) {
            if (c.nameIs(QUESTION)) question = field(c, TEXT);
            else c.skipValue();
        }
        return question;
    }
}

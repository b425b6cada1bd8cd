package dev.discard.read;

import dev.discard.format.JsonCursor;
import dev.discard.format.JsonCursor.Unreadable;
import dev.discard.format.Timestamps;
import java.nio.charset.StandardCharsets;

/**
 * The strings of a message that most lines of {@code discard read} are made of: its content, its timestamp and its
 * author's names. Read from a {@link JsonCursor}, each is kept as its bytes in the line while it has no escapes, and
 * decoded only when asked for; so the line of a plain message ({@link #line}) is made of the bytes it shows, with
 * nothing decoded and encoded again. Values read as {@link JsonCursor#text()} reads them.
 */
final class MessageTexts {
    static final int CONTENT = 0;
    static final int TIMESTAMP = 1;
    static final int USERNAME = 2;
    static final int DISCRIMINATOR = 3;
    static final int GLOBAL_NAME = 4;
    private static final int COUNT = 5;
    private static final byte[] UNKNOWN = "(unknown)".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REPLY_TO = " (reply to ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EDITED = " (edited)".getBytes(StandardCharsets.US_ASCII);

    private final byte[] source;
    /** Text k is {@code source[spans[2k] - 1, spans[2k + 1])} when {@code spans[2k]} is not 0 (not kept as bytes). */
    private final int[] spans = new int[2 * COUNT];
    /** The text of what is not kept as bytes; null for null. */
    private final String[] texts = new String[COUNT];

    MessageTexts(byte[] source) {
        this.source = source;
    }

    /** Reads text {@code k} from the value before the cursor. */
    void read(JsonCursor c, int k) throws Unreadable {
        if (c.peek() == '"') {
            boolean raw = c.rawString();
            spans[2 * k] = raw ? c.stringStart() + 1 : 0;
            spans[2 * k + 1] = c.stringEnd();
            texts[k] = raw ? null : c.lastString();
        } else {
            spans[2 * k] = 0;
            texts[k] = c.text();
        }
    }

    void clear(int k) {
        spans[2 * k] = 0;
        texts[k] = null;
    }

    /** Text {@code k}, decoded; null when it is null or absent. */
    String text(int k) {
        int start = spans[2 * k] - 1;
        return start < 0 ? texts[k] : new String(source, start, spans[2 * k + 1] - start, StandardCharsets.UTF_8);
    }

    /**
     * The line {@link MessageRenderer} prints for a user message that shows nothing but these texts, a reply's id and
     * whether it was edited, in UTF-8; null when it is not that simple here (a text with escapes, a number for a
     * name, a timestamp in another form), for the caller to render the message's fields instead.
     *
     * @param author whether the message has an author object
     * @param replyTo the id the text says the message replies to; null for none
     */
    byte[] line(boolean author, String replyTo, boolean edited) {
        for (int k = 0; k < COUNT; k++) {
            if (spans[2 * k] == 0 && texts[k] != null) return null;
        }
        if (replyTo != null && !isAscii(replyTo)) return null;
        int timeStart = spans[2 * TIMESTAMP] - 1;
        if (timeStart < 0) return null;
        int timeLength = Timestamps.displayLength(source, timeStart, spans[2 * TIMESTAMP + 1]);
        if (timeLength < 0) return null;
        int name = author ? authorName() : -1;
        int nameLength = name < 0 ? UNKNOWN.length : length(name);
        int contentLength = length(CONTENT);
        int length = 1 + timeLength + 3 + nameLength + 1 + (contentLength > 0 ? 1 + contentLength : 0)
                + (replyTo != null ? REPLY_TO.length + replyTo.length() + 1 : 0) + (edited ? EDITED.length : 0);
        if (name == DISCRIMINATOR) length += length(USERNAME) + 1 + (spans[2 * USERNAME] == 0 ? NULL.length : 0);
        byte[] line = new byte[length];
        int at = 0;
        line[at++] = '[';
        Timestamps.display(source, timeStart, spans[2 * TIMESTAMP + 1], line, at, timeLength);
        at += timeLength;
        line[at++] = ']';
        line[at++] = ' ';
        line[at++] = '<';
        if (name < 0) {
            at = put(UNKNOWN, 0, UNKNOWN.length, line, at);
        } else {
            if (name == DISCRIMINATOR) {
                at = spans[2 * USERNAME] == 0 ? put(NULL, 0, NULL.length, line, at) : put(USERNAME, line, at);
                line[at++] = '#';
            }
            at = put(name, line, at);
        }
        line[at++] = '>';
        if (replyTo != null) {
            at = put(REPLY_TO, 0, REPLY_TO.length, line, at);
            for (int k = 0; k < replyTo.length(); k++) line[at++] = (byte) replyTo.charAt(k);
            line[at++] = ')';
        }
        if (contentLength > 0) {
            line[at++] = ' ';
            at = put(CONTENT, line, at);
        }
        if (edited) put(EDITED, 0, EDITED.length, line, at);
        return line;
    }

    /**
     * Which text {@link MessageFields.Author#displayName()} shows: {@code DISCRIMINATOR} for
     * {@code username#discriminator}, else {@code GLOBAL_NAME} or {@code USERNAME}; -1 for {@code (unknown)}.
     */
    private int authorName() {
        int discriminator = length(DISCRIMINATOR);
        if (discriminator > 0 && !(discriminator == 1 && source[spans[2 * DISCRIMINATOR] - 1] == '0')) {
            return DISCRIMINATOR;
        }
        if (length(GLOBAL_NAME) > 0) return GLOBAL_NAME;
        return spans[2 * USERNAME] != 0 ? USERNAME : -1;
    }

    /** The length in bytes of text k, kept as bytes; 0 when null. */
    private int length(int k) {
        int start = spans[2 * k] - 1;
        return start < 0 ? 0 : spans[2 * k + 1] - start;
    }

    private int put(int k, byte[] line, int at) {
        int start = spans[2 * k] - 1;
        return put(source, start, spans[2 * k + 1], line, at);
    }

    private static int put(byte[] from, int start, int end, byte[] line, int at) {
        System.arraycopy(from, start, line, at, end - start);
        return at + end - start;
    }

    /** ASCII without line breaks: its characters are its bytes, and it needs no indenting. */
    private static boolean isAscii(String s) {
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (ch >= 0x80 || ch == '\n' || ch == '\r') return false;
        }
        return true;
    }
}

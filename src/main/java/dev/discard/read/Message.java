package dev.discard.read;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One message as found in a message page: its snowflake id, the exact bytes of its JSON object in the record's line,
 * and, when asked for, the fields the plain-text view shows. Immutable.
 *
 * @param id the message's snowflake id
 * @param source the record's line; the message object is {@code source[start, end)}. Do not modify.
 * @param start first byte of the message object
 * @param end one past its last byte
 * @param fields what {@link MessageRenderer} needs; null when the page was read for ids only, or to be printed
 * @param text the message as {@link MessageRenderer} prints it, UTF-8, when the log was read to be printed (made on
 *     the parser's thread); null otherwise
 */
public record Message(long id, byte[] source, int start, int end, MessageFields fields, byte[] text) {
    public Message(long id, byte[] source, int start, int end, MessageFields fields) {
        this(id, source, start, end, fields, null);
    }

    /** The message object exactly as stored in the archive. */
    public String json() {
        return new String(source, start, end - start, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && m.id == id && Arrays.equals(source, start, end, m.source, m.start, m.end);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "Message " + id;
    }
}

package dev.discard.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * One message as a line of text, as Discard's reader prints it: {@code [2021-02-01 14:35:33.216000] <Sanqui#3248>
 * Hello}. The time is the message's {@code timestamp} in UTC. Replies say what they answer, application commands
 * which command was used, system messages are sentences; stickers, attachment URLs, embeds and polls follow the
 * text, and an edited message ends with {@code (edited)}. Further lines of a multi-line message are indented by
 * {@value #CONTINUATION} so that every line starting with {@code [} begins a message.
 */
public final class MessageRenderer {
    static final String CONTINUATION = "    ";

    /**
     * The text of one message object given as its JSON, as archived: for readers that keep messages elsewhere (the
     * search index).
     *
     * @throws IOException when the JSON is not a message object with an id
     */
    public String render(byte[] json, JsonFactory factory) throws IOException {
        MessageReader reader = new MessageReader(true);
        try (JsonParser p = factory.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a message object");
            reader.read(p);
        }
        long id;
        try {
            id = Long.parseUnsignedLong(String.valueOf(reader.id));
        } catch (NumberFormatException e) {
            throw new IOException("the message has no valid id (" + reader.id + ")");
        }
        return render(new Message(id, json, 0, json.length, reader.fields()));
    }

    /** The message's text; {@code message.fields()} must be present. */
    public String render(Message message) {
        MessageFields m = message.fields();
        if (m == null) throw new IllegalArgumentException("message " + message.id() + " was read without details");
        StringBuilder b = new StringBuilder(128);
        b.append('[').append(time(message.id(), m.timestamp())).append("] ");
        String author = m.author() == null ? "(unknown)" : m.author().displayName();
        if (SystemMessages.isUserMessage(m.type())) {
            b.append('<').append(author).append('>');
            if (m.type() == SystemMessages.REPLY && m.referencedId() != null) {
                b.append(" (reply to ").append(m.referencedId()).append(')');
            }
            if (m.commandName() != null) b.append(" (used /").append(m.commandName()).append(')');
            if (m.content() != null && !m.content().isEmpty()) b.append(' ').append(m.content());
        } else {
            b.append(SystemMessages.sentence(m, author));
        }
        for (String sticker : m.stickers()) b.append(" [sticker: ").append(sticker).append(']');
        for (String url : m.attachmentUrls()) b.append(' ').append(url);
        for (String embed : m.embeds()) b.append(" [embed: ").append(embed).append(']');
        if (m.pollQuestion() != null) b.append(" [poll: ").append(m.pollQuestion()).append(']');
        if (m.edited()) b.append(" (edited)");
        return indentContinuations(b);
    }

    private static String time(long id, String timestamp) {
        if (timestamp != null) {
            try {
                return Timestamps.display(timestamp);
            } catch (RuntimeException e) {
                // fall through to the id's time
            }
        }
        return Timestamps.display(Snowflakes.time(id));
    }

    private static String indentContinuations(StringBuilder b) {
        int newline = b.indexOf("\n");
        if (newline < 0) return b.toString();
        StringBuilder out = new StringBuilder(b.length() + 16);
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c == '\r' && i + 1 < b.length() && b.charAt(i + 1) == '\n') continue;
            out.append(c);
            if (c == '\n') out.append(CONTINUATION);
        }
        return out.toString();
    }
}

package dev.discard.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.Snowflake;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the messages out of a message page ({@code GET …/channels/{id}/messages}): the id and byte span of every
 * message object, and with {@code details} the fields of {@link MessageFields}. Works as a {@link DataVisitor}, in
 * the envelope's pass, keeping no state (records are parsed on several threads); {@link #page} falls back to a second
 * parse when the page could not be visited (a record that writes its response before its request).
 */
final class MessagePageParser implements DataVisitor {
    private final String channelId;
    private final boolean details;
    private final ObjectMapper mapper;
    private final MessageRenderer renderer;

    /** The messages of one page, in the order of the log, and what could not be read. */
    record Page(List<Message> messages, List<String> damage) {}

    /**
     * @param channelId the channel whose pages to read; null for any channel
     * @param details whether to read the fields of {@link MessageFields}, or ids only
     */
    MessagePageParser(String channelId, boolean details, ObjectMapper mapper) {
        this(channelId, details, null, mapper);
    }

    /** @param renderer renders each message into {@link Message#text}; null for none (details must be read for it) */
    MessagePageParser(String channelId, boolean details, MessageRenderer renderer, ObjectMapper mapper) {
        this.channelId = channelId;
        this.details = details || renderer != null;
        this.renderer = renderer;
        this.mapper = mapper;
    }

    /** Whether the record requests the channel's message history ({@code GET …/channels/{id}/messages}). */
    boolean isPageRequest(ArchiveRecord r) {
        return r.isHttp() && (r.method() == null || "GET".equalsIgnoreCase(r.method()))
                && ArchiveUrls.isMessagesUrl(r.url(), channelId);
    }

    @Override
    public boolean wants(ArchiveRecord envelope) {
        if (!isPageRequest(envelope)) return false;
        return envelope.status() == null || (envelope.status() >= 200 && envelope.status() < 300);
    }

    @Override
    public Page visit(ArchiveRecord envelope, JsonParser p) throws IOException {
        return read(p, envelope.source(), 0);
    }

    /** The page of a record that {@link #isPageRequest} accepted and that succeeded. */
    Page page(ArchiveRecord r) throws IOException {
        if (r.visited instanceof Page visitedPage) return visitedPage;
        if (!r.hasData()) return new Page(List.of(), List.of("the response has no data"));
        int length = r.dataEnd - r.dataStart;
        try (JsonParser p = mapper.getFactory().createParser(r.source(), r.dataStart, length)) {
            p.nextToken();
            return read(p, r.source(), r.dataStart); // offsets count from the parser's start
        }
    }

    private Page read(JsonParser p, byte[] source, int base) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return new Page(List.of(), List.of("the response data is not a list of messages"));
        }
        List<Message> messages = new ArrayList<>(100);
        List<String> damage = List.of();
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            index++;
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                damage = add(damage, "element " + index + " of the page is not a message object");
                continue;
            }
            int start = base + (int) p.currentTokenLocation().getByteOffset();
            MessageReader m = new MessageReader(details);
            m.read(p);
            int end = base + (int) p.currentLocation().getByteOffset();
            long id = Snowflake.parseLenient(m.id);
            if (id == -1) {
                damage = add(damage, "message " + index + " of the page has no valid id (" + m.id + ")");
                continue;
            }
            Message message = new Message(id, source, start, end, details ? m.fields() : null);
            if (renderer != null) {
                message = new Message(id, source, start, end, message.fields(),
                        renderer.render(message).getBytes(StandardCharsets.UTF_8));
            }
            messages.add(message);
        }
        return new Page(messages, damage);
    }

    private static List<String> add(List<String> list, String item) {
        List<String> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}

package dev.discard.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.ApiRoute;
import dev.discard.format.JsonCursor;
import dev.discard.format.JsonCursor.Unreadable;
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
                && ApiRoute.isMessages(r.url(), channelId);
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

    @Override
    public Page visit(ArchiveRecord envelope, JsonCursor cursor) throws Unreadable {
        return read(cursor, envelope.source());
    }

    /** The page of a record that {@link #isPageRequest} accepted and that succeeded. */
    Page page(ArchiveRecord r) throws IOException {
        if (r.visited instanceof Page visitedPage) return visitedPage;
        if (!r.hasData()) return new Page(List.of(), List.of("the response has no data"));
        try {
            return read(new JsonCursor(r.source(), r.dataStart, r.dataEnd), r.source());
        } catch (Unreadable e) {
            return pageWithJackson(r);
        }
    }

    /** As {@link #page}, with Jackson alone. */
    Page pageWithJackson(ArchiveRecord r) throws IOException {
        int length = r.dataEnd - r.dataStart;
        try (JsonParser p = mapper.getFactory().createParser(r.source(), r.dataStart, length)) {
            p.nextToken();
            return read(p, r.source(), r.dataStart); // offsets count from the parser's start
        }
    }

    private Page read(JsonParser p, byte[] source, int base) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return notAList();
        }
        PageBuilder page = new PageBuilder(source);
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                page.notAnObject();
                continue;
            }
            int start = base + (int) p.currentTokenLocation().getByteOffset();
            MessageReader m = new MessageReader(details);
            m.read(p);
            int end = base + (int) p.currentLocation().getByteOffset();
            page.add(Snowflake.parseLenient(m.id), m.id, start, end, details ? m.fields() : null, null);
        }
        return page.page();
    }

    /** As {@link #read(JsonParser, byte[], int)}, from the bytes; offsets are the cursor's, into the whole line. */
    private Page read(JsonCursor c, byte[] source) throws Unreadable {
        if (!c.enterArray()) return notAList();
        PageBuilder page = new PageBuilder(source);
        while (c.nextElement()) {
            if (c.peek() != '{') {
                c.skipValue();
                page.notAnObject();
                continue;
            }
            int start = c.position();
            CursorMessageReader m = new CursorMessageReader(details, source);
            m.read(c);
            byte[] line = renderer != null ? m.line() : null;
            page.add(m.id, m.idText, start, c.position(), details && line == null ? m.fields() : null, line);
        }
        return page.page();
    }

    private static Page notAList() {
        return new Page(List.of(), List.of("the response data is not a list of messages"));
    }

    /** The messages of a page as they are read, in the same way from either reading. */
    private final class PageBuilder {
        private final byte[] source;
        private final List<Message> messages = new ArrayList<>(100);
        private List<String> damage = List.of();
        private int index;

        PageBuilder(byte[] source) {
            this.source = source;
        }

        void notAnObject() {
            index++;
            damage("element " + index + " of the page is not a message object");
        }

        /**
         * @param id the id as {@link Snowflake#parseLenient} reads it
         * @param idText the id as Jackson's {@code getText()} gives it, for a message without a valid id
         * @param line the message's line when it was made from the bytes; else it is rendered from the fields
         */
        void add(long id, String idText, int start, int end, MessageFields fields, byte[] line) {
            index++;
            if (id == -1) {
                damage("message " + index + " of the page has no valid id (" + idText + ")");
                return;
            }
            if (renderer == null) {
                messages.add(new Message(id, source, start, end, fields));
                return;
            }
            if (line == null) {
                line = renderer.render(new Message(id, source, start, end, fields)).getBytes(StandardCharsets.UTF_8);
            }
            messages.add(new Message(id, source, start, end, null, line)); // read to be printed: the line is enough
        }

        private void damage(String item) {
            List<String> copy = new ArrayList<>(damage);
            copy.add(item);
            damage = copy;
        }

        Page page() {
            return new Page(messages, damage);
        }
    }
}

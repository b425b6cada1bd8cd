package dev.discard.read.life;

import dev.discard.read.LiveEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link MessageLife} from what the archive saw of a message, in the order it was recorded: whole message
 * objects (a history page, {@code MESSAGE_CREATE}) and live events. A version already held is not added again (a
 * replayed dispatch, the same version in a later page); an object older than the current one (by
 * {@code edited_timestamp}) is kept as a version without becoming the current one. Not thread-safe.
 */
public final class MessageLifeBuilder {
    private final String id;
    private final ObjectMapper mapper;
    private String channelId;
    private JsonNode current;
    private final List<JsonNode> objects = new ArrayList<>();
    private final List<MessageLife.Version> versions = new ArrayList<>();
    private MessageLife.Deletion deletion;

    public MessageLifeBuilder(String id, ObjectMapper mapper) {
        this.id = id;
        this.mapper = mapper;
    }

    /** A whole message object seen at {@code seenAt} ({@code source}: {@code http} or the dispatch's name). */
    public void observe(JsonNode message, String seenAt, String source) {
        if (channelId == null) channelId = MessageEdits.text(message, "channel_id");
        int known = indexOf(message);
        if (known < 0) {
            objects.add(message);
            versions.add(new MessageLife.Version(null, MessageEdits.text(message, "edited_timestamp"), seenAt,
                    source));
        }
        if (current == null || MessageEdits.newer(message, current)) {
            current = message;
            if (known >= 0) objects.set(known, message); // the same version, its reactions as they stand now
        }
    }

    /** Applies a live event about this message; those about other messages or channels are ignored. */
    public void apply(LiveEvent event) {
        switch (event.kind()) {
            case MESSAGE_CREATE -> observe(event.data(), event.time(), event.kind().name());
            case MESSAGE_UPDATE -> observe(MessageEdits.update(current, event.data()), event.time(),
                    event.kind().name());
            case MESSAGE_DELETE, MESSAGE_DELETE_BULK, CHANNEL_DELETE, THREAD_DELETE -> deleted(
                    new MessageLife.Deletion(MessageLife.How.LIVE, event.time(), null, event.kind().name()));
            default -> {
                if (current != null) {
                    JsonNode reacted = MessageEdits.react(current, event.kind(), event.data());
                    int at = objects.indexOf(current);
                    current = reacted;
                    if (at >= 0) objects.set(at, reacted);
                }
            }
        }
    }

    /** Marks it deleted; the first deletion known is kept (a replayed delete changes nothing). */
    public void deleted(MessageLife.Deletion how) {
        if (deletion == null) deletion = how;
    }

    /** Whether a message object was seen (a message known only from a delete has none). */
    public boolean seen() {
        return current != null;
    }

    private int indexOf(JsonNode message) {
        for (int i = 0; i < objects.size(); i++) {
            if (!MessageEdits.distinct(objects.get(i), message)) return i;
        }
        return -1;
    }

    /** The life so far; versions oldest first, the current one last. */
    public MessageLife build() {
        if (current == null) throw new IllegalStateException("message " + id + " was never seen");
        List<MessageLife.Version> out = new ArrayList<>(versions.size());
        int currentAt = objects.indexOf(current);
        for (int i = 0; i < versions.size(); i++) {
            if (i == currentAt) continue;
            out.add(withJson(versions.get(i), objects.get(i)));
        }
        out.add(withJson(versions.get(currentAt), current));
        return new MessageLife(id, channelId, out, deletion);
    }

    private MessageLife.Version withJson(MessageLife.Version v, JsonNode json) {
        try {
            return new MessageLife.Version(mapper.writeValueAsString(json), v.editedTimestamp(), v.seenAt(),
                    v.source());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree always writes
        }
    }
}

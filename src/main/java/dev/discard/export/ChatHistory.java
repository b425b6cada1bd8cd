package dev.discard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.index.IndexIds;
import dev.discard.index.MessageLives;
import dev.discard.read.life.MessageLife;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the index knows of a message's life beyond its newest version (the message model, {@link MessageLives}),
 * for chat exports that write it on request ({@code --history}): its earlier versions and its deletion. By default
 * those exports leave deleted messages out ({@link #LIVE}) and write each message in its newest version.
 */
final class ChatHistory {
    /** SQL condition on {@code messages}: not known to be deleted. What exports write by default. */
    static final String LIVE = "NOT EXISTS (SELECT 1 FROM message_deletions d WHERE d.message_id = messages.id)";

    /** An earlier version of a message: its edited time (null for the first), content and JSON. */
    record Version(String editedTimestamp, String content, JsonNode json) {}

    private final MessageLives lives;
    private final ObjectMapper mapper;

    ChatHistory(MessageLives lives, ObjectMapper mapper) {
        this.lives = lives;
        this.mapper = mapper;
    }

    /** The earlier versions and the deletion of a message; none of either when it has no such past. */
    ChatMessage message(String storedId, JsonNode json) throws SQLException {
        MessageLife life = lives.life(IndexIds.display(storedId));
        if (life == null) return new ChatMessage(storedId, json, List.of(), null);
        List<Version> earlier = new ArrayList<>();
        List<MessageLife.Version> all = life.versions();
        for (MessageLife.Version v : all.subList(0, Math.max(0, all.size() - 1))) {
            JsonNode old = parse(v.json());
            earlier.add(new Version(v.editedTimestamp(), old.path("content").asText(""), old));
        }
        return new ChatMessage(storedId, json, earlier, life.deletion());
    }

    private JsonNode parse(String json) {
        try {
            return json == null ? mapper.createObjectNode() : mapper.readTree(json);
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }
}

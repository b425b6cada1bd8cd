package dev.discard.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.read.LiveEvent;
import dev.discard.read.life.MessageEdits;
import dev.discard.read.ReplayFilter;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Applies the live dispatches of {@code --follow} runs to the index in the order recorded, by the rules of
 * {@link MessageEdits}: a created message is stored, an update's fields replace the stored ones (the version it
 * replaces is kept by {@link MessageStore}), reactions change the stored message's {@code reactions}, and deletes of
 * messages, channels and threads are kept with the time of their record. A replayed dispatch changes nothing.
 */
final class LiveIndexer implements AutoCloseable {
    private final MessageStore messages;
    private final EntityStore entities;
    private final MessageRowReader rows;
    private final ObjectMapper mapper;
    private final ReplayFilter replays = new ReplayFilter();
    private final PreparedStatement deleteMessage;
    private final PreparedStatement deleteChannel;
    private final PreparedStatement listed;

    LiveIndexer(Connection c, MessageStore messages, EntityStore entities, MessageRowReader rows, ObjectMapper mapper)
            throws SQLException {
        this.messages = messages;
        this.entities = entities;
        this.rows = rows;
        this.mapper = mapper;
        // A live deletion is the better evidence: it replaces one concluded between runs, never the reverse.
        deleteMessage = c.prepareStatement("INSERT INTO message_deletions (message_id, channel_id, how, at, last_seen,"
                + " source, run_id) VALUES (?, ?, 'live', ?, NULL, ?, ?) ON CONFLICT (message_id) DO UPDATE SET"
                + " how = 'live', at = excluded.at, last_seen = NULL, source = excluded.source, run_id = excluded.run_id"
                + " WHERE how != 'live'");
        deleteChannel = c.prepareStatement("INSERT INTO channel_deletions (channel_id, how, at, last_seen, source,"
                + " run_id) VALUES (?, 'live', ?, NULL, ?, ?) ON CONFLICT (channel_id) DO UPDATE SET how = 'live',"
                + " at = excluded.at, last_seen = NULL, source = excluded.source, run_id = excluded.run_id"
                + " WHERE how != 'live'");
        listed = c.prepareStatement("INSERT INTO channel_runs (run_id, channel_id, listed) VALUES (?, ?, 1)"
                + " ON CONFLICT (run_id, channel_id) DO UPDATE SET listed = 1");
    }

    /** Notes that run {@code runId}'s list of its guild's channels named the channel. */
    void listed(long runId, String channelId) throws SQLException {
        if (channelId == null) return;
        listed.setLong(1, runId);
        listed.setString(2, channelId);
        listed.executeUpdate();
    }

    /**
     * @param folderGuild the guild of the log's folder (padded): the guild of messages that name none
     */
    void apply(LiveEvent e, String folderGuild, long runId) throws SQLException {
        if (!replays.first(e)) return;
        String time = e.time();
        String source = e.kind().name();
        switch (e.kind()) {
            case MESSAGE_CREATE -> store(e.data(), folderGuild, runId, time, source);
            case MESSAGE_UPDATE -> {
                String id = IndexIds.of(e.messageIds().get(0));
                MessageStore.Stored stored = messages.stored(id);
                if (stored == null && !e.data().has("author")) return; // too little of a message to show
                JsonNode current = stored == null ? null : tree(stored.json());
                store(MessageEdits.update(current, e.data()), folderGuild, runId, time, source);
            }
            case MESSAGE_DELETE, MESSAGE_DELETE_BULK -> {
                for (String id : e.messageIds()) {
                    deleteMessage.setString(1, IndexIds.of(id));
                    deleteMessage.setString(2, IndexIds.of(e.channelId()));
                    deleteMessage.setString(3, time);
                    deleteMessage.setString(4, source);
                    deleteMessage.setLong(5, runId);
                    deleteMessage.executeUpdate();
                }
            }
            case CHANNEL_DELETE, THREAD_DELETE -> {
                if (e.data().has("name")) entities.channel(e.data(), folderGuild);
                deleteChannel.setString(1, IndexIds.of(e.channelId()));
                deleteChannel.setString(2, time);
                deleteChannel.setString(3, source);
                deleteChannel.setLong(4, runId);
                deleteChannel.executeUpdate();
            }
            default -> {
                MessageStore.Stored stored = messages.stored(IndexIds.of(e.messageIds().get(0)));
                if (stored == null) return; // a reaction on a message the archive does not hold
                JsonNode reacted = MessageEdits.react(tree(stored.json()), e.kind(), e.data());
                // Reactions are no new version: the stored one keeps its time and source.
                store(reacted, folderGuild, runId, stored.seenAt(), stored.source());
            }
        }
    }

    private void store(JsonNode message, String folderGuild, long runId, String seenAt, String source)
            throws SQLException {
        MessageRow row;
        try {
            byte[] bytes = mapper.writeValueAsBytes(message);
            row = rows.read(bytes, 0, bytes.length);
        } catch (IOException e) {
            return; // cannot happen for a tree just written
        }
        if (row.id == null) return;
        if (row.guildId == null) row.guildId = folderGuild;
        messages.put(row, runId, seenAt, source);
        entities.user(row.author);
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() throws SQLException {
        deleteMessage.close();
        deleteChannel.close();
        listed.close();
    }
}

package dev.discard.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.read.life.MessageEdits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes messages with their attachments, embeds, reactions and full-text row, each message once: a message already
 * stored is replaced only by a newer version (a later {@code edited_timestamp}, or the same one seen later), and the
 * version that loses, when it is a distinct version ({@link MessageEdits#distinct}: content, embeds, attachments or
 * edited time), is kept in {@code message_versions} with its full-text row in {@code versions_fts}. Every sighting
 * moves {@code last_seen_at} forward (what deletions between runs are concluded from). Prepared statements, reused.
 */
final class MessageStore implements AutoCloseable {
    /** What {@link #put} did with a message. */
    enum Outcome { ADDED, REPLACED, KEPT }

    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement update;
    private final PreparedStatement insertFts;
    private final PreparedStatement deleteFts;
    private final PreparedStatement insertAttachment;
    private final PreparedStatement selectAttachmentFiles;
    private final PreparedStatement deleteAttachments;
    private final PreparedStatement insertEmbed;
    private final PreparedStatement deleteEmbeds;
    private final PreparedStatement insertReaction;
    private final PreparedStatement deleteReactions;
    private final PreparedStatement findVersion;
    private final PreparedStatement insertVersion;
    private final PreparedStatement insertVersionFts;
    private final PreparedStatement touch;
    private final MessageRowReader rows;
    private final ObjectMapper mapper;

    MessageStore(Connection c, MessageRowReader rows, ObjectMapper mapper) throws SQLException {
        this.rows = rows;
        this.mapper = mapper;
        insert = c.prepareStatement("INSERT INTO messages (rowid_, id, guild_id, channel_id, author_id, type,"
                + " timestamp, edited_timestamp, content, reference_id, pinned, flags, json, run_id, seen_at, source,"
                + " last_seen_at, last_run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING");
        select = c.prepareStatement("SELECT edited_timestamp, content, json, run_id, seen_at, source FROM messages"
                + " WHERE rowid_ = ?");
        update = c.prepareStatement("UPDATE messages SET id = ?, guild_id = ?, channel_id = ?, author_id = ?,"
                + " type = ?, timestamp = ?, edited_timestamp = ?, content = ?, reference_id = ?, pinned = ?,"
                + " flags = ?, json = ?, run_id = ?, seen_at = ?, source = ? WHERE rowid_ = ?");
        touch = c.prepareStatement("UPDATE messages SET last_seen_at = ?, last_run_id = ? WHERE rowid_ = ?"
                + " AND (last_seen_at IS NULL OR last_seen_at < ?)");
        insertFts = c.prepareStatement("INSERT INTO messages_fts (rowid, content, attachments, embeds)"
                + " VALUES (?, ?, ?, ?)");
        deleteFts = c.prepareStatement("DELETE FROM messages_fts WHERE rowid = ?");
        insertAttachment = c.prepareStatement("INSERT OR REPLACE INTO attachments (id, message_id, filename,"
                + " content_type, size, width, height, url, media_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        selectAttachmentFiles = c.prepareStatement("SELECT id, media_file FROM attachments WHERE message_id = ?"
                + " AND media_file IS NOT NULL");
        deleteAttachments = c.prepareStatement("DELETE FROM attachments WHERE message_id = ?");
        insertEmbed = c.prepareStatement("INSERT OR REPLACE INTO embeds (message_id, position, type, title,"
                + " description, url, json) VALUES (?, ?, ?, ?, ?, ?, ?)");
        deleteEmbeds = c.prepareStatement("DELETE FROM embeds WHERE message_id = ?");
        insertReaction = c.prepareStatement("INSERT OR REPLACE INTO reactions (message_id, emoji_key, emoji_id,"
                + " emoji_name, count, burst_count) VALUES (?, ?, ?, ?, ?, ?)");
        deleteReactions = c.prepareStatement("DELETE FROM reactions WHERE message_id = ?");
        findVersion = c.prepareStatement("SELECT json FROM message_versions WHERE message_id = ?"
                + " AND edited_timestamp IS ? AND content IS ?");
        insertVersion = c.prepareStatement("INSERT INTO message_versions (message_id, edited_timestamp, content,"
                + " json, run_id, seen_at, source) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insertVersionFts = c.prepareStatement("INSERT INTO versions_fts (rowid, content, attachments, embeds)"
                + " VALUES (last_insert_rowid(), ?, ?, ?)");
    }

    /** The message as stored: its JSON, when its version was first seen, and how. */
    record Stored(String json, String seenAt, String source) {}

    /** The stored message of an id; null when the index has none. */
    Stored stored(String id) throws SQLException {
        select.setLong(1, IndexIds.rowid(IndexIds.value(id)));
        try (ResultSet r = select.executeQuery()) {
            return r.next() ? new Stored(r.getString(3), r.getString(5), r.getString(6)) : null;
        }
    }

    /**
     * Stores the message of run {@code runId}, found in a record made at {@code seenAt}.
     *
     * @param m a message with an id
     */
    Outcome put(MessageRow m, long runId, String seenAt) throws SQLException {
        return put(m, runId, seenAt, HISTORY);
    }

    /** The source of a version seen in a history page. */
    static final String HISTORY = "http";

    /**
     * As {@link #put(MessageRow, long, String)}, for a version that came by {@code source}: {@link #HISTORY} or the
     * name of a live dispatch.
     */
    Outcome put(MessageRow m, long runId, String seenAt, String source) throws SQLException {
        long rowid = IndexIds.rowid(IndexIds.value(m.id));
        bindMessage(insert, 1, rowid, m, runId, seenAt);
        insert.setString(16, source);
        insert.setString(17, seenAt);
        insert.setLong(18, runId);
        if (insert.executeUpdate() == 1) {
            insertChildren(m, rowid, Map.of());
            return Outcome.ADDED;
        }
        String oldEdited;
        String oldContent;
        String oldJson;
        long oldRun;
        String oldSeen;
        String oldSource;
        select.setLong(1, rowid);
        try (ResultSet r = select.executeQuery()) {
            if (!r.next()) return Outcome.KEPT; // the id is stored under another rowid: cannot happen
            oldEdited = r.getString(1);
            oldContent = r.getString(2);
            oldJson = r.getString(3);
            oldRun = r.getLong(4);
            oldSeen = r.getString(5);
            oldSource = r.getString(6);
        }
        touch(rowid, runId, seenAt);
        if (oldJson.equals(m.json)) return Outcome.KEPT;
        boolean newer = compareTimes(m.editedTimestamp, oldEdited) > 0
                || (compareTimes(m.editedTimestamp, oldEdited) == 0 && compareTimes(seenAt, oldSeen) >= 0);
        boolean distinct = !java.util.Objects.equals(m.editedTimestamp, oldEdited)
                || !java.util.Objects.equals(m.content, oldContent) || distinct(m.json, oldJson);
        if (!newer) {
            if (distinct) keepVersion(m.id, m.editedTimestamp, m.content, m.json, runId, seenAt, source, m);
            return Outcome.KEPT;
        }
        if (distinct) keepVersion(m.id, oldEdited, oldContent, oldJson, oldRun, oldSeen, oldSource, null);
        int i = bindMessage(update, 0, rowid, m, runId, seenAt);
        update.setString(i++, distinct ? source : oldSource);
        update.setLong(i, rowid);
        update.executeUpdate();
        Map<String, String> mediaFiles = new HashMap<>();
        selectAttachmentFiles.setString(1, m.id);
        try (ResultSet r = selectAttachmentFiles.executeQuery()) {
            while (r.next()) mediaFiles.put(r.getString(1), r.getString(2));
        }
        for (PreparedStatement delete : new PreparedStatement[] {deleteAttachments, deleteEmbeds, deleteReactions}) {
            delete.setString(1, m.id);
            delete.executeUpdate();
        }
        deleteFts.setLong(1, rowid);
        deleteFts.executeUpdate();
        insertChildren(m, rowid, mediaFiles);
        return Outcome.REPLACED;
    }

    /** Binds the message's columns from parameter {@code first + 1}; with {@code first == 0} without the rowid. */
    private static int bindMessage(PreparedStatement s, int first, long rowid, MessageRow m, long runId,
            String seenAt) throws SQLException {
        int i = 1;
        if (first == 1) s.setLong(i++, rowid);
        s.setString(i++, m.id);
        s.setString(i++, m.guildId);
        s.setString(i++, m.channelId);
        s.setString(i++, m.author == null ? null : m.author.id);
        s.setInt(i++, m.type);
        s.setString(i++, m.timestamp);
        s.setString(i++, m.editedTimestamp);
        s.setString(i++, m.content);
        s.setString(i++, m.referenceId);
        s.setInt(i++, m.pinned ? 1 : 0);
        s.setLong(i++, m.flags);
        s.setString(i++, m.json);
        s.setLong(i++, runId);
        s.setString(i++, seenAt);
        return i;
    }

    private void insertChildren(MessageRow m, long rowid, Map<String, String> mediaFiles) throws SQLException {
        insertFts.setLong(1, rowid);
        insertFts.setString(2, m.content);
        insertFts.setString(3, m.attachmentText());
        insertFts.setString(4, m.embedText());
        insertFts.executeUpdate();
        for (MessageRow.AttachmentRow a : m.attachments) {
            insertAttachment.setString(1, a.id);
            insertAttachment.setString(2, m.id);
            insertAttachment.setString(3, a.filename);
            insertAttachment.setString(4, a.contentType);
            setLong(insertAttachment, 5, a.size);
            setLong(insertAttachment, 6, a.width);
            setLong(insertAttachment, 7, a.height);
            insertAttachment.setString(8, a.url);
            insertAttachment.setString(9, mediaFiles.get(a.id));
            insertAttachment.executeUpdate();
        }
        int position = 0;
        for (MessageRow.EmbedRow e : m.embeds) {
            insertEmbed.setString(1, m.id);
            insertEmbed.setInt(2, position++);
            insertEmbed.setString(3, e.type);
            insertEmbed.setString(4, e.title);
            insertEmbed.setString(5, e.description);
            insertEmbed.setString(6, e.url);
            insertEmbed.setString(7, e.json);
            insertEmbed.executeUpdate();
        }
        for (MessageRow.ReactionRow r : m.reactions) {
            insertReaction.setString(1, m.id);
            insertReaction.setString(2, r.key());
            insertReaction.setString(3, r.emojiId);
            insertReaction.setString(4, r.emojiName);
            insertReaction.setLong(5, r.count);
            setLong(insertReaction, 6, r.burstCount);
            insertReaction.executeUpdate();
        }
    }

    /** Moves the message's last sighting forward to {@code seenAt} of run {@code runId}. */
    private void touch(long rowid, long runId, String seenAt) throws SQLException {
        if (seenAt == null) return;
        touch.setString(1, seenAt);
        touch.setLong(2, runId);
        touch.setLong(3, rowid);
        touch.setString(4, seenAt);
        touch.executeUpdate();
    }

    /** Whether two message objects of equal content and edited time differ in their embeds or attachments. */
    private boolean distinct(String a, String b) {
        try {
            return MessageEdits.distinct(mapper.readTree(a), mapper.readTree(b));
        } catch (IOException e) {
            return false; // a message stored unreadable: not a version of its own
        }
    }

    private void keepVersion(String id, String edited, String content, String json, long runId, String seenAt,
            String source, MessageRow row) throws SQLException {
        findVersion.setString(1, id);
        findVersion.setString(2, edited);
        findVersion.setString(3, content);
        try (ResultSet r = findVersion.executeQuery()) {
            while (r.next()) {
                if (!distinct(r.getString(1), json)) return;
            }
        }
        if (row == null) {
            try {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                row = rows.read(bytes, 0, bytes.length);
            } catch (IOException e) {
                row = new MessageRow();
            }
        }
        insertVersion.setString(1, id);
        insertVersion.setString(2, edited);
        insertVersion.setString(3, content);
        insertVersion.setString(4, json);
        insertVersion.setLong(5, runId);
        insertVersion.setString(6, seenAt);
        insertVersion.setString(7, source);
        insertVersion.executeUpdate();
        insertVersionFts.setString(1, content);
        insertVersionFts.setString(2, row.attachmentText());
        insertVersionFts.setString(3, row.embedText());
        insertVersionFts.executeUpdate();
    }

    private static void setLong(PreparedStatement s, int i, Long value) throws SQLException {
        if (value == null) s.setNull(i, Types.INTEGER);
        else s.setLong(i, value);
    }

    /** Orders two ISO 8601 times by instant; null (never edited, unknown) first; unparseable ones as text. */
    static int compareTimes(String a, String b) {
        return MessageEdits.compareTimes(a, b);
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement s : new PreparedStatement[] {insert, select, update, insertFts, deleteFts,
            insertAttachment, selectAttachmentFiles, deleteAttachments, insertEmbed, deleteEmbeds, insertReaction,
            deleteReactions, findVersion, insertVersion, insertVersionFts, touch}) {
            s.close();
        }
    }
}

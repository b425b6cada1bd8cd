package dev.discard.index;

import dev.discard.read.life.MessageLife;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The message model read back out of an index: each message's {@link MessageLife} (its versions from
 * {@code message_versions} and {@code messages}, its deletion from {@code message_deletions}), and the deletions of
 * channels. The typed API for search and the exports; ids as Discord writes them. Prepared statements, reused: close
 * it.
 */
public final class MessageLives implements AutoCloseable {
    /** Versions oldest first: never edited first, then by edited time, then by when they were seen. */
    private static final String VERSION_ORDER = " ORDER BY edited_timestamp IS NOT NULL, edited_timestamp, seen_at";

    private final PreparedStatement current;
    private final PreparedStatement versions;
    private final PreparedStatement deletion;
    private final PreparedStatement channelDeletion;
    private final PreparedStatement deletedInChannel;
    private final PreparedStatement hasVersions;

    public MessageLives(Index index) throws IndexException {
        this(prepared(index));
    }

    /** On the connection of an open index (the exports hold one). */
    public MessageLives(Connection c) throws SQLException {
        this(new Statements(c));
    }

    private MessageLives(Statements st) {
        current = st.current;
        versions = st.versions;
        deletion = st.deletion;
        channelDeletion = st.channelDeletion;
        deletedInChannel = st.deletedInChannel;
        hasVersions = st.hasVersions;
    }

    private static Statements prepared(Index index) throws IndexException {
        try {
            return new Statements(index.connection());
        } catch (SQLException e) {
            throw IndexException.of(index.file(), e);
        }
    }

    /** The statements, prepared. */
    private static final class Statements {
        final PreparedStatement current;
        final PreparedStatement versions;
        final PreparedStatement deletion;
        final PreparedStatement channelDeletion;
        final PreparedStatement deletedInChannel;
        final PreparedStatement hasVersions;

        Statements(Connection c) throws SQLException {
            current = c.prepareStatement("SELECT channel_id, json, edited_timestamp, seen_at, source FROM messages"
                    + " WHERE id = ?");
            versions = c.prepareStatement("SELECT json, edited_timestamp, seen_at, source FROM message_versions"
                    + " WHERE message_id = ?" + VERSION_ORDER);
            deletion = c.prepareStatement("SELECT how, at, last_seen, source FROM message_deletions"
                    + " WHERE message_id = ?");
            channelDeletion = c.prepareStatement("SELECT how, at, last_seen, source FROM channel_deletions"
                    + " WHERE channel_id = ?");
            deletedInChannel = c.prepareStatement("SELECT count(*) FROM message_deletions d JOIN messages m"
                    + " ON m.id = d.message_id WHERE d.channel_id = ?");
            hasVersions = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM message_versions v JOIN messages m"
                    + " ON m.id = v.message_id WHERE m.channel_id = ?)");
        }
    }

    /** The life of a message; null when the index does not hold it. */
    public MessageLife life(String messageId) throws SQLException {
        String id = IndexIds.of(messageId);
        if (id == null) return null;
        current.setString(1, id);
        String channel;
        MessageLife.Version last;
        try (ResultSet r = current.executeQuery()) {
            if (!r.next()) return null;
            channel = r.getString(1);
            last = new MessageLife.Version(r.getString(2), r.getString(3), r.getString(4), source(r.getString(5)));
        }
        List<MessageLife.Version> all = new ArrayList<>(earlierVersions(id));
        all.add(last);
        return new MessageLife(IndexIds.display(id), IndexIds.display(channel), all, deletion(id));
    }

    /** The versions before the current one, oldest first. */
    List<MessageLife.Version> earlierVersions(String storedId) throws SQLException {
        versions.setString(1, storedId);
        List<MessageLife.Version> out = new ArrayList<>();
        try (ResultSet r = versions.executeQuery()) {
            while (r.next()) {
                out.add(new MessageLife.Version(r.getString(1), r.getString(2), r.getString(3), source(r.getString(4))));
            }
        }
        return out;
    }

    /** A message's deletion; null when it is not known to be deleted. */
    MessageLife.Deletion deletion(String storedId) throws SQLException {
        deletion.setString(1, storedId);
        return read(deletion);
    }

    /** When and how a channel or thread was deleted; null when it is not known to be. */
    public MessageLife.Deletion channelDeletion(String channelId) throws SQLException {
        channelDeletion.setString(1, IndexIds.of(channelId));
        return read(channelDeletion);
    }

    /** Whether a message of the channel has an earlier version. */
    public boolean hasVersions(String channelId) throws SQLException {
        hasVersions.setString(1, IndexIds.of(channelId));
        try (ResultSet r = hasVersions.executeQuery()) {
            return r.next() && r.getBoolean(1);
        }
    }

    /** How many messages of a channel the index holds as deleted. */
    public long deletedMessages(String channelId) throws SQLException {
        deletedInChannel.setString(1, IndexIds.of(channelId));
        try (ResultSet r = deletedInChannel.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private static MessageLife.Deletion read(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            if (!r.next()) return null;
            return new MessageLife.Deletion(MessageLife.How.of(r.getString(1)), r.getString(2), r.getString(3),
                    r.getString(4));
        }
    }

    /** Indexes below version 3 did not keep how a version came: only history pages made versions then. */
    private static String source(String stored) {
        return stored == null ? MessageStore.HISTORY : stored;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement s : new PreparedStatement[] {current, versions, deletion, channelDeletion,
            deletedInChannel, hasVersions}) {
            s.close();
        }
    }
}

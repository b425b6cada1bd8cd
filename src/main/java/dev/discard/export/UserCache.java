package dev.discard.export;

import dev.discard.index.IndexIds;
import dev.discard.read.MessageFields;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Users of the index by id, the latest name seen, with the most recently used {@value #CAPACITY} kept in memory: a
 * channel of a million messages by a hundred people asks SQLite a hundred times, and a guild of a million members
 * still fits in a small heap.
 */
final class UserCache {
    static final int CAPACITY = 4096;

    /**
     * A user as shown: display name, whether a bot, the archived avatar's stored path (null when none), and the
     * fields behind the name (user name, global name, discriminator, avatar hash) for exports that write them.
     */
    record User(String name, boolean bot, String avatarFile, String username, String globalName,
            String discriminator, String avatar) {}

    private static final User MISSING = new User(null, false, null, null, null, null, null);

    private final PreparedStatement query;
    private final Map<String, User> recent = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, User> eldest) {
            return size() > CAPACITY;
        }
    };

    UserCache(Connection db) throws SQLException {
        query = db.prepareStatement(
                "SELECT username, global_name, discriminator, bot, avatar_file, avatar FROM users WHERE id = ?");
    }

    /** The user of a stored id, or null when the index has none. */
    User get(String storedId) {
        if (storedId == null) return null;
        User user = recent.get(storedId);
        if (user == null) {
            user = load(storedId);
            recent.put(storedId, user);
        }
        return user == MISSING ? null : user;
    }

    private User load(String storedId) {
        try {
            query.setString(1, storedId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) return MISSING;
                String name = new MessageFields.Author(rs.getString(1), rs.getString(3), rs.getString(2))
                        .displayName();
                return new User(name, rs.getInt(4) != 0, rs.getString(5), rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(6));
            }
        } catch (SQLException e) {
            throw new ExportException("could not read user " + IndexIds.display(storedId) + " from the index", e);
        }
    }
}

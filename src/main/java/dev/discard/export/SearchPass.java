package dev.discard.export;

import dev.discard.index.IndexIds;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Feeds the site's search index one channel at a time, after its pages are written: its messages streamed out of
 * the index in id order, each with the page the plan put it on. Text searched: the content as written.
 */
final class SearchPass {
    private final Connection db;
    private final UserCache users;
    private final SearchIndexWriter writer;

    SearchPass(Connection db, UserCache users, SearchIndexWriter writer) {
        this.db = db;
        this.users = users;
        this.writer = writer;
    }

    void channel(ExportChannel channel, String guild, ChannelPlan plan) throws SQLException, IOException {
        int number = writer.channel(guild, channel.label(), channel.folder());
        try (PreparedStatement s = db.prepareStatement("SELECT id, author_id, timestamp, content FROM messages"
                + " WHERE channel_id = ? ORDER BY id")) {
            s.setString(1, channel.id());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String authorId = rs.getString(2);
                    UserCache.User user = users.get(authorId);
                    writer.add(number, plan.pageOf(id), IndexIds.display(id), authorId,
                            user == null ? null : user.name(), MessageViews.shortTime(rs.getString(3)),
                            rs.getString(4));
                }
            }
        }
    }

    long finish() throws IOException {
        return writer.finish();
    }
}

package dev.discard.export;

import dev.discard.index.IndexIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where each message of a channel lands: the first id of every page and the first message of every day, from one
 * pass over the ids in order. Holds one id per page and one per day, never the messages, so memory stays small for
 * any channel length; the pager, the dates page and reply links (to any page of the channel) need nothing else.
 */
final class ChannelPlan {
    private final List<String> pageFirstIds;
    private final List<DatesPage.Day> days;

    private ChannelPlan(List<String> pageFirstIds, List<DatesPage.Day> days) {
        this.pageFirstIds = pageFirstIds;
        this.days = days;
    }

    static ChannelPlan of(Connection db, ExportChannel channel, int pageSize) throws SQLException {
        List<String> firsts = new ArrayList<>();
        List<DatesPage.Day> days = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(
                "SELECT id, timestamp FROM messages WHERE channel_id = ? ORDER BY id")) {
            s.setString(1, channel.id());
            try (ResultSet rs = s.executeQuery()) {
                long n = 0;
                String day = "";
                while (rs.next()) {
                    String id = rs.getString(1);
                    if (n % pageSize == 0) firsts.add(id);
                    String timestamp = rs.getString(2);
                    String today = timestamp != null && timestamp.length() >= 10 ? timestamp.substring(0, 10) : "";
                    if (!today.isEmpty() && today.compareTo(day) > 0) {
                        day = today;
                        int page = firsts.size();
                        days.add(new DatesPage.Day(today, page + ".html#" + IndexIds.display(id), page));
                    }
                    n++;
                }
            }
        }
        return new ChannelPlan(firsts, days);
    }

    int pages() {
        return Math.max(1, pageFirstIds.size());
    }

    /** The 1-based page holding the stored id, or 0 when it sorts before the channel's first message. */
    int pageOf(String storedId) {
        int at = Collections.binarySearch(pageFirstIds, storedId);
        return at >= 0 ? at + 1 : -at - 1;
    }

    List<DatesPage.Day> days() {
        return days;
    }
}

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
 * Where each message of a channel lands: the first id of every page and the first message of every day. Holds one id
 * per page and one per day, never the messages, so memory stays small for any channel length; the pager, the dates
 * page and reply links (to any page of the channel) need nothing else.
 *
 * <p>A page closes at the page size or when its messages would pass a byte budget, whichever comes first. The plan
 * is made before the pages are written (the pager says "page N of M"), from each message's stored JSON size: a cheap
 * estimate, since rendered HTML is usually smaller than the JSON it comes from. Content that renders much larger
 * than its JSON (a message of {@code &} or custom emoji) can beat it; the exporter notices a page over the limit and
 * plans that channel again from rendered sizes ({@link Builder} fed by a measuring pass).
 */
final class ChannelPlan {
    private final List<String> pageFirstIds;
    private final List<DatesPage.Day> days;

    private ChannelPlan(List<String> pageFirstIds, List<DatesPage.Day> days) {
        this.pageFirstIds = pageFirstIds;
        this.days = days;
    }

    /** A plan from the stored JSON sizes, split at {@code pageSize} messages or {@code budget} bytes. */
    static ChannelPlan estimate(Connection db, ExportChannel channel, int pageSize, long budget) throws SQLException {
        Builder plan = new Builder(pageSize, budget);
        try (PreparedStatement s = db.prepareStatement("SELECT id, timestamp, length(CAST(json AS BLOB)) + "
                + ESTIMATE_OVERHEAD + " FROM messages WHERE channel_id = ? ORDER BY id")) {
            s.setString(1, channel.id());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) plan.add(rs.getString(1), rs.getString(2), rs.getLong(3));
            }
        }
        return plan.build();
    }

    /** Bytes of a message's HTML beyond its JSON's size: header, avatar, time link, article tags. */
    private static final int ESTIMATE_OVERHEAD = 400;

    /** Makes a plan from messages given in id order with their size in bytes. */
    static final class Builder {
        private final int pageSize;
        private final long budget;
        private final List<String> firsts = new ArrayList<>();
        private final List<DatesPage.Day> days = new ArrayList<>();
        private int onPage;
        private long bytes;
        private String day = "";

        Builder(int pageSize, long budget) {
            this.pageSize = pageSize;
            this.budget = budget;
        }

        /** Adds the next message; returns whether it starts a page. */
        boolean add(String storedId, String timestamp, long size) {
            boolean starts = firsts.isEmpty() || onPage == pageSize || bytes + size > budget;
            if (starts) {
                firsts.add(storedId);
                onPage = 0;
                bytes = 0;
            }
            onPage++;
            bytes += size;
            String today = timestamp != null && timestamp.length() >= 10 ? timestamp.substring(0, 10) : "";
            if (!today.isEmpty() && today.compareTo(day) > 0) {
                day = today;
                int page = firsts.size();
                days.add(new DatesPage.Day(today, page + ".html#" + IndexIds.display(storedId), page));
            }
            return starts;
        }

        ChannelPlan build() {
            return new ChannelPlan(firsts, days);
        }
    }

    int pages() {
        return Math.max(1, pageFirstIds.size());
    }

    /** The stored id of the first message of each page, in order (empty for a channel without messages). */
    List<String> pageFirstIds() {
        return Collections.unmodifiableList(pageFirstIds);
    }

    /** The 1-based page holding the stored id, or 0 when it sorts before the channel's first message. */
    int pageOf(String storedId) {
        int at = Collections.binarySearch(pageFirstIds, storedId);
        return at >= 0 ? at + 1 : -at - 1;
    }

    /** Whether the stored id is the first message of a page. */
    boolean startsPage(String storedId) {
        return Collections.binarySearch(pageFirstIds, storedId) >= 0;
    }

    List<DatesPage.Day> days() {
        return days;
    }
}

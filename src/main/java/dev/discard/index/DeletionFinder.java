package dev.discard.index;

import dev.discard.format.Snowflake;
import dev.discard.format.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Concludes deletions between runs (DESIGN.md, "Versions and deletions"): a message that an earlier run returned, in
 * the range a later run read completely for its channel (the run completed, the channel's meta says
 * {@code completed: true}), and that no run from the later one's start on returned, was deleted between the two:
 * "gone by" the later run's start, "last seen" at the start of the last run that returned it. Refused, failed and
 * interrupted channels and messages outside the later run's range prove nothing. A channel that an earlier run's list
 * of its guild's channels named and a later completed run's list does not was deleted likewise. The earliest run that
 * shows it wins; a live deletion is never replaced.
 */
final class DeletionFinder {
    private final Connection c;

    DeletionFinder(Connection c) {
        this.c = c;
    }

    /** One channel a run read completely, with a run before it that read the channel too. */
    private record Proof(long runId, String start, String runAfter, String runBefore, String channelId,
            String channelAfter) {}

    void find() throws SQLException {
        List<Proof> proofs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT r.run_id, r.datetime_start, r.after, r.before,"
                + " cr.channel_id, cr.after FROM channel_runs cr JOIN runs r ON r.run_id = cr.run_id"
                + " WHERE cr.completed = 1 AND r.completed = 1 AND r.datetime_start IS NOT NULL AND EXISTS (SELECT 1"
                + " FROM channel_runs e JOIN runs er ON er.run_id = e.run_id WHERE e.channel_id = cr.channel_id"
                + " AND er.datetime_start < r.datetime_start) ORDER BY r.datetime_start");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                proofs.add(new Proof(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6)));
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO message_deletions (message_id, channel_id,"
                + " how, at, last_seen, source, run_id) SELECT m.id, m.channel_id, 'between_runs', ?,"
                + " lr.datetime_start, 'run', ? FROM messages m JOIN runs lr ON lr.run_id = m.last_run_id"
                + " WHERE m.channel_id = ? AND m.id > ? AND m.id < ? AND lr.datetime_start < ?"
                + " ON CONFLICT (message_id) DO NOTHING")) {
            for (Proof p : proofs) {
                Instant start = instant(p.start);
                if (start == null) continue;
                Instant after = later(instant(p.runAfter), instant(p.channelAfter));
                Instant before = instant(p.runBefore);
                Instant end = before != null && before.isBefore(start) ? before : start;
                insert.setString(1, p.start);
                insert.setLong(2, p.runId);
                insert.setString(3, p.channelId);
                insert.setString(4, IndexIds.of(after == null ? 0 : Snowflake.of(after)));
                insert.setString(5, IndexIds.of(Snowflake.of(end)));
                insert.setString(6, p.start);
                insert.executeUpdate();
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO channel_deletions (channel_id, how, at, last_seen,"
                + " source, run_id) SELECT ch.id, 'between_runs', r.datetime_start, (SELECT max(er.datetime_start)"
                + " FROM channel_runs e JOIN runs er ON er.run_id = e.run_id WHERE e.channel_id = ch.id"
                + " AND e.listed = 1 AND er.datetime_start < r.datetime_start), 'run', r.run_id"
                + " FROM runs r JOIN channels ch WHERE r.completed = 1"
                + " AND EXISTS (SELECT 1 FROM channel_runs l JOIN channels lc ON lc.id = l.channel_id"
                + " WHERE l.run_id = r.run_id AND l.listed = 1 AND lc.guild_id = ch.guild_id)"
                + " AND NOT EXISTS (SELECT 1 FROM channel_runs l WHERE l.run_id = r.run_id AND l.channel_id = ch.id"
                + " AND l.listed = 1)"
                + " AND EXISTS (SELECT 1 FROM channel_runs e JOIN runs er ON er.run_id = e.run_id"
                + " WHERE e.channel_id = ch.id AND e.listed = 1 AND er.datetime_start < r.datetime_start)"
                + " ORDER BY r.datetime_start ON CONFLICT (channel_id) DO NOTHING")) {
            s.executeUpdate();
        }
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }

    private static Instant instant(String text) {
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package dev.discard.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.discard.format.Snowflake;
import dev.discard.read.MessageFields;
import dev.discard.read.life.MessageLife;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link SearchQuery searches} on an index. Hits come in id order (message time) straight from the FTS5 table,
 * whose rowids sort as message ids, so a query stops after {@code limit} hits instead of sorting every match; the
 * earlier versions' table ({@code versions_fts}) is asked for as many and the two lists merged.
 */
public final class Searcher {
    private final Index index;
    private final JsonFactory json = new JsonFactory();

    public Searcher(Index index) {
        this.index = index;
    }

    /** The columns of a hit, in the order {@link #hit} reads them; {@code %s} is the matched table's columns. */
    private static final String COLUMNS = "SELECT m.id, m.guild_id, g.name, m.channel_id, c.name, m.author_id,"
            + " m.timestamp, %s, m.rowid_, m.edited_timestamp IS NOT NULL FROM %s LEFT JOIN guilds g ON g.id = m.guild_id"
            + " LEFT JOIN channels c ON c.id = m.channel_id WHERE ";
    /** Content, highlighted content, JSON, highlighted attachments and embeds, the version's rowid (0: current). */
    private static final String CURRENT = "m.content, highlight(messages_fts, 0, char(1), char(2)), m.json,"
            + " highlight(messages_fts, 1, char(1), char(2)), highlight(messages_fts, 2, char(1), char(2)), 0";
    private static final String EARLIER = "v.content, highlight(versions_fts, 0, char(1), char(2)), v.json,"
            + " highlight(versions_fts, 1, char(1), char(2)), highlight(versions_fts, 2, char(1), char(2)), v.rowid";
    private static final String UNMATCHED = "m.content, m.content, m.json, NULL, NULL, 0";

    /**
     * Hits newest first (or oldest first), each message once: a match in the current version, else in an earlier
     * one (every version's text is indexed), else, without text, every message the filters let through.
     *
     * @throws IndexException with kind QUERY when FTS5 rejects the query, with SQLite's reason
     */
    public List<SearchHit> search(SearchQuery q) throws IndexException {
        try (MessageLives lives = new MessageLives(index)) {
            List<Row> rows;
            if (q.text() == null) {
                rows = rows(q, String.format(COLUMNS, UNMATCHED, "messages m"), "m.rowid_", false);
            } else {
                rows = rows(q, String.format(COLUMNS, CURRENT,
                        "messages_fts f JOIN messages m ON m.rowid_ = f.rowid") + "messages_fts MATCH ?", "f.rowid",
                        true);
                List<Row> earlier = rows(q, String.format(COLUMNS, EARLIER, "versions_fts vf JOIN message_versions v"
                        + " ON v.rowid = vf.rowid JOIN messages m ON m.id = v.message_id") + "versions_fts MATCH ?",
                        "m.rowid_", true);
                rows = merge(rows, earlier, q);
            }
            // Most indexes hold no earlier version or deletion: then a hit needs no look-up of its own.
            boolean versions = any("message_versions");
            boolean deletions = any("message_deletions");
            List<SearchHit> hits = new ArrayList<>(rows.size());
            for (Row r : rows) hits.add(hit(r, versions ? lives : null, deletions ? lives : null));
            return hits;
        } catch (SQLException e) {
            String reason = IndexException.reason(e);
            if (reason.contains("fts5") || reason.contains("syntax error") || reason.contains("no such column")
                    || reason.contains("unterminated")) {
                throw new IndexException(IndexException.Kind.QUERY, "the query " + q.text() + " is not valid FTS5"
                        + " syntax (" + reason + "): use words, \"phrases\", OR, NOT and prefix*", e);
            }
            throw IndexException.of(index.file(), e);
        }
    }

    /** One row found: the message's columns and the matched version's. */
    private record Row(String id, String guildId, String guildName, String channelId, String channelName,
            String authorId, String timestamp, String content, String highlighted, String json,
            String attachments, String embeds, long versionRowid, long rowid, boolean marked) {}

    /** The rows of one query, in id order, after the filters; {@code order} is the column that sorts as ids. */
    private List<Row> rows(SearchQuery q, String select, String order, boolean match) throws SQLException {
        StringBuilder sql = new StringBuilder(select);
        List<Object> args = new ArrayList<>();
        if (match) args.add(q.text());
        else sql.append("1");
        if (q.after() != null) {
            sql.append(" AND ").append(order).append(" > ?");
            args.add(IndexIds.rowid(Snowflake.of(q.after())));
        }
        if (q.before() != null) {
            sql.append(" AND ").append(order).append(" < ?");
            args.add(IndexIds.rowid(Snowflake.of(q.before())));
        }
        if (q.guild() != null) {
            sql.append(" AND (m.guild_id = ? OR m.guild_id IN (SELECT id FROM guilds WHERE name = ?"
                    + " COLLATE NOCASE))");
            args.add(IndexIds.of(q.guild()));
            args.add(q.guild());
        }
        if (q.channel() != null) {
            String name = q.channel().startsWith("#") ? q.channel().substring(1) : q.channel();
            sql.append(" AND (m.channel_id = ? OR m.channel_id IN (SELECT id FROM channels WHERE name = ?"
                    + " COLLATE NOCASE))");
            args.add(IndexIds.of(name));
            args.add(name);
        }
        if (q.author() != null) {
            String name = q.author();
            int hash = name.lastIndexOf('#');
            String discriminator = hash > 0 ? name.substring(hash + 1) : null;
            sql.append(" AND (m.author_id = ? OR m.author_id IN (SELECT id FROM users WHERE username = ? COLLATE"
                    + " NOCASE OR global_name = ? COLLATE NOCASE OR (username = ? COLLATE NOCASE"
                    + " AND discriminator = ?)))");
            args.add(IndexIds.of(name));
            args.add(name);
            args.add(name);
            args.add(hash > 0 ? name.substring(0, hash) : null);
            args.add(discriminator);
        }
        if (q.deleted()) sql.append(" AND m.id IN (SELECT message_id FROM message_deletions)");
        if (q.edited()) {
            sql.append(" AND (m.edited_timestamp IS NOT NULL OR m.id IN (SELECT message_id FROM message_versions))");
        }
        sql.append(" ORDER BY ").append(order).append(q.oldestFirst() ? " ASC" : " DESC").append(" LIMIT ?");
        args.add(q.limit());
        try (PreparedStatement s = index.connection().prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) s.setObject(i + 1, args.get(i));
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                            r.getString(10), r.getString(11), r.getString(12), r.getLong(13), r.getLong(14), r.getBoolean(15)));
                }
            }
            return rows;
        }
    }

    /** The two lists in the query's order, each message once (its current version's hit first), at most limit. */
    private static List<Row> merge(List<Row> current, List<Row> earlier, SearchQuery q) {
        if (earlier.isEmpty()) return current;
        List<Row> all = new ArrayList<>(current);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Row r : current) ids.add(r.id);
        for (Row r : earlier) if (ids.add(r.id)) all.add(r);
        all.sort((a, b) -> q.oldestFirst() ? Long.compare(a.rowid, b.rowid) : Long.compare(b.rowid, a.rowid));
        return all.size() > q.limit() ? all.subList(0, q.limit()) : all;
    }

    /** Whether a table has a row. */
    private boolean any(String table) throws SQLException {
        try (PreparedStatement s = index.connection().prepareStatement("SELECT EXISTS (SELECT 1 FROM " + table + ")");
                ResultSet r = s.executeQuery()) {
            return r.next() && r.getBoolean(1);
        }
    }

    /** @param versions where to look up versions, null when there are none; {@code deletions} likewise */
    private SearchHit hit(Row r, MessageLives versions, MessageLives deletions) throws SQLException {
        List<MessageLife.Version> earlier = versions == null ? List.of() : versions.earlierVersions(r.id);
        int count = earlier.size() + 1;
        int version = count;
        if (r.versionRowid != 0) {
            for (int i = 0; i < earlier.size(); i++) {
                if (earlier.get(i).json().equals(r.json)) version = i + 1;
            }
        }
        return new SearchHit(IndexIds.display(r.id), IndexIds.display(r.guildId), r.guildName,
                IndexIds.display(r.channelId), r.channelName, IndexIds.display(r.authorId), authorName(r.json),
                r.timestamp, r.content, r.highlighted, r.json, r.attachments, r.embeds, version, count,
                count > 1 || r.marked, deletions == null ? null : deletions.deletion(r.id));
    }

    /** The author's name as the message shows it. */
    private String authorName(String message) {
        try (JsonParser p = json.createParser(message)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            String field;
            while ((field = p.nextFieldName()) != null) {
                p.nextToken();
                if (!field.equals("author")) {
                    p.skipChildren();
                    continue;
                }
                UserRow u = MessageRowReader.user(p);
                return u == null ? null
                        : new MessageFields.Author(u.username, u.discriminator, u.globalName).displayName();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}

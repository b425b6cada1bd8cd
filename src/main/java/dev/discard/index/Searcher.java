package dev.discard.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.discard.format.Snowflake;
import dev.discard.read.MessageFields;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link SearchQuery searches} on an index. Hits come in id order (message time) straight from the FTS5 table,
 * whose rowids sort as message ids, so a query stops after {@code limit} hits instead of sorting every match.
 */
public final class Searcher {
    private final Index index;
    private final JsonFactory json = new JsonFactory();

    public Searcher(Index index) {
        this.index = index;
    }

    /** @throws IndexException with kind QUERY when FTS5 rejects the query, with SQLite's reason */
    public List<SearchHit> search(SearchQuery q) throws IndexException {
        StringBuilder sql = new StringBuilder("SELECT m.id, m.guild_id, g.name, m.channel_id, c.name, m.author_id,"
                + " m.timestamp, m.content, highlight(messages_fts, 0, char(1), char(2)), m.json,"
                + " highlight(messages_fts, 1, char(1), char(2)), highlight(messages_fts, 2, char(1), char(2))"
                + " FROM messages_fts f JOIN messages m ON m.rowid_ = f.rowid"
                + " LEFT JOIN guilds g ON g.id = m.guild_id LEFT JOIN channels c ON c.id = m.channel_id"
                + " WHERE messages_fts MATCH ?");
        List<Object> args = new ArrayList<>();
        args.add(q.text());
        if (q.after() != null) {
            sql.append(" AND f.rowid > ?");
            args.add(IndexIds.rowid(Snowflake.of(q.after())));
        }
        if (q.before() != null) {
            sql.append(" AND f.rowid < ?");
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
        sql.append(q.oldestFirst() ? " ORDER BY f.rowid ASC" : " ORDER BY f.rowid DESC").append(" LIMIT ?");
        args.add(q.limit());
        try (PreparedStatement s = index.connection().prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) s.setObject(i + 1, args.get(i));
            List<SearchHit> hits = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String message = r.getString(10);
                    hits.add(new SearchHit(IndexIds.display(r.getString(1)), IndexIds.display(r.getString(2)),
                            r.getString(3), IndexIds.display(r.getString(4)), r.getString(5),
                            IndexIds.display(r.getString(6)), authorName(message), r.getString(7), r.getString(8),
                            r.getString(9), message, r.getString(11), r.getString(12)));
                }
            }
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

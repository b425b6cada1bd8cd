package dev.discard.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.read.life.MessageLife;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index of an earlier version gains the tables and columns of the later ones when opened, and keeps its rows. */
class IndexUpgradeTest {
    @TempDir Path tmp;

    @Test
    void aVersionOneIndexGainsEmojisStickersAndTheIconFile() throws Exception {
        Path db = tmp.resolve("index.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE guilds (id TEXT PRIMARY KEY, name TEXT, icon TEXT, json TEXT)");
            s.execute("INSERT INTO guilds (id, name) VALUES ('00000000000000000001', 'old')");
            s.execute("PRAGMA user_version = 1");
        }
        try (Index index = Index.open(db); Statement s = index.connection().createStatement()) {
            assertEquals(List.of("old|"), rows(s, "SELECT name || '|' || coalesce(icon_file, '') FROM guilds"));
            assertEquals(List.of("0"), rows(s, "SELECT count(*) FROM emojis"));
            assertEquals(List.of("0"), rows(s, "SELECT count(*) FROM stickers"));
            assertEquals(List.of(Integer.toString(Schema.VERSION)), rows(s, "PRAGMA user_version"));
        }
        try (Index again = Index.open(db)) {
            assertTrue(again.file().endsWith("index.sqlite"), "opens again without adding the column twice");
        }
    }

    @Test
    void aVersionTwoIndexGainsTheMessageModelAndItsKeptVersionsBecomeSearchable() throws Exception {
        Path db = tmp.resolve("index.sqlite");
        String id = "00000000000000000042";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            // The tables of version 2 that version 3 changes, as version 2 made them.
            s.execute("CREATE TABLE messages (rowid_ INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, guild_id TEXT,"
                    + " channel_id TEXT, author_id TEXT, type INTEGER, timestamp TEXT, edited_timestamp TEXT,"
                    + " content TEXT, reference_id TEXT, pinned INTEGER, flags INTEGER, json TEXT, run_id INTEGER,"
                    + " seen_at TEXT)");
            s.execute("CREATE TABLE message_versions (message_id TEXT, edited_timestamp TEXT, content TEXT,"
                    + " json TEXT, run_id INTEGER)");
            s.execute("CREATE VIRTUAL TABLE messages_fts USING fts5 (content, attachments, embeds,"
                    + " tokenize = 'unicode61 remove_diacritics 2')");
            s.execute("INSERT INTO messages (rowid_, id, channel_id, content, edited_timestamp, json, run_id, seen_at)"
                    + " VALUES (" + IndexIds.rowid(42) + ", '" + id + "', '00000000000000000007', 'now', "
                    + "'2024-01-02T00:00:00+00:00', '{\"id\":\"42\",\"content\":\"now\"}', 1,"
                    + " '2024-01-03T00:00:00+00:00')");
            s.execute("INSERT INTO messages_fts (rowid, content) VALUES (" + IndexIds.rowid(42) + ", 'now')");
            s.execute("INSERT INTO message_versions VALUES ('" + id + "', NULL, 'formerly',"
                    + " '{\"id\":\"42\",\"content\":\"formerly\"}', 1)");
            s.execute("PRAGMA user_version = 2");
        }
        try (Index index = Index.open(db); Statement s = index.connection().createStatement()) {
            assertEquals(List.of("3"), rows(s, "PRAGMA user_version"));
            assertEquals(List.of("0"), rows(s, "SELECT count(*) FROM message_deletions"));
            assertEquals(List.of("0"), rows(s, "SELECT count(*) FROM channel_runs"));
            assertEquals(List.of("-|-"), rows(s, "SELECT coalesce(last_seen_at, '-') || '|' || coalesce(source, '-')"
                    + " FROM messages"), "which runs returned it was not kept: no deletion concluded from it");
            List<SearchHit> hits = new Searcher(index).search(SearchQuery.of("formerly"));
            assertEquals(1, hits.size());
            assertEquals("42", hits.get(0).id());
            assertEquals(1, hits.get(0).version());
            assertEquals(2, hits.get(0).versions());
            MessageLife life;
            try (MessageLives lives = new MessageLives(index)) {
                life = lives.life("42");
            }
            assertEquals(List.of("http", "http"), life.versions().stream().map(MessageLife.Version::source).toList());
            assertEquals("now", new com.fasterxml.jackson.databind.ObjectMapper().readTree(life.current().json())
                    .get("content").asText());
        }
        try (Index again = Index.open(db); Statement s = again.connection().createStatement()) {
            assertEquals(List.of("1"), rows(s, "SELECT count(*) FROM versions_fts"), "upgraded once");
        }
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) values.add(r.getString(1));
        }
        return values;
    }
}

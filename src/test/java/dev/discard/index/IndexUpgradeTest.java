package dev.discard.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index of version 1 gains the tables and columns of version 2 when opened, and keeps its rows. */
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

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) values.add(r.getString(1));
        }
        return values;
    }
}

package dev.discard.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * One index database file, open: the SQLite connection with the schema in place and the pragmas set. Paths inside it
 * (runs, log files, media files) are relative to the database's folder when below it, else absolute. Not thread-safe.
 */
public final class Index implements AutoCloseable {
    /** The default file name, in the first archive folder given to {@code discard index}. */
    public static final String DEFAULT_NAME = "index.sqlite";
    /** How long to wait for another process's write to finish before reporting the database locked. */
    private static final int BUSY_TIMEOUT_MS = 3_000;
    /** Pages of WAL between automatic checkpoints (of 4 KiB: 64 MiB). */
    private static final int WAL_CHECKPOINT_PAGES = 16_384;

    private final Path file;
    private final Connection connection;

    private Index(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens an existing index for reading and writing. */
    public static Index open(Path file) throws IndexException {
        if (!Files.isRegularFile(file)) {
            throw new IndexException(IndexException.Kind.MISSING, "no index at " + file
                    + ": make it with discard index --db " + file + " FOLDER", null);
        }
        return connect(file);
    }

    /** Opens the index, creating the file and its tables when absent. */
    public static Index create(Path file) throws IndexException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IndexException(IndexException.Kind.FAILED, "cannot create " + file + ": no folder " + parent,
                    null);
        }
        return connect(file);
    }

    private static Index connect(Path file) throws IndexException {
        Connection c = null;
        try {
            Properties properties = new Properties();
            // Otherwise the driver runs SELECT last_insert_rowid() after every INSERT: a third of the indexing time.
            properties.setProperty("jdbc.get_generated_keys", "false");
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                // WAL: searches read while an index runs, and an interrupted index keeps every committed batch.
                // synchronous=NORMAL keeps the file consistent across any crash; OFF and a rollback journal
                // measured no faster here (docs/search.md).
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                // A checkpoint every 64 MiB of WAL rather than every 4 MiB: synchronous=NORMAL syncs at each one,
                // and on a busy disk those syncs were half the wall time of a large index (docs/search.md).
                s.execute("PRAGMA wal_autocheckpoint = " + WAL_CHECKPOINT_PAGES);
                s.execute("PRAGMA cache_size = -32768"); // KiB: 32 MiB of native memory, outside the Java heap
                s.execute("PRAGMA temp_store = MEMORY");
                int version = userVersion(s);
                if (version > Schema.VERSION) {
                    throw new IndexException(IndexException.Kind.DAMAGED, file + " was made by a newer discard"
                            + " (index version " + version + ", this one reads " + Schema.VERSION + "): update"
                            + " discard, or index into a new file with --db", null);
                }
                if (version < Schema.VERSION) {
                    c.setAutoCommit(false);
                    for (String table : Schema.TABLES) s.execute(table);
                    for (Schema.AddedColumn column : Schema.ADDED_COLUMNS) addColumn(s, column);
                    if (version > 0 && version < 3) for (String upgrade : Schema.UPGRADE_TO_3) s.execute(upgrade);
                    s.execute("PRAGMA user_version = " + Schema.VERSION);
                    c.commit();
                    c.setAutoCommit(true);
                }
            }
            return new Index(file, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw IndexException.of(file, e);
        } catch (IndexException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void addColumn(Statement s, Schema.AddedColumn column) throws SQLException {
        try (ResultSet r = s.executeQuery("PRAGMA table_info(" + column.table() + ")")) {
            while (r.next()) if (r.getString("name").equals(column.name())) return;
        }
        s.execute("ALTER TABLE " + column.table() + " ADD COLUMN " + column.definition());
    }

    private static int userVersion(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // the open already failed; that failure is the one to report
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** The JDBC connection, for queries of the caller's own (the HTML export reads the tables directly). */
    public Connection connection() {
        return connection;
    }

    /** How a path is stored: relative to the database's folder when below it, else absolute; with '/' separators. */
    public String storedPath(Path path) {
        Path base = file.toAbsolutePath().normalize().getParent();
        Path p = path.toAbsolutePath().normalize();
        Path stored = base != null && p.startsWith(base) ? base.relativize(p) : p;
        return stored.toString().replace('\\', '/');
    }

    /** The file a stored path names. */
    public Path resolve(String stored) {
        Path base = file.toAbsolutePath().normalize().getParent();
        return base == null ? Path.of(stored) : base.resolve(stored);
    }

    @Override
    public void close() throws IndexException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw IndexException.of(file, e);
        }
    }
}

package dev.discard.index;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The index cannot be used: absent, locked by another process, damaged, or refused a query; the message says which. */
public final class IndexException extends Exception {
    /** What went wrong, for exit codes and tests. */
    public enum Kind { MISSING, LOCKED, DAMAGED, QUERY, FAILED }

    private final Kind kind;

    public IndexException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** One line for an SQLite failure on the index at {@code db}. */
    static IndexException of(Path db, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException s ? s.getResultCode() : null;
        String base = code == null ? "" : code.name();
        if (base.startsWith("SQLITE_BUSY") || base.startsWith("SQLITE_LOCKED")) {
            return new IndexException(Kind.LOCKED, db + " is locked by another process (an index or search still"
                    + " running?): try again when it is done", e);
        }
        if (base.startsWith("SQLITE_CORRUPT") || base.startsWith("SQLITE_NOTADB")) {
            return new IndexException(Kind.DAMAGED, db + " is not a valid index (" + reason(e) + "): delete it and run"
                    + " discard index again to rebuild it from the archives", e);
        }
        if (base.startsWith("SQLITE_CANTOPEN") || base.startsWith("SQLITE_READONLY") || base.startsWith("SQLITE_IOERR")
                || base.startsWith("SQLITE_FULL") || base.startsWith("SQLITE_PERM")) {
            return new IndexException(Kind.FAILED, "cannot write " + db + ": " + reason(e), e);
        }
        return new IndexException(Kind.FAILED, db + ": " + reason(e), e);
    }

    /** SQLite's own words, without the JDBC driver's prefix ({@code [SQLITE_ERROR] SQL error or missing database}). */
    static String reason(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int paren = m.lastIndexOf(" (");
        if (m.startsWith("[") && paren > 0 && m.endsWith(")")) return m.substring(paren + 2, m.length() - 1);
        return m;
    }
}

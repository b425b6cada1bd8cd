package dev.discard.read;

import com.fasterxml.jackson.core.JsonParser;
import dev.discard.format.JsonCursor;
import java.io.IOException;

/**
 * Reads a record's {@code data} value in the same pass as its envelope, for readers that cannot afford to parse a
 * line twice (the message pages of {@code discard read}). Fields written after {@code data} are not known yet when
 * {@link #visit} runs; decide what to do with the result once the whole record is returned.
 *
 * <p>Lines are read with a {@link JsonCursor} first, and with Jackson when the cursor does not vouch for them: a
 * visitor gives the same result both ways, or leaves the line to Jackson.
 */
public interface DataVisitor {
    /** Whether to visit this record's data; the envelope holds what preceded {@code data} in the line. */
    boolean wants(ArchiveRecord envelope);

    /**
     * Reads exactly one JSON value: the parser is on its first token and must be left on its last. What it returns
     * is kept with the record for its reader. Records may be parsed on several threads at once: keep no state between
     * calls.
     */
    Object visit(ArchiveRecord envelope, JsonParser parser) throws IOException;

    /**
     * As {@link #visit(ArchiveRecord, JsonParser)} from a cursor before the value, leaving it past the value; or
     * {@link JsonCursor.Unreadable} to have the whole line read with Jackson instead (the default).
     */
    default Object visit(ArchiveRecord envelope, JsonCursor cursor) throws JsonCursor.Unreadable {
        throw cursor.unreadable("read with Jackson only");
    }
}

package dev.discard.archive;

import dev.discard.format.Snowflake;
import java.time.Instant;

/**
 * The time range of a run as message ids: messages with {@code afterId < id < beforeId}, compared unsigned
 * ({@link Snowflake#compare}). Immutable.
 *
 * @param after the --after datetime, or null
 * @param before the --before datetime, or null
 */
record Range(Instant after, Instant before) {
    /** Discard pages from {@code after=0} when no start is given. */
    long afterId() {
        return after == null ? 0 : Snowflake.of(after);
    }

    long beforeId() {
        return before == null ? Snowflake.MAX : Snowflake.of(before);
    }

    boolean isFull() {
        return after == null && before == null;
    }
}

package dev.discard.read;

import dev.discard.format.ChannelMeta;
import dev.discard.format.Json;
import dev.discard.format.MetaFileException;
import dev.discard.format.Snowflake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The messages a run asked for: ids within its {@code --after}/{@code --before} (the channel's own start when an
 * incremental run began it later). The last page of a range reaches past it, and those messages are recorded as
 * evidence; {@code read} leaves them out unless asked for all. Immutable.
 */
public final class RunRange {
    /** Every message. */
    public static final RunRange ALL = new RunRange(0, -1L);

    /** Exclusive bounds, compared as unsigned ids: -1 is the largest id (2^64 - 1). */
    private final long after;
    private final long before;

    private RunRange(long after, long before) {
        this.after = after;
        this.before = before;
    }

    /**
     * The range of the run in {@code runDirectory} for a channel with {@code meta} (may be null); {@link #ALL} when the
     * folder holds no readable {@code run.meta.json}.
     */
    public static RunRange of(Path runDirectory, ChannelMeta meta) {
        if (runDirectory == null || !Files.exists(runDirectory.resolve(RunInfo.FILE_NAME))) return ALL;
        RunInfo info;
        try {
            info = RunInfo.read(runDirectory, Json.newMapper());
        } catch (MetaFileException e) {
            return ALL;
        }
        Instant after = info.after();
        if (meta != null && meta.rangeAfter() != null && (after == null || meta.rangeAfter().isAfter(after))) {
            after = meta.rangeAfter();
        }
        // A --before past the run's start is no limit: the log ends when the run did.
        boolean limited = info.before() != null && info.before().equals(info.coverageEnd());
        return new RunRange(after == null ? 0 : Snowflake.of(after), limited ? Snowflake.of(info.before()) : -1L);
    }

    public boolean contains(long id) {
        return Long.compareUnsigned(id, after) > 0 && Long.compareUnsigned(id, before) < 0;
    }
}

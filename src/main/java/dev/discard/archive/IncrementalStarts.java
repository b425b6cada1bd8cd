package dev.discard.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.ChannelMeta;
import dev.discard.format.MetaFileException;
import dev.discard.format.Snowflake;
import dev.discard.read.RunDirectory;
import dev.discard.read.RunInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each channel of an {@code --incremental} run starts: after the newest message id that earlier completed runs
 * in the output directory hold for it, so a daily run fetches only what is new and leaves no gap. The local clock is
 * not trusted: a channel that had no messages starts from the earlier run's start (or its {@code --before}, if earlier)
 * minus {@link #CLOCK_MARGIN}, so a clock that runs fast, or a server whose clock runs behind, loses nothing;
 * re-fetching a few minutes is cheap, a gap is not. Channels whose meta says they failed do not count. Runs of the
 * Python Discard count too (their swapped meta values are undone by the reader).
 */
final class IncrementalStarts {
    /** How far the local clock and the server's may disagree without losing a message. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(15);

    private IncrementalStarts() {}

    /** Channel id → the id to page {@code after}; channels not in the map are archived in full. */
    static Map<Long, Long> scan(Path outputDir, ObjectMapper mapper) throws IOException {
        Map<Long, Long> starts = new HashMap<>();
        if (!Files.isDirectory(outputDir)) return starts;
        for (Path run : RunDirectory.findRuns(outputDir)) {
            RunInfo info;
            try {
                info = RunInfo.read(run, mapper);
            } catch (MetaFileException e) {
                continue; // Unreadable runs prove nothing; they are not counted as coverage.
            }
            if (!info.completed()) continue;
            long emptyCoveredUntil = lastCoveredId(info);
            for (RunDirectory.GuildFolder guild : RunDirectory.open(run).guilds()) {
                for (RunDirectory.ChannelFiles channel : guild.channels()) {
                    if (channel.metaFile() == null) continue;
                    ChannelMeta meta;
                    try {
                        meta = ChannelMeta.read(channel.metaFile(), mapper);
                    } catch (MetaFileException e) {
                        continue;
                    }
                    if (meta.failed()) continue;
                    long id = Snowflake.parse(channel.id());
                    long start = meta.newest() == null ? emptyCoveredUntil : meta.newest().id();
                    starts.merge(id, start, Snowflake::max);
                }
            }
        }
        return starts;
    }

    /**
     * The largest message id a run surely saw in a channel where it found none: created before its --before, or before
     * its start less the clock margin.
     */
    private static long lastCoveredId(RunInfo info) {
        Instant start = info.start().minus(CLOCK_MARGIN);
        Instant end = info.before() != null && info.before().isBefore(start) ? info.before() : start;
        long id = Snowflake.of(end);
        return id == 0 ? 0 : id - 1;
    }
}

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
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each channel of an {@code --incremental} run starts: after the last message id that earlier completed runs
 * in the output directory covered, so a daily run fetches only what is new and leaves no gap. A channel is covered
 * up to its newest archived message, and, since its history was walked to the end after the run started, up to the
 * run's start (or its {@code --before}, if earlier). Channels whose meta says they failed do not count. Runs of the
 * Python Discard count too (their swapped meta values are undone by the reader).
 */
final class IncrementalStarts {
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
            long coveredUntil = lastCoveredId(info);
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
                    long id = Long.parseLong(channel.id());
                    long start = Math.max(coveredUntil, meta.newest() == null ? 0 : meta.newest().id());
                    starts.merge(id, start, Math::max);
                }
            }
        }
        return starts;
    }

    /** The largest message id the run surely saw: created before the run started or before its --before. */
    private static long lastCoveredId(RunInfo info) {
        Instant end = info.before() != null && info.before().isBefore(info.start()) ? info.before() : info.start();
        return Math.max(0, Snowflake.of(end) - 1);
    }
}

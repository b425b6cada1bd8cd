package dev.discard.read;

import dev.discard.format.Snowflake;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a folder of runs holds: the completed runs, the runs skipped, and per guild and channel the messages archived
 * and the gaps in coverage. Immutable.
 *
 * @param runs the completed runs, in path order
 * @param skipped the runs left out (not completed, failed, unreadable meta)
 * @param guilds the guilds, by id; direct messages under {@code @me}
 * @param problems how many damaged lines or files were met while counting
 */
public record ArchiveSummary(List<RunEntry> runs, List<SkippedRun> skipped, List<GuildEntry> guilds, long problems) {
    public ArchiveSummary {
        runs = List.copyOf(runs);
        skipped = List.copyOf(skipped);
        guilds = List.copyOf(guilds);
    }

    /**
     * A completed run.
     *
     * @param info its meta
     * @param channels channels it archived
     * @param messages messages it archived within its range
     */
    public record RunEntry(RunInfo info, int channels, long messages) {}

    /** A run left out of the summary, and why. */
    public record SkippedRun(Path directory, String reason) {}

    /**
     * One guild, or {@code @me}.
     *
     * @param id the guild id or {@code @me}
     * @param name the name in the latest run's {@code guild.meta.json}; null when unknown
     * @param channels the channels, by id
     */
    public record GuildEntry(String id, String name, List<ChannelEntry> channels) {
        public long messages() {
            return channels.stream().mapToLong(ChannelEntry::messages).sum();
        }
    }

    /**
     * One channel across runs.
     *
     * @param id the channel id
     * @param name the name in the latest run's meta file; null when unknown
     * @param runs how many completed runs archived it
     * @param messages messages archived, summed over the runs, each run counting those within its range
     * @param overlapping whether runs' ranges overlap, so that a message archived twice counts twice
     * @param oldest the oldest message archived, null when none
     * @param newest the newest message archived, null when none
     * @param coverage what the runs covered and the gaps
     * @param live what the live records of follow runs say happened, summed over the runs
     */
    public record ChannelEntry(
            String id,
            String name,
            int runs,
            long messages,
            boolean overlapping,
            Instant oldest,
            Instant newest,
            CoverageGaps coverage,
            LiveCounts live) {
        /** When the channel was created: the time of its id. */
        public Instant created() {
            long id = Snowflake.parseLenient(this.id);
            return id == -1 ? null : Snowflake.instantOf(id);
        }
    }

    public long messages() {
        return guilds.stream().mapToLong(GuildEntry::messages).sum();
    }

    public int channels() {
        return guilds.stream().mapToInt(g -> g.channels().size()).sum();
    }

    public long gaps() {
        return guilds.stream().flatMap(g -> g.channels().stream()).mapToLong(c -> c.coverage().gaps().size()).sum();
    }
}

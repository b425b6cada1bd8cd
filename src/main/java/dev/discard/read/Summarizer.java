package dev.discard.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.ChannelMeta;
import dev.discard.format.GuildMeta;
import dev.discard.format.MetaFileException;
import dev.discard.format.Snowflake;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Builds an {@link ArchiveSummary} of every run at or below a folder. Incomplete and failed runs are skipped.
 * Message counts come from the logs, not the meta files (Python Discard's guild counts are wrong): each run counts
 * the distinct messages of its log within its own range, so runs whose ranges do not overlap never count a message
 * twice. Memory does not grow with the number of messages. The live records of follow runs are counted per channel
 * ({@link LiveCounts}).
 */
public final class Summarizer {
    private final ObjectMapper mapper;
    private final Consumer<RecordProblem> problems;
    private final Consumer<ArchiveSummary.SkippedRun> skipped;
    private final Consumer<RecordProblem> warnings;

    /**
     * @param problems receives damaged lines and files as they are met
     * @param skipped receives each skipped run as it is met
     */
    public Summarizer(ObjectMapper mapper, Consumer<RecordProblem> problems,
            Consumer<ArchiveSummary.SkippedRun> skipped) {
        this(mapper, problems, skipped, problems);
    }

    /**
     * @param problems receives damaged lines and files as they are met; they are counted
     * @param skipped receives each skipped run as it is met
     * @param warnings receives what is not damage but limits coverage (a channel that failed in a run); not counted
     */
    public Summarizer(ObjectMapper mapper, Consumer<RecordProblem> problems,
            Consumer<ArchiveSummary.SkippedRun> skipped, Consumer<RecordProblem> warnings) {
        this.mapper = mapper;
        this.problems = problems;
        this.skipped = skipped;
        this.warnings = warnings;
    }

    private static final class ChannelTotals {
        final String id;
        String name;
        Instant nameTime;
        int runs;
        long messages;
        long oldest = -1L;
        long newest = 0;
        final List<CoverageGaps.Range> ranges = new ArrayList<>();
        /** Each run's {oldest, newest} message id counted, for runs that counted any. */
        final List<long[]> spans = new ArrayList<>();
        LiveCounts live = LiveCounts.NONE;

        ChannelTotals(String id) {
            this.id = id;
        }
    }

    private static final class GuildTotals {
        String name;
        Instant nameTime;
        final Map<Long, ChannelTotals> channels = new TreeMap<>();
    }

    public ArchiveSummary summarize(Path root) throws IOException {
        List<ArchiveSummary.RunEntry> runs = new ArrayList<>();
        List<ArchiveSummary.SkippedRun> skippedRuns = new ArrayList<>();
        Map<String, GuildTotals> guilds = new TreeMap<>(Comparator.comparing((String g) -> Snowflake.parseLenient(g), Long::compareUnsigned)
                .thenComparing(Comparator.naturalOrder()));
        long[] problemCount = {0};
        Consumer<RecordProblem> countingProblems = p -> {
            problemCount[0]++;
            problems.accept(p);
        };
        for (Path dir : RunDirectory.findRuns(root)) {
            RunInfo info;
            try {
                info = RunInfo.read(dir, mapper);
            } catch (MetaFileException e) {
                skip(skippedRuns, dir, "unreadable run.meta.json: " + e.getMessage());
                continue;
            }
            if (!info.completed()) {
                skip(skippedRuns, dir, "run not completed" + (info.exception() != null ? " (" + info.exception()
                        + ")" : info.finished() ? "" : " (still running, or killed)"));
                continue;
            }
            runs.add(summarizeRun(info, RunDirectory.open(dir), guilds, countingProblems));
        }
        List<ArchiveSummary.GuildEntry> guildEntries = new ArrayList<>();
        guilds.forEach((id, g) -> {
            List<ArchiveSummary.ChannelEntry> channels = new ArrayList<>();
            for (ChannelTotals c : g.channels.values()) channels.add(entry(c));
            guildEntries.add(new ArchiveSummary.GuildEntry(id, g.name, channels));
        });
        return new ArchiveSummary(runs, skippedRuns, guildEntries, problemCount[0]);
    }

    private void skip(List<ArchiveSummary.SkippedRun> list, Path dir, String reason) {
        ArchiveSummary.SkippedRun s = new ArchiveSummary.SkippedRun(dir, reason);
        list.add(s);
        skipped.accept(s);
    }

    private ArchiveSummary.RunEntry summarizeRun(RunInfo info, RunDirectory run, Map<String, GuildTotals> guilds,
            Consumer<RecordProblem> problems) {
        int channelCount = 0;
        long messageCount = 0;
        // A --before later than the run's start counts like none: the log ends when the run did. -1 is the
        // largest unsigned id.
        long before = info.coverageEnd().equals(info.before()) ? Snowflake.of(info.before()) : -1L;
        for (RunDirectory.GuildFolder folder : run.guilds()) {
            GuildTotals guild = guilds.computeIfAbsent(folder.id(), id -> new GuildTotals());
            if (folder.metaFile() != null) {
                try {
                    GuildMeta meta = GuildMeta.read(folder.metaFile(), mapper);
                    if (meta.name() != null && newer(info.start(), guild.nameTime)) {
                        guild.name = meta.name();
                        guild.nameTime = info.start();
                    }
                } catch (MetaFileException e) {
                    problems.accept(RecordProblem.of(e));
                }
            }
            for (RunDirectory.ChannelFiles files : folder.channels()) {
                ChannelTotals channel = guild.channels.computeIfAbsent(Snowflake.parseLenient(files.id()),
                        k -> new ChannelTotals(files.id()));
                ChannelMeta meta = readMeta(files, problems);
                if (meta != null && meta.name() != null && newer(info.start(), channel.nameTime)) {
                    channel.name = meta.name();
                    channel.nameTime = info.start();
                }
                if (files.log().isEmpty()) {
                    problems.accept(RecordProblem.ofFile(files.metaFile(), "meta file without a log"));
                    continue;
                }
                files.log().anomalies().forEach(problems);
                Instant channelAfter = meta != null && meta.rangeAfter() != null
                        && (info.after() == null || meta.rangeAfter().isAfter(info.after()))
                        ? meta.rangeAfter() : info.after();
                LiveCounts.Counter live = new LiveCounts.Counter();
                long[] counted = count(files, channelAfter == null ? 0 : Snowflake.of(channelAfter), before,
                        problems, live);
                channel.live = channel.live.plus(live.counts());
                channelCount++;
                messageCount += counted[0];
                channel.runs++;
                channel.messages += counted[0];
                if (counted[0] > 0) {
                    channel.spans.add(new long[] {counted[1], counted[2]});
                    if (Long.compareUnsigned(counted[1], channel.oldest) < 0) channel.oldest = counted[1];
                    if (Long.compareUnsigned(counted[2], channel.newest) > 0) channel.newest = counted[2];
                }
                if (meta != null && meta.failed()) {
                    warnings.accept(RecordProblem.ofFile(meta.file(), "channel not archived completely in this run"
                            + (meta.error() != null ? " (" + meta.error() + ")" : "") + "; its range is not covered"));
                } else {
                    channel.ranges.add(new CoverageGaps.Range(channelAfter, info.coverageEnd()));
                }
            }
        }
        return new ArchiveSummary.RunEntry(info, channelCount, messageCount);
    }

    private ChannelMeta readMeta(RunDirectory.ChannelFiles files, Consumer<RecordProblem> problems) {
        if (files.metaFile() == null) return null;
        try {
            return ChannelMeta.read(files.metaFile(), mapper);
        } catch (MetaFileException e) {
            problems.accept(RecordProblem.of(e));
            return null;
        }
    }

    /** Messages of the log within (after, before): {count, oldest id, newest id}. */
    private long[] count(RunDirectory.ChannelFiles files, long after, long before, Consumer<RecordProblem> problems,
            LiveCounts.Counter live) {
        long[] result = {0, -1L, 0};
        new ChannelLog(files.log().files(), files.id(), false, mapper).read(new ChannelLog.Listener() {
            @Override
            public void message(Message m) {
                long id = m.id();
                if (Long.compareUnsigned(id, after) <= 0 || Long.compareUnsigned(id, before) >= 0) return;
                result[0]++;
                if (Long.compareUnsigned(id, result[1]) < 0) result[1] = id;
                if (Long.compareUnsigned(id, result[2]) > 0) result[2] = id;
            }

            @Override
            public void otherRecord(ArchiveRecord record) {
                if (record.isWs()) live.add(record, files.id());
            }

            @Override
            public void problem(RecordProblem problem) {
                problems.accept(problem);
            }
        });
        return result;
    }

    private static boolean newer(Instant candidate, Instant current) {
        return current == null || !candidate.isBefore(current);
    }

    private static ArchiveSummary.ChannelEntry entry(ChannelTotals c) {
        long id = Snowflake.parseLenient(c.id);
        CoverageGaps coverage = CoverageGaps.of(id == -1 ? null : Snowflake.instantOf(id), c.ranges);
        // Ranges that share time count a message twice only when one lies in the shared time: an incremental run
        // starts at the newest message of the run before, which ends later, and shares none.
        return new ArchiveSummary.ChannelEntry(c.id, c.name, c.runs, c.messages,
                overlaps(c.ranges) && spansOverlap(c.spans),
                c.newest == 0 ? null : Snowflake.instantOf(c.oldest), c.newest == 0 ? null : Snowflake.instantOf(c.newest),
                coverage, c.live);
    }

    /** Whether the message ids two runs counted interleave: {oldest, newest} spans that share an id range. */
    static boolean spansOverlap(List<long[]> spans) {
        List<long[]> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> Long.compareUnsigned(a[0], b[0]));
        long end = -1;
        boolean first = true;
        for (long[] span : sorted) {
            if (!first && Long.compareUnsigned(span[0], end) <= 0) return true;
            if (first || Long.compareUnsigned(span[1], end) > 0) end = span[1];
            first = false;
        }
        return false;
    }

    /** Whether any two ranges share time. */
    static boolean overlaps(List<CoverageGaps.Range> ranges) {
        List<CoverageGaps.Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(CoverageGaps.Range::from, Comparator.nullsFirst(Comparator.naturalOrder())));
        Instant end = null;
        for (CoverageGaps.Range r : sorted) {
            if (end != null && (r.from() == null || r.from().isBefore(end))) return true;
            if (end == null || r.to().isAfter(end)) end = r.to();
        }
        return false;
    }
}

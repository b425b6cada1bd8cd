package dev.discard.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.ChannelMeta;
import dev.discard.format.GuildMeta;
import dev.discard.format.LogFile;
import dev.discard.format.MetaFileException;
import dev.discard.format.RunLock;
import dev.discard.format.Snowflake;
import dev.discard.format.Timestamps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Audits run directories: every file parses and every gzip stream is complete; meta files agree with the logs;
 * message pages leave no hole; reaction counts match the users fetched; no file holds the token. Findings are
 * reported as they are made. Memory grows with the reactions of one channel, not with its messages.
 */
public final class Verifier {
    private static final byte[] REACTIONS_KEY = "\"reactions\"".getBytes(StandardCharsets.UTF_8);

    /**
     * What was checked.
     *
     * @param runs run directories
     * @param files files read
     * @param records records read
     * @param messages distinct messages in the channel logs
     * @param problems problems found
     * @param infos information given
     * @param tokenChecked whether a token was given to look for
     */
    public record Report(int runs, int files, long records, long messages, long problems, long infos,
            boolean tokenChecked) {}

    private final ObjectMapper mapper;
    private final TokenScan tokenScan;
    private int files;
    private long records;
    private long messages;
    private long problems;
    private long infos;
    /** Whether the run being verified was killed: its logs' last parts may be cut short. */
    private boolean killedRun;

    /** @param token the token to look for; null to skip that check */
    public Verifier(ObjectMapper mapper, String token) {
        this.mapper = mapper;
        this.tokenScan = token == null || token.isEmpty() ? null : new TokenScan(token);
    }

    public Report verify(List<Path> runDirectories, Consumer<Finding> findings) throws IOException {
        Consumer<Finding> counting = f -> {
            if (f.isProblem()) problems++;
            else infos++;
            findings.accept(f);
        };
        for (Path dir : runDirectories) verifyRun(dir, counting);
        return new Report(runDirectories.size(), files, records, messages, problems, infos, tokenScan != null);
    }

    private void verifyRun(Path dir, Consumer<Finding> findings) throws IOException {
        Path metaFile = dir.resolve(RunInfo.FILE_NAME);
        files++;
        RunInfo info = null;
        try {
            info = RunInfo.read(dir, mapper);
        } catch (MetaFileException e) {
            findings.accept(Finding.problem(RecordProblem.of(e)));
        }
        boolean completed = info != null && info.completed();
        boolean resumable = info != null && info.isResumable();
        if (resumable && RunLock.isHeld(dir)) {
            // Its files are being written: a cut gzip stream or a count that lags is the normal state of a live run.
            findings.accept(Finding.info(metaFile, 0, "in progress: a discard process is writing this run (it holds "
                    + RunLock.FILE + "); verify it once that has ended"));
            return;
        }
        // A run whose meta file never got its end was killed (SIGKILL, a power cut): its last parts are cut short.
        killedRun = resumable && info.end() == null;
        if (resumable) {
            // One line instead of every count an unfinished run cannot have reached yet.
            String when = info.end() != null ? "at " + Timestamps.isoCompact(info.end())
                    : "at an unknown time (killed before it could finish its files)";
            findings.accept(Finding.problem(metaFile, 0, (info.interrupted() != null || killedRun ? "interrupted"
                    : "stopped") + " " + when + (info.interrupted() != null ? " (" + info.interrupted() + ")" : "")
                    + ": run `discard --resume " + dir + "`"));
        } else if (info != null && !completed) {
            findings.accept(Finding.problem(metaFile, 0, "the run did not complete"
                    + (info.exception() != null ? ": " + info.exception() : "")));
        }
        if (info != null && info.settingsToken() != null) {
            findings.accept(Finding.problem(metaFile, 0, "settings.token holds a token: the run was made with"
                    + " --no-scrub"));
        }
        RunDirectory run = RunDirectory.open(dir);
        RecordChecks checks = new RecordChecks();
        readLog(run.runLog(), checks, findings);
        long channelMessagesInMeta = 0;
        for (RunDirectory.GuildFolder guild : run.guilds()) {
            channelMessagesInMeta += verifyGuild(guild, info, completed, checks, findings);
        }
        if (info != null && !resumable) {
            compare(metaFile, info.summary(), "num_http_requests", checks.http, "http records in the logs", findings);
            compare(metaFile, info.summary(), "num_ws_packets", checks.ws, "ws records in the logs", findings);
            compare(metaFile, info.summary(), "num_messages", channelMessagesInMeta,
                    "the sum of the channel meta files", findings);
        }
        if (tokenScan != null) tokenScan.scan(dir, findings);
    }

    /** Returns the sum of the channels' meta message counts. */
    private long verifyGuild(RunDirectory.GuildFolder guild, RunInfo info, boolean completed, RecordChecks checks,
            Consumer<Finding> findings) {
        GuildMeta meta = null;
        if (guild.metaFile() != null) {
            files++;
            try {
                meta = GuildMeta.read(guild.metaFile(), mapper);
            } catch (MetaFileException e) {
                findings.accept(Finding.problem(RecordProblem.of(e)));
            }
        } else if (completed && "guild".equals(info.mode()) && !guild.id().equals(RunDirectory.DIRECT_MESSAGES)) {
            findings.accept(Finding.problem(guild.dir().resolve(GuildMeta.FILE_NAME), 0, "missing"));
        }
        readLog(guild.guildLog(), checks, findings);
        long sum = 0;
        int metas = 0;
        for (RunDirectory.ChannelFiles channel : guild.channels()) {
            ChannelMeta channelMeta = new ChannelVerification(channel, info, completed, checks, findings).run();
            if (channelMeta != null) {
                metas++;
                if (channelMeta.numMessages() != null) sum += channelMeta.numMessages();
            }
        }
        if (!completed) return sum; // the meta files of an unfinished run count what it had done so far
        if (meta != null && meta.numChannels() != null && meta.numChannels() + meta.numThreads() != metas) {
            findings.accept(Finding.problem(meta.file(), 0, "num_channels is " + meta.numChannels()
                    + (meta.numThreads() > 0 ? " and num_threads " + meta.numThreads() : "") + " but "
                    + metas + " channel meta files are in the folder"));
        }
        if (meta != null && meta.numMessages() != null && meta.numMessages() != sum) {
            String message = "num_messages is " + meta.numMessages() + " but the channel meta files add up to " + sum;
            // The Python Discard's guild.meta.json counts only the messages of the guild's last channel.
            findings.accept(info != null && info.python()
                    ? Finding.info(meta.file(), 0, message + " (the Python Discard counts only the last channel)")
                    : Finding.problem(meta.file(), 0, message));
        }
        return sum;
    }

    /** One channel: its log read once, pages checked, then compared with its meta file. */
    private final class ChannelVerification implements ChannelLog.Listener {
        private final RunDirectory.ChannelFiles channel;
        private final boolean completed;
        private final boolean legacy;
        private final RecordChecks checks;
        private final Consumer<Finding> findings;
        private final long after;
        private final long before;
        private final PageContinuity continuity;
        private final ReactionTally reactions;
        private long all;
        private long inRange;
        private long allMin = -1L;
        private long allMax = 0;
        private long rangeMin = -1L;
        private long rangeMax = 0;

        ChannelVerification(RunDirectory.ChannelFiles channel, RunInfo info, boolean completed, RecordChecks checks,
                Consumer<Finding> findings) {
            this.channel = channel;
            this.completed = completed;
            this.legacy = info != null && info.legacy();
            this.checks = checks;
            this.findings = findings;
            this.after = info == null || info.after() == null ? 0 : Snowflake.of(info.after());
            this.before = info == null || info.before() == null ? -1L : Snowflake.of(info.before());
            this.continuity = new PageContinuity(before);
            // The last page of a range reaches past it: those messages are evidence, their reactions not fetched.
            this.reactions = new ReactionTally(after, before);
        }

        ChannelMeta run() {
            ChannelMeta meta = null;
            if (channel.metaFile() != null) {
                files++;
                try {
                    meta = ChannelMeta.read(channel.metaFile(), mapper);
                } catch (MetaFileException e) {
                    findings.accept(Finding.problem(RecordProblem.of(e)));
                }
            } else if (completed) {
                findings.accept(Finding.problem(channel.log().dir().resolve(channel.id() + ".meta.json"), 0,
                        "missing, but the channel has a log"));
            }
            if (channel.log().isEmpty()) {
                findings.accept(Finding.problem(channel.metaFile(), 0, "the channel has no log "
                        + channel.id() + ".jsonl[.gz]"));
                return meta;
            }
            channel.log().anomalies().forEach(p -> findings.accept(Finding.problem(p)));
            files += channel.log().files().size();
            ChannelLog.Stats stats = new ChannelLog(channel.log().files(), channel.id(), false, mapper).read(this);
            records += stats.records();
            messages += stats.messages();
            if (completed) continuity.end(meta == null ? null : meta.pageSize(), findings);
            reactions.report(findings);
            if (meta != null) compareMeta(meta);
            return meta;
        }

        @Override
        public void message(Message m) {
            long id = m.id();
            all++;
            if (Long.compareUnsigned(id, allMin) < 0) allMin = id;
            if (Long.compareUnsigned(id, allMax) > 0) allMax = id;
            if (Long.compareUnsigned(id, after) > 0 && Long.compareUnsigned(id, before) < 0) {
                inRange++;
                if (Long.compareUnsigned(id, rangeMin) < 0) rangeMin = id;
                if (Long.compareUnsigned(id, rangeMax) > 0) rangeMax = id;
            }
        }

        @Override
        public void page(ArchiveRecord record, List<Message> sorted) {
            checks.check(record, findings);
            continuity.page(record, sorted, findings);
            byte[] source = record.source();
            if (TokenScan.contains(source, 0, source.length, REACTIONS_KEY)) reactions.page(record, record.data());
        }

        @Override
        public void otherRecord(ArchiveRecord record) {
            checks.check(record, findings);
            reactions.maybeUsers(record);
        }

        @Override
        public void problem(RecordProblem problem) {
            findings.accept(damage(problem, channel.log()));
        }

        @Override
        public void continuedCut(RecordProblem cut) {
            findings.accept(damage(cut, channel.log()));
        }

        /** The meta must agree with the messages within the run's range, or with all of them. */
        private void compareMeta(ChannelMeta meta) {
            if (meta.swapped() && !legacy) {
                findings.accept(Finding.problem(meta.file(), 0, "oldest_message is newer than newest_message"));
            }
            if (meta.numMessages() != null && meta.numMessages() != inRange && meta.numMessages() != all) {
                findings.accept(Finding.problem(meta.file(), 0, "num_messages is " + meta.numMessages() + " but the"
                        + " log holds " + inRange + " messages in the run's range (" + all + " in all)"));
            }
            checkEnd(meta, meta.oldest(), "oldest_message", rangeMin, allMin);
            checkEnd(meta, meta.newest(), "newest_message", rangeMax, allMax);
        }

        private void checkEnd(ChannelMeta meta, ChannelMeta.MessageRef ref, String key, long inRangeId, long anyId) {
            boolean none = inRange == 0 && all == 0;
            if (ref == null) {
                if (inRange > 0) findings.accept(Finding.problem(meta.file(), 0, key + " is missing but the log holds "
                        + all + " messages"));
                return;
            }
            if (ref.id() != inRangeId && ref.id() != anyId) {
                findings.accept(Finding.problem(meta.file(), 0, key + " is message " + Long.toUnsignedString(ref.id()) + " but the log's "
                        + (key.startsWith("oldest") ? "oldest" : "newest") + " is "
                        + (none ? "none" : Long.toUnsignedString(inRange > 0 ? inRangeId : anyId))));
            }
        }
    }

    private void readLog(LogParts log, RecordChecks checks, Consumer<Finding> findings) {
        log.anomalies().forEach(p -> findings.accept(Finding.problem(p)));
        files += log.files().size();
        try (ArchiveReader reader = new ArchiveReader(log.files(), mapper,
                p -> findings.accept(damage(p, log)), null)) {
            ArchiveRecord r;
            while ((r = reader.next()) != null) checks.check(r, findings);
            records += reader.records();
        }
    }

    /**
     * A part cut short by a hard kill that a later part of the same log continues is what {@code --resume} leaves
     * (information), and so is a cut last part of a killed run not resumed yet (its one problem is said once, on
     * run.meta.json); any other damage is a problem.
     */
    private Finding damage(RecordProblem p, LogParts log) {
        if (p.continuedLater()) {
            return Finding.info(p.file(), p.line(), p.message() + "; the next part continues the log");
        }
        List<LogFile> parts = log.files();
        boolean last = !parts.isEmpty() && parts.get(parts.size() - 1).path().equals(p.file());
        if (p.cutShort() && last && killedRun) {
            return Finding.info(p.file(), p.line(), p.message() + "; cut by the kill, --resume continues the log in a"
                    + " new part");
        }
        return Finding.problem(p);
    }

    private static void compare(Path file, JsonNode summary, String key, long actual, String what,
            Consumer<Finding> findings) {
        JsonNode value = summary.get(key);
        if (value == null || !value.canConvertToLong()) return;
        if (value.asLong() != actual) {
            findings.accept(Finding.problem(file, 0, "summary." + key + " is " + value.asLong() + " but " + what
                    + " count " + actual));
        }
    }
}

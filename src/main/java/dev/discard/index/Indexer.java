package dev.discard.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.ChannelMeta;
import dev.discard.format.GuildMeta;
import dev.discard.format.LogFile;
import dev.discard.format.MetaFileException;
import dev.discard.format.Timestamps;
import dev.discard.read.RecordProblem;
import dev.discard.read.RunDirectory;
import dev.discard.read.RunInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Brings an index up to date with the runs under some folders, at any depth: reads every log file that is new or
 * changed in size or time since the last update, and nothing else. Reads archives, never Discord.
 */
public final class Indexer {
    private final Index index;
    private final ObjectMapper mapper;

    public Indexer(Index index, ObjectMapper mapper) {
        this.index = index;
        this.mapper = mapper;
    }

    /** One log file of a run, with what the index knows of where it sits. */
    private record Planned(LogFile file, String guildId, long size, long modified) {}

    /** One run and its files. */
    private record RunPlan(Path dir, RunDirectory layout, List<Planned> files, Path media) {}

    /**
     * Indexes what changed under the folders.
     *
     * @throws IOException when a folder cannot be listed
     * @throws IndexException when the database cannot be written
     */
    public IndexStats update(List<Path> folders, IndexListener listener) throws IOException, IndexException {
        TreeSet<Path> runDirs = new TreeSet<>();
        for (Path folder : folders) {
            for (Path run : RunDirectory.findRuns(folder)) runDirs.add(run.toAbsolutePath().normalize());
        }
        Connection c = index.connection();
        try {
            Map<String, long[]> known = knownFiles(c);
            List<RunPlan> plans = new ArrayList<>();
            int files = 0;
            int toRead = 0;
            for (Path dir : runDirs) {
                RunPlan plan = plan(dir, known);
                plans.add(plan);
                files += plan.layout.runLog().files().size();
                for (RunDirectory.GuildFolder g : plan.layout.guilds()) {
                    files += g.guildLog().files().size();
                    for (RunDirectory.ChannelFiles ch : g.channels()) files += ch.log().files().size();
                }
                toRead += plan.files.size();
            }
            listener.planned(files, toRead);
            c.setAutoCommit(false);
            long problems = 0;
            try (LogIndexer logs = new LogIndexer(c, mapper)) {
                for (RunPlan plan : plans) problems += indexRun(plan, logs, listener);
                logs.commit();
                new DeletionFinder(c).find();
                logs.commit();
                return new IndexStats(plans.size(), files, toRead, logs.read(), logs.added(), logs.replaced(),
                        problems);
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw IndexException.of(index.file(), e);
        }
    }

    private RunPlan plan(Path dir, Map<String, long[]> known) throws IOException {
        RunDirectory layout = RunDirectory.open(dir);
        List<Planned> files = new ArrayList<>();
        addChanged(files, layout.runLog().files(), null, known);
        for (RunDirectory.GuildFolder g : layout.guilds()) {
            String guildId = IndexIds.of(g.id());
            addChanged(files, g.guildLog().files(), guildId, known);
            for (RunDirectory.ChannelFiles ch : g.channels()) addChanged(files, ch.log().files(), guildId, known);
        }
        Path media = dir.resolve("media.jsonl");
        boolean mediaChanged = Files.isRegularFile(media) && changed(media, known);
        return new RunPlan(dir, layout, files, mediaChanged ? media : null);
    }

    private void addChanged(List<Planned> into, List<LogFile> files, String guildId, Map<String, long[]> known)
            throws IOException {
        for (LogFile f : files) {
            if (changed(f.path(), known)) {
                into.add(new Planned(f, guildId, Files.size(f.path()), Files.getLastModifiedTime(f.path()).toMillis()));
            }
        }
    }

    private boolean changed(Path file, Map<String, long[]> known) throws IOException {
        long[] seen = known.get(index.storedPath(file));
        return seen == null || seen[0] != Files.size(file) || seen[1] != Files.getLastModifiedTime(file).toMillis();
    }

    private long indexRun(RunPlan plan, LogIndexer logs, IndexListener listener) throws SQLException, IOException {
        if (plan.files.isEmpty() && plan.media == null) return 0;
        long problems = 0;
        long runId;
        try {
            runId = putRun(plan.dir, RunInfo.read(plan.dir, mapper));
        } catch (MetaFileException e) {
            listener.problem(RecordProblem.of(e));
            problems++;
            runId = putRun(plan.dir, null);
        }
        problems += names(plan.layout, logs.entities(), runId, listener);
        for (Planned p : plan.files) {
            listener.reading(p.file.path());
            LogIndexer.FileResult result = logs.index(p.file, p.guildId, runId, listener);
            problems += result.problems();
            putLogFile(p.file.path(), runId, p.size, p.modified, result.records(), result.messages(),
                    result.problems());
            logs.commit();
        }
        if (plan.media != null) {
            long size = Files.size(plan.media);
            long modified = Files.getLastModifiedTime(plan.media).toMillis();
            MediaFiles.Result media = new MediaFiles(index, mapper).apply(plan.dir, plan.media, listener);
            problems += media.problems();
            putLogFile(plan.media, runId, size, modified, media.lines(), 0, media.problems());
            logs.commit();
        }
        return problems;
    }

    /** Guild and channel names from the meta files, for archives whose logs hold no guild or channel answers. */
    private long names(RunDirectory layout, EntityStore entities, long runId, IndexListener listener)
            throws SQLException {
        long problems = 0;
        for (RunDirectory.GuildFolder g : layout.guilds()) {
            String guildId = IndexIds.of(g.id());
            try {
                if (g.metaFile() != null) {
                    GuildMeta meta = GuildMeta.read(g.metaFile(), mapper);
                    entities.guildName(IndexIds.of(meta.id()), meta.name());
                }
            } catch (MetaFileException e) {
                listener.problem(RecordProblem.of(e));
                problems++;
            }
            for (RunDirectory.ChannelFiles ch : g.channels()) {
                if (ch.metaFile() == null) continue;
                try {
                    ChannelMeta meta = ChannelMeta.read(ch.metaFile(), mapper);
                    String id = IndexIds.of(meta.id() != null ? meta.id() : ch.id());
                    entities.channelName(id, guildId, null, meta.name());
                    channelRun(runId, id, meta);
                } catch (MetaFileException e) {
                    listener.problem(RecordProblem.of(e));
                    problems++;
                }
            }
        }
        return problems;
    }

    /**
     * What a run's meta file says of a channel: whether the run read it completely ({@code completed: true}; a
     * refused, failed or interrupted channel proves nothing), and where its walk started when not at the run's
     * {@code --after}.
     */
    private void channelRun(long runId, String channelId, ChannelMeta meta) throws SQLException {
        if (channelId == null) return;
        try (PreparedStatement s = index.connection().prepareStatement("INSERT INTO channel_runs (run_id,"
                + " channel_id, completed, after) VALUES (?, ?, ?, ?) ON CONFLICT (run_id, channel_id) DO UPDATE SET"
                + " completed = excluded.completed, after = excluded.after")) {
            s.setLong(1, runId);
            s.setString(2, channelId);
            s.setInt(3, Boolean.TRUE.equals(meta.completed()) && meta.error() == null ? 1 : 0);
            s.setString(4, Timestamps.isoCompact(meta.rangeAfter()));
            s.executeUpdate();
        }
    }

    private long putRun(Path dir, RunInfo info) throws SQLException {
        Connection c = index.connection();
        String path = index.storedPath(dir);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO runs (path, mode, client_name, client_version,"
                + " after, before, datetime_start, completed) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (path)"
                + " DO UPDATE SET mode = excluded.mode, client_name = excluded.client_name,"
                + " client_version = excluded.client_version, after = excluded.after, before = excluded.before,"
                + " datetime_start = excluded.datetime_start, completed = excluded.completed")) {
            s.setString(1, path);
            s.setString(2, info == null ? null : info.mode());
            s.setString(3, info == null ? null : info.clientName());
            s.setString(4, info == null ? null : info.clientVersion());
            s.setString(5, info == null ? null : Timestamps.isoCompact(info.after()));
            s.setString(6, info == null ? null : Timestamps.isoCompact(info.before()));
            s.setString(7, info == null ? null : Timestamps.isoCompact(info.start()));
            s.setInt(8, info != null && info.completed() ? 1 : 0);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT run_id FROM runs WHERE path = ?")) {
            s.setString(1, path);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void putLogFile(Path file, long runId, long size, long modified, long records, long messages,
            long problems) throws SQLException {
        try (PreparedStatement s = index.connection().prepareStatement("INSERT OR REPLACE INTO log_files (path,"
                + " run_id, size, modified, records, messages, problems) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, index.storedPath(file));
            s.setLong(2, runId);
            s.setLong(3, size);
            s.setLong(4, modified);
            s.setLong(5, records);
            s.setLong(6, messages);
            s.setLong(7, problems);
            s.executeUpdate();
        }
    }

    private static Map<String, long[]> knownFiles(Connection c) throws SQLException {
        Map<String, long[]> known = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT path, size, modified FROM log_files")) {
            while (r.next()) known.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3)});
        }
        return known;
    }
}

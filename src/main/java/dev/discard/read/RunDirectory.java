package dev.discard.read;

import dev.discard.format.RunFiles;
import dev.discard.format.Snowflake;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of one run directory, as Discard lays them out: {@code run.meta.json}, {@code run.jsonl[.gz]}, and per
 * guild folder ({@code @me} for direct messages) {@code guild.meta.json}, {@code guild.jsonl[.gz]} and per channel
 * {@code <id>.meta.json} and the parts of {@code <id>.jsonl[.gz]}. Immutable; lists only what exists.
 *
 * @param dir the run directory
 * @param runLog the parts of {@code run.jsonl[.gz]}
 * @param guilds the guild folders, by name
 */
public record RunDirectory(Path dir, LogParts runLog, List<GuildFolder> guilds) {
    public static final String DIRECT_MESSAGES = "@me";

    /**
     * One guild folder.
     *
     * @param dir the folder
     * @param id its name: the guild id, or {@code @me}
     * @param metaFile {@code guild.meta.json}, null when absent
     * @param guildLog the parts of {@code guild.jsonl[.gz]}
     * @param channels the channels that have a log or a meta file, by id
     */
    public record GuildFolder(Path dir, String id, Path metaFile, LogParts guildLog, List<ChannelFiles> channels) {}

    /**
     * One channel's files.
     *
     * @param id the channel id
     * @param metaFile {@code <id>.meta.json}, null when absent
     * @param log the parts of its log; empty when there is none
     */
    public record ChannelFiles(String id, Path metaFile, LogParts log) {}

    /** Whether {@code dir} is a run directory: it holds {@code run.meta.json}. */
    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(RunInfo.FILE_NAME));
    }

    public static RunDirectory open(Path dir) throws IOException {
        List<GuildFolder> guilds = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path sub : entries.filter(Files::isDirectory).sorted().toList()) {
                String name = sub.getFileName().toString();
                if (name.equals(DIRECT_MESSAGES) || Snowflake.parseLenient(name) != -1) guilds.add(guild(sub, name));
            }
        }
        return new RunDirectory(dir, LogParts.find(dir, RunFiles.RUN_LOG), guilds);
    }

    private static GuildFolder guild(Path dir, String id) throws IOException {
        Map<String, LogParts> logs = LogParts.inDirectory(dir);
        Map<String, Path> metas = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(Files::isRegularFile).forEach(f -> {
                String name = f.getFileName().toString();
                String stem = RunFiles.metaStem(name);
                if (stem != null) metas.put(stem, f);
            });
        }
        TreeMap<Long, String> channelIds = new TreeMap<>(Long::compareUnsigned);
        Stream.concat(logs.keySet().stream(), metas.keySet().stream())
                .filter(n -> Snowflake.parseLenient(n) != -1)
                .forEach(n -> channelIds.put(Snowflake.parseLenient(n), n));
        List<ChannelFiles> channels = new ArrayList<>();
        for (String channel : channelIds.values()) {
            LogParts log = logs.getOrDefault(channel, new LogParts(dir, channel, List.of(), List.of()));
            channels.add(new ChannelFiles(channel, metas.get(channel), log));
        }
        LogParts guildLog = logs.getOrDefault("guild", new LogParts(dir, "guild", List.of(), List.of()));
        return new GuildFolder(dir, id, metas.containsKey("guild") ? metas.get("guild") : null, guildLog, channels);
    }

    /** The run directories at or below {@code root}, in path order; a run's own folders are not searched. */
    public static List<Path> findRuns(Path root) throws IOException {
        List<Path> runs = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (isRun(dir)) {
                    runs.add(dir);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        runs.sort(null);
        return runs;
    }
}

package dev.discard.read;

import dev.discard.format.LogFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * All the files of one log in one folder, in reading order: {@code <name>.jsonl[.gz]}, then
 * {@code <name>.2.jsonl[.gz]}, {@code <name>.3.jsonl[.gz]}, … Immutable.
 *
 * @param dir the folder
 * @param name the log's name (a channel id, {@code guild} or {@code run})
 * @param files the parts in reading order; one file per part number
 * @param anomalies what is odd about the set (a part missing, a part both plain and gzipped); line 0
 */
public record LogParts(Path dir, String name, List<LogFile> files, List<RecordProblem> anomalies) {
    public LogParts {
        files = List.copyOf(files);
        anomalies = List.copyOf(anomalies);
    }

    /** The parts of the log {@code name} in {@code dir}; no files when there is no such log. */
    public static LogParts find(Path dir, String name) throws IOException {
        LogParts parts = inDirectory(dir).get(name);
        return parts != null ? parts : new LogParts(dir, name, List.of(), List.of());
    }

    /** Every log in {@code dir} (not below it), by name. */
    public static Map<String, LogParts> inDirectory(Path dir) throws IOException {
        Map<String, List<LogFile>> byName = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(Files::isRegularFile)
                    .map(LogFile::of)
                    .flatMap(java.util.Optional::stream)
                    .forEach(f -> byName.computeIfAbsent(f.name(), n -> new ArrayList<>()).add(f));
        }
        Map<String, LogParts> logs = new TreeMap<>();
        byName.forEach((name, files) -> logs.put(name, assemble(dir, name, files)));
        return logs;
    }

    private static LogParts assemble(Path dir, String name, List<LogFile> found) {
        found.sort(Comparator.comparingInt(LogFile::part).thenComparing(f -> !f.gzip()));
        List<LogFile> files = new ArrayList<>();
        List<RecordProblem> anomalies = new ArrayList<>();
        for (LogFile f : found) {
            LogFile previous = files.isEmpty() ? null : files.get(files.size() - 1);
            if (previous != null && previous.part() == f.part()) {
                // Discard reads the gzip file when both exist; so do we, and say so.
                anomalies.add(RecordProblem.ofFile(f.path(), "both " + previous.path().getFileName() + " and "
                        + f.path().getFileName() + " exist; reading only " + previous.path().getFileName()));
                continue;
            }
            int expected = previous == null ? 1 : previous.part() + 1;
            if (f.part() != expected) {
                anomalies.add(RecordProblem.ofFile(f.path(), "expected part " + expected + " of log " + name
                        + " but found part " + f.part() + ": a part is missing"));
            }
            files.add(f);
        }
        return new LogParts(dir, name, files, anomalies);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }
}

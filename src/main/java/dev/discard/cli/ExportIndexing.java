package dev.discard.cli;

import dev.discard.format.Json;
import dev.discard.index.Index;
import dev.discard.index.IndexException;
import dev.discard.index.IndexStats;
import dev.discard.index.Indexer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The first step of every {@code export}: the folders checked, then indexed as {@code discard index} does (only
 * what is new is read) into {@code --db} or the first folder's {@code index.sqlite}.
 */
final class ExportIndexing {
    private ExportIndexing() {}

    /** Refuses a folder that does not exist (exit 2) before anything is written. */
    static void checkFolders(List<Path> folders) {
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new UsageException("no folder " + folder + ": give a folder of runs such as out/");
            }
        }
    }

    /** The index file: {@code db} when given, else the first folder's. */
    static Path file(List<Path> folders, Path db) {
        return db != null ? db : folders.get(0).resolve(Index.DEFAULT_NAME);
    }

    /** Brings the index up to date with the folders; a usage error when they hold no run. */
    static IndexStats update(Index index, List<Path> folders, IndexProgress progress)
            throws IndexException, IOException {
        IndexStats stats = new Indexer(index, Json.newMapper()).update(folders, progress);
        if (stats.runs() == 0) {
            throw new UsageException("no run in " + String.join(", ", folders.stream().map(Path::toString).toList())
                    + ": a run directory holds run.meta.json");
        }
        return stats;
    }
}

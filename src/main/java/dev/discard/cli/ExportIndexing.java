package dev.discard.cli;

import dev.discard.format.Json;
import dev.discard.index.Index;
import dev.discard.index.IndexException;
import dev.discard.index.IndexStats;
import dev.discard.index.Indexer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The first step of every {@code export}: the folders checked, then indexed as {@code discard index} does (only
 * what is new is read) into {@code --db} or the first folder's {@code index.sqlite}.
 */
final class ExportIndexing {
    private ExportIndexing() {}

    /** The index file: {@code db} when given, else the first folder's. */
    static Path file(List<Path> folders, Path db) {
        return db != null ? db : folders.get(0).resolve(Index.DEFAULT_NAME);
    }

    /** Brings the index up to date with the folders; a usage error when they hold no run. */
    static IndexStats update(Index index, List<Path> folders, IndexProgress progress)
            throws IndexException, IOException {
        IndexStats stats = new Indexer(index, Json.newMapper()).update(folders, progress);
        if (stats.runs() == 0) {
            throw RunFolders.noRun(folders);
        }
        return stats;
    }
}

package dev.discard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the commands that read folders of runs ({@code summary}, {@code verify}, {@code index}, {@code export}) say
 * when a folder is missing or holds no run: one sentence each, said here once.
 */
final class RunFolders {
    private RunFolders() {}

    /** Each folder exists, else a usage error: "no folder X: give a folder of runs such as out/". */
    static void requireFolders(List<Path> folders) {
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new UsageException("no folder " + folder + ": give a folder of runs such as out/");
            }
        }
    }

    /** The usage error for folders that hold no run. */
    static UsageException noRun(List<Path> folders) {
        return new UsageException("no run in " + String.join(", ", folders.stream().map(Path::toString).toList())
                + ": a run directory holds run.meta.json");
    }
}

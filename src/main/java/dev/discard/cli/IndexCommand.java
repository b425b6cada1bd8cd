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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code discard index}: builds or updates the SQLite full-text index of the runs under some folders. */
@Command(
        name = "index",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = false,
        description = {
            "Build or update the SQLite full-text index of the runs under the folders.",
            "Reads every run at any depth (this discard's and the Python Discard's,",
            ".jsonl and .jsonl.gz, every part of resumed runs), never Discord. A second",
            "call reads only the log files that are new or changed. A message seen in",
            "several runs is stored once, in its newest version; earlier versions of",
            "edited messages are kept. The tables are described in docs/search.md."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  done",
            "  1  some lines or files were damaged (the rest was indexed), or the database",
            "     is locked, damaged or cannot be written",
            "  2  usage error (no such folder, no run in it)"
        })
final class IndexCommand implements Callable<Integer> {
    @ParentCommand DiscardCommand parent;

    @Option(names = "--db", paramLabel = "FILE",
            description = "The database; default index.sqlite in the first FOLDER.")
    Path db;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary line; only problems.")
    boolean quiet;

    @Parameters(paramLabel = "FOLDER", arity = "1..*", description = "Folders of runs, such as out/, or run"
            + " directories.")
    List<Path> folders;

    @Override
    public Integer call() throws IOException {
        Console console = parent.console;
        RunFolders.requireFolders(folders);
        Path file = db != null ? db : folders.get(0).resolve(Index.DEFAULT_NAME);
        boolean existed = Files.exists(file);
        IndexStats stats;
        try (IndexProgress progress = new IndexProgress(console, quiet); Index index = Index.create(file)) {
            stats = new Indexer(index, Json.newMapper()).update(folders, progress);
        } catch (IndexException e) {
            console.error(e.getMessage());
            return ExitCode.FAILED;
        }
        if (stats.runs() == 0) {
            // Exit 2 says nothing was written: a database this command made for nothing goes again.
            if (!existed) deleteDatabase(file);
            throw RunFolders.noRun(folders);
        }
        if (!quiet) {
            console.out.println("Indexed " + RunReport.number(stats.filesRead()) + " of "
                    + RunReport.count(stats.files(), "log file") + " in " + RunReport.count(stats.runs(), "run") + ": "
                    + RunReport.count(stats.added(), "message") + " added, " + RunReport.number(stats.replaced())
                    + " updated, " + RunReport.number(stats.messagesRead()) + " read. Database: " + file);
        }
        return stats.problems() > 0 ? ExitCode.FAILED : ExitCode.OK;
    }

    /** The database file and the journal files SQLite may leave beside it. */
    private static void deleteDatabase(Path file) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
    }
}

package dev.discard.cli;

import dev.discard.export.ExportException;
import dev.discard.export.HtmlExport;
import dev.discard.index.Index;
import dev.discard.index.IndexException;
import dev.discard.index.IndexStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code discard export html}: indexes the runs (as {@code discard index}), then writes the static site. */
@Command(
        name = "html",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = false,
        description = {
            "Write a static HTML site of the archive that looks like Discord.",
            "From the runs under the folders, at any depth: index.html lists guilds,",
            "channels and threads; each channel has pages of messages, oldest first, each",
            "message once in its newest version, under its id as anchor",
            "(page.html#<message id>). Archived media (--media runs) is copied in; the",
            "site opens from disk and loads nothing from the network. The runs are",
            "indexed first, as discard index does (only what is new is read); see",
            "docs/browse.md."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  done",
            "  1  some lines or files were damaged (the rest was exported), or the index",
            "     or the site could not be read or written",
            "  2  usage error (no such folder, no run in it, output folder not an export)"
        })
final class ExportHtmlCommand implements Callable<Integer> {
    @ParentCommand ExportCommand export;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "html",
            description = "The site's folder, new or a previous export (default: html).")
    Path output;

    @Option(names = "--db", paramLabel = "FILE",
            description = "The index to update and read (default: the first FOLDER's index.sqlite).")
    Path db;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "" + HtmlExport.DEFAULT_PAGE_SIZE,
            description = "Messages per page (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--no-search", description = "No search box and no search index.")
    boolean noSearch;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary line; only problems.")
    boolean quiet;

    @Parameters(paramLabel = "FOLDER|RUN", arity = "1..*",
            description = "Folders of runs, such as out/, or run directories.")
    List<Path> folders;

    @Override
    public Integer call() throws IOException {
        Console console = export.parent.console;
        if (pageSize < 1) throw new UsageException("--page-size must be at least 1 but was " + pageSize);
        RunFolders.requireFolders(folders);
        checkOutput();
        try (IndexProgress progress = new IndexProgress(console, quiet);
                Index index = Index.create(ExportIndexing.file(folders, db))) {
            IndexStats stats = ExportIndexing.update(index, folders, progress);
            HtmlExport.Result result = new HtmlExport(index.connection(), index::resolve, pageSize,
                    Clock.systemUTC(), !noSearch).write(output, channel -> {});
            if (!quiet) {
                console.out.println("Exported " + RunReport.count(result.messages(), "message") + " of "
                        + RunReport.count(result.channels(), "channel") + " and "
                        + RunReport.count(result.mediaFiles(), "media file") + ": " + result.index());
            }
            return stats.problems() > 0 ? ExitCode.FAILED : ExitCode.OK;
        } catch (IndexException | ExportException e) {
            console.error(e.getMessage());
            return ExitCode.FAILED;
        }
    }

    /** A new or empty folder, or one a previous export wrote: never someone's other files. */
    private void checkOutput() throws IOException {
        if (!Files.exists(output)) return;
        if (!Files.isDirectory(output)) throw new UsageException(output + " is a file: give a folder for the site");
        try (Stream<Path> entries = Files.list(output)) {
            if (entries.findAny().isPresent() && !Files.isRegularFile(output.resolve("assets/discard.css"))) {
                throw new UsageException(output + " holds other files: give a new folder, an empty one or a"
                        + " previous export");
            }
        }
    }
}

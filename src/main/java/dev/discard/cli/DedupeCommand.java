package dev.discard.cli;

import dev.discard.dedupe.DedupeOptions;
import dev.discard.dedupe.DedupeReport;
import dev.discard.dedupe.Deduplicator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code discard dedupe}: DiscordPicExtract's duplicate image removal, copying the unique images to a new folder. */
@Command(
        name = "dedupe",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = false,
        description = {
            "Copy the unique images of a folder of downloaded images (DiscordPicExtract's layout) to a new folder.",
            "",
            "Images are compared only with images of the same date, read from names like "
                    + "YYYY-MM-DD_HH-MM-SS_name.png. Two are duplicates when their perceptual hashes (64-bit pHash, "
                    + "as Python's imagehash computes it) and their file sizes are equal. Of each group of duplicates "
                    + "the earliest is kept (equal times: the first name). The source is never modified, and no file "
                    + "in the output is overwritten.",
            ""
        },
        footerHeading = "%n",
        footer = {
            "Images are .png .jpg .jpeg .gif .webp files (the first frame of an animation). Images whose name has "
                    + "no date, and images that do not decode cleanly, are not compared but copied as unique: "
                    + "nothing is lost. Other files are copied as they are; subdirectories are skipped. Each of these "
                    + "is named on stderr.",
            "",
            "Exit codes:",
            "  0  done",
            "  1  failed: the source could not be read, or a file could not be copied",
            "  2  usage error: bad option, no such source, output is the source or inside it"
        })
final class DedupeCommand implements Callable<Integer> {
    @ParentCommand DiscardCommand parent;

    @Spec CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "DIRECTORY",
            description = "Folder of images to deduplicate; only read.")
    Path source;

    @Option(names = "--output", paramLabel = "DIRECTORY",
            description = "Folder the unique images are copied to (default: <source>-clean beside the source). "
                    + "Must not be the source or inside it; created if missing.")
    Path output;

    @Option(names = "--max-distance", paramLabel = "N", defaultValue = "0",
            description = "Default 0: duplicates have equal hashes and equal file sizes. With N from 1 to 64, "
                    + "images whose hashes differ in at most N of the 64 bits are duplicates whatever their sizes, "
                    + "since a re-encoded copy has another size.")
    int maxDistance;

    @Option(names = "--json",
            description = "Print a JSON object (summary, statistics, every file) instead of the text report.")
    boolean json;

    @Option(names = "--dry-run", description = "Decide and report, but copy nothing and create no folder.")
    boolean dryRun;

    @Option(names = "--threads", paramLabel = "N",
            description = "How many images are decoded at once (default: the number of cores).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        Console console = parent.console;
        console.configure(parent.options(null, null), null);
        if (maxDistance < 0 || maxDistance > 64) {
            throw new ParameterException(spec.commandLine(),
                    "--max-distance: expected 0 to 64 bits but was " + maxDistance);
        }
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (threadCount < 1) {
            throw new ParameterException(spec.commandLine(), "--threads: expected at least 1 but was " + threadCount);
        }
        DedupeOptions options;
        try {
            Path out = output != null ? output : DedupeOptions.defaultOutput(source);
            options = new DedupeOptions(source, out, maxDistance, threadCount, dryRun);
            Deduplicator.checkPaths(options);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        DedupeReport report = new Deduplicator(options).run();
        for (String note : DedupeReportFormat.notes(report)) console.error(note);
        if (json) {
            console.out.println(DedupeReportFormat.json(report));
        } else {
            console.out.print(DedupeReportFormat.text(report));
        }
        console.out.flush();
        return ExitCode.OK;
    }
}

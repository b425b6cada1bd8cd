package dev.discard.cli;

import dev.discard.export.ChatExport;
import dev.discard.export.ExportException;
import dev.discard.export.SelectionException;
import dev.discard.index.Index;
import dev.discard.index.IndexException;
import dev.discard.index.IndexStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.stream.Stream;

/** Runs {@code export json} or {@code export csv}: checks, indexes, exports, and says what it wrote. */
final class ChatExportRun {
    private ChatExportRun() {}

    static int run(Console console, ChatExport.Format format, ChatExportOptions options, Path output)
            throws IOException {
        RunFolders.requireFolders(options.folders);
        checkOutput(output, format);
        Path mediaDir = options.mediaDir(output);
        try (IndexProgress progress = new IndexProgress(console, options.quiet);
                Index index = Index.create(ExportIndexing.file(options.folders, options.db))) {
            IndexStats stats = ExportIndexing.update(index, options.folders, progress);
            ChatExport.Result result = new ChatExport(index.connection(), index::resolve, Clock.systemUTC())
                    .write(format, options.selection(), output, mediaDir, file -> {});
            if (!options.quiet) {
                console.out.println("Exported " + result.messages() + " messages in " + result.files() + " "
                        + format.name().toLowerCase(Locale.ROOT) + " files and " + result.mediaFiles()
                        + " media files: " + output);
            }
            return stats.problems() > 0 ? ExitCode.FAILED : ExitCode.OK;
        } catch (SelectionException e) {
            throw new UsageException(e.getMessage());
        } catch (IndexException | ExportException e) {
            console.error(e.getMessage());
            return ExitCode.FAILED;
        }
    }

    /**
     * A new or empty folder, or one a previous export of this format wrote (guild folders of such files and media):
     * never someone's other files, since files of channels no longer selected are removed.
     */
    private static void checkOutput(Path output, ChatExport.Format format) throws IOException {
        if (!Files.exists(output)) return;
        if (!Files.isDirectory(output)) throw new UsageException(output + " is a file: give a folder for the export");
        String extension = "." + format.name().toLowerCase(Locale.ROOT);
        try (Stream<Path> walk = Files.walk(output)) {
            boolean foreign = walk.filter(Files::isRegularFile).anyMatch(p -> {
                Path relative = output.relativize(p);
                return !(relative.startsWith("media") || relative.getNameCount() == 2
                        && relative.getFileName().toString().endsWith(extension));
            });
            if (foreign) {
                throw new UsageException(output + " holds other files: give a new folder, an empty one or a previous"
                        + " export " + format.name().toLowerCase(Locale.ROOT));
            }
        }
    }
}

package dev.discard.cli;

import dev.discard.export.ChatSelection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code export json} and {@code export csv} share: what to select, where media go, the index. */
final class ChatExportOptions {
    @Option(names = "--guild", paramLabel = "GUILD", description = "Only this guild (id or name); repeatable.")
    List<String> guilds = new ArrayList<>();

    @Option(names = "--channel", paramLabel = "CHANNEL", description = "Only this channel or thread (id or name);"
            + " repeatable.")
    List<String> channels = new ArrayList<>();

    @Mixin MessageTimeRange range;

    @Option(names = "--history", description = "Also deleted messages and the earlier versions of edited ones,"
            + " marked (docs/export.md).")
    boolean history;

    @Option(names = "--media-dir", paramLabel = "DIR", description = "Where archived media are linked or copied"
            + " (default: OUTPUT/media); links point at them.")
    Path mediaDir;

    @Option(names = "--original-urls", description = "Link media where Discord served them, copying nothing.")
    boolean originalUrls;

    @Option(names = "--db", paramLabel = "FILE",
            description = "The index to update and read (default: the first FOLDER's index.sqlite).")
    Path db;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary line; only problems.")
    boolean quiet;

    @Parameters(paramLabel = "FOLDER|RUN", arity = "1..*",
            description = "Folders of runs, such as out/, or run directories.")
    List<Path> folders;

    ChatSelection selection() {
        if (range.after != null && range.before != null && !range.after.isBefore(range.before)) {
            throw new UsageException("--after must be before --before");
        }
        return new ChatSelection(guilds, channels, range.after, range.before, history);
    }

    /** The media folder, null with --original-urls. */
    Path mediaDir(Path output) {
        if (originalUrls && mediaDir != null) throw new UsageException("give --media-dir or --original-urls, not both");
        return originalUrls ? null : mediaDir != null ? mediaDir : output.resolve("media");
    }
}

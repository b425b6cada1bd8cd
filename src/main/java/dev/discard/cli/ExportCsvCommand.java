package dev.discard.cli;

import dev.discard.export.ChatExport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code discard export csv}: indexes the runs (as {@code discard index}), then writes DiscordChatExporter's CSV. */
@Command(
        name = "csv",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = false,
        description = {
            "Write the archive as DiscordChatExporter's CSV, for spreadsheets.",
            "One file per channel and thread, in a folder per guild, numbered in the",
            "order of the guild's channel list; columns AuthorID, Author, Date,",
            "Content, Attachments, Reactions; each message once, in its newest",
            "version. The runs are indexed first, as discard index does; see",
            "docs/export.md."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  done",
            "  1  some lines or files were damaged (the rest was exported), or the index",
            "     or the export could not be read or written",
            "  2  usage error (no such folder, guild or channel; output folder not an",
            "     export)"
        })
final class ExportCsvCommand implements Callable<Integer> {
    @ParentCommand ExportCommand export;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "csv",
            description = "The export's folder, new or a previous export (default: csv).")
    Path output;

    @Mixin ChatExportOptions options;

    @Override
    public Integer call() throws IOException {
        return ChatExportRun.run(export.parent.console, ChatExport.Format.CSV, options, output);
    }
}

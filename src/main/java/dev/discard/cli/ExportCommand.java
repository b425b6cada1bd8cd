package dev.discard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code discard export}: the archive in another form: {@code html}, {@code json}, {@code csv}, {@code warc}. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = false,
        description = "Export archived runs in another form: html, a static site to browse; json"
                + " and csv, as DiscordChatExporter writes them; warc, for web archives.",
        subcommands = {ExportHtmlCommand.class, ExportJsonCommand.class, ExportCsvCommand.class,
            ExportWarcCommand.class})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand DiscardCommand parent;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing format: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}

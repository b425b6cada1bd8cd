package dev.discard.cli;

import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code discard} command: holds the shared options and the console, dispatches to subcommands. */
@Command(
        name = "discard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = false,
        description = "Discord backups in archival quality: records every raw exchange with the Discord API.",
        subcommands = {ProfileCommand.class, ChannelCommand.class, GuildCommand.class, ReadCommand.class,
            SummaryCommand.class, VerifyCommand.class, DedupeCommand.class, AutoComplete.GenerateCompletion.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  done",
            "  1  the run failed (token refused, nothing archived, output not writable)",
            "  2  usage error (bad option, date or id; no token)",
            "  3  the run completed but some channels or guilds failed",
            "  130/143  interrupted by Ctrl-C / SIGTERM; files and meta are valid and say so"
        })
public final class DiscardCommand implements Callable<Integer> {
    /** Where the shared options land, whether given before or after the subcommand. */
    final ArchiveOptions.Values optionValues = new ArchiveOptions.Values();

    @Mixin ArchiveOptions archiveOptions;

    @Spec CommandSpec spec;

    final Console console;

    /** Builds the run for the settings; tests replace it to inject a clock, an ident or a fake server's client. */
    final Function<ArchiveSettings, ArchiveRun> runFactory;

    DiscardCommand(Console console, Function<ArchiveSettings, ArchiveRun> runFactory) {
        this.console = console;
        this.runFactory = runFactory;
    }

    @Override
    public Integer call() {
        if (optionValues.resume != null) return RunLauncher.resume(spec);
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** A configured command line: one-line errors, exit codes as {@link ExitCode}, output to the console's streams. */
    static CommandLine newCommandLine(Console console, Function<ArchiveSettings, ArchiveRun> runFactory) {
        CommandLine cl = new CommandLine(new DiscardCommand(console, runFactory));
        // -V is discard's version whichever command it follows (picocli's completion command would name its own).
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new VersionProvider()));
        cl.setOut(new PrintWriter(console.out, true));
        cl.setErr(new PrintWriter(console.err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(new UsageErrorHandler(console));
        cl.setExecutionExceptionHandler(new FailureHandler(console));
        cl.setExitCodeExceptionMapper(FailureHandler::exitCodeOf);
        return cl;
    }
}

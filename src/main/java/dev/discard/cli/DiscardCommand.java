package dev.discard.cli;

import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import dev.discard.pictures.MediaJob;
import dev.discard.pictures.MediaSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        subcommands = {ProfileCommand.class, ChannelCommand.class, GuildCommand.class, DmCommand.class,
            ReadCommand.class, SummaryCommand.class, VerifyCommand.class, MediaCommand.class, DedupeCommand.class,
            IndexCommand.class, SearchCommand.class, ExportCommand.class,
            AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  done",
            "  1  the run failed (token refused, nothing archived, output not writable);",
            "     read, summary, verify, index, search, export: damaged input (the rest",
            "     was read), or the index missing, locked or damaged",
            "  2  usage error (bad option, date or id; no token)",
            "  3  the run completed but some channels or guilds failed",
            "  130/143  interrupted by Ctrl-C / SIGTERM; files and meta are valid and say so"
        })
public final class DiscardCommand implements Callable<Integer> {
    @Mixin ConnectionOptions connectionOptions;
    @Mixin ArchiveOptions archiveOptions;

    @Spec CommandSpec spec;

    final Console console;

    /** Builds the run for the settings; tests replace it to inject a clock, an ident or a fake server's client. */
    final Function<ArchiveSettings, ArchiveRun> runFactory;

    /** Standard input, whether it and stdout are terminals, and the working directory, for {@code media}. */
    final Terminal terminal;

    /** Starts each {@code media} job; tests replace it to inject a clock and instant retries. */
    final Function<MediaSettings, MediaJob.Builder> mediaFactory;

    DiscardCommand(Console console, Function<ArchiveSettings, ArchiveRun> runFactory) {
        this(console, runFactory, Terminal.none(Path.of("")), MediaJob::builder);
    }

    DiscardCommand(Console console, Function<ArchiveSettings, ArchiveRun> runFactory, Terminal terminal,
            Function<MediaSettings, MediaJob.Builder> mediaFactory) {
        this.console = console;
        this.runFactory = runFactory;
        this.terminal = terminal;
        this.mediaFactory = mediaFactory;
    }

    /** The shared options given before the subcommand, with those given after it ({@code null} for none) on top. */
    SharedOptions options(ConnectionOptions subConnection, ArchiveOptions subArchive) {
        return SharedOptions.of(
                subConnection == null ? List.of(connectionOptions) : List.of(connectionOptions, subConnection),
                subArchive == null ? List.of(archiveOptions) : List.of(archiveOptions, subArchive));
    }

    /** The command line as given, from {@code discard} on; the token is scrubbed when the meta file is written. */
    List<String> commandLine() {
        List<String> command = new ArrayList<>();
        command.add("discard");
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        return command;
    }

    @Override
    public Integer call() {
        SharedOptions options = options(null, null);
        if (options.resume() != null) return RunLauncher.resume(this, options);
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** A configured command line: one-line errors, exit codes as {@link ExitCode}, output to the console's streams. */
    static CommandLine newCommandLine(Console console, Function<ArchiveSettings, ArchiveRun> runFactory) {
        return newCommandLine(console, runFactory, Terminal.none(Path.of("")), MediaJob::builder);
    }

    static CommandLine newCommandLine(Console console, Function<ArchiveSettings, ArchiveRun> runFactory,
            Terminal terminal, Function<MediaSettings, MediaJob.Builder> mediaFactory) {
        CommandLine cl = new CommandLine(new DiscardCommand(console, runFactory, terminal, mediaFactory));
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

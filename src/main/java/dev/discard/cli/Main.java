package dev.discard.cli;

import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import dev.discard.media.MediaJob;
import dev.discard.media.MediaSettings;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Entry point of {@code java -jar discard.jar}. The streams and environment are constructor arguments so tests run
 * the whole CLI in-process; only {@link #main} calls {@link System#exit}.
 */
public final class Main {
    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> env;
    private final Function<ArchiveSettings, ArchiveRun> runFactory;
    private final Terminal terminal;
    private final Function<MediaSettings, MediaJob.Builder> mediaFactory;

    public Main(PrintStream out, PrintStream err, Map<String, String> env) {
        this(out, err, env::get, settings -> ArchiveRun.builder(settings).build());
    }

    /** For tests and embedding: {@code runFactory} builds each run, e.g. with a fixed clock and ident. */
    public Main(PrintStream out, PrintStream err, Function<String, String> env,
            Function<ArchiveSettings, ArchiveRun> runFactory) {
        this(out, err, env, runFactory, Terminal.none(Path.of("")), MediaJob::builder);
    }

    /**
     * For tests and embedding: also the terminal (standard input, whether a person is there, the working directory)
     * and how each {@code media} job is configured.
     */
    public Main(PrintStream out, PrintStream err, Function<String, String> env,
            Function<ArchiveSettings, ArchiveRun> runFactory, Terminal terminal,
            Function<MediaSettings, MediaJob.Builder> mediaFactory) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.runFactory = runFactory;
        this.terminal = terminal;
        this.mediaFactory = mediaFactory;
    }

    /** Runs one command line and returns its exit code (see {@link ExitCode}). */
    public int run(String... args) {
        return DiscardCommand.newCommandLine(out, err, env, runFactory, terminal, mediaFactory).execute(args);
    }

    public static void main(String... args) {
        Signals.install();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new Main(out, err, System::getenv, settings -> ArchiveRun.builder(settings).build(),
                Terminal.system(), MediaJob::builder).run(args));
    }
}

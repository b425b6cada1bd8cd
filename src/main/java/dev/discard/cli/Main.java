package dev.discard.cli;

import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import dev.discard.pictures.MediaJob;
import dev.discard.pictures.MediaSettings;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Entry point of {@code java -jar discard.jar}. The streams and environment are constructor arguments so tests run
 * the whole CLI in-process; only {@link #main} calls {@link System#exit}.
 */
public final class Main {
    /** Columns assumed when a terminal does not say (and COLUMNS is not set). */
    static final int DEFAULT_WIDTH = 80;

    private final Console console;
    private final Function<ArchiveSettings, ArchiveRun> runFactory;
    private final Terminal terminal;
    private final Function<MediaSettings, MediaJob.Builder> mediaFactory;

    /** Output to streams that are not a terminal: no progress bars, no control characters. */
    public Main(PrintStream out, PrintStream err, Map<String, String> env) {
        this(out, err, env::get, settings -> ArchiveRun.builder(settings).build());
    }

    /**
     * For tests and embedding, with streams that are not a terminal: {@code runFactory} builds each run, e.g. with a
     * fixed clock and ident; the console sets the run's listener.
     */
    public Main(PrintStream out, PrintStream err, Function<String, String> env,
            Function<ArchiveSettings, ArchiveRun> runFactory) {
        this(out, err, env, runFactory, false);
    }

    /**
     * As above; {@code terminal} says whether {@code out} is a terminal, which gets progress bars. Its width is the
     * COLUMNS variable of {@code env}, else {@value #DEFAULT_WIDTH}.
     */
    public Main(PrintStream out, PrintStream err, Function<String, String> env,
            Function<ArchiveSettings, ArchiveRun> runFactory, boolean terminal) {
        this(new Console(out, err, env, terminal, () -> columns(env)), runFactory, Terminal.none(Path.of("")),
                MediaJob::builder);
    }

    /**
     * For tests and embedding of {@code media}: the terminal it may prompt on (standard input, whether a person is
     * there, the working directory) and how each job is configured. Output is not a terminal.
     */
    public Main(PrintStream out, PrintStream err, Function<String, String> env,
            Function<ArchiveSettings, ArchiveRun> runFactory, Terminal terminal,
            Function<MediaSettings, MediaJob.Builder> mediaFactory) {
        this(new Console(out, err, env, false, () -> columns(env)), runFactory, terminal, mediaFactory);
    }

    private Main(Console console, Function<ArchiveSettings, ArchiveRun> runFactory, Terminal terminal,
            Function<MediaSettings, MediaJob.Builder> mediaFactory) {
        this.console = console;
        this.runFactory = runFactory;
        this.terminal = terminal;
        this.mediaFactory = mediaFactory;
    }

    /** Runs one command line and returns its exit code (see {@link ExitCode}). */
    public int run(String... args) {
        return DiscardCommand.newCommandLine(console, runFactory, terminal, mediaFactory).execute(args);
    }

    public static void main(String... args) {
        Signals.install();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        // Java 17: a console exists when stdin and stdout are both terminals; cron, pipes and files have none.
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        IntSupplier width = terminal ? TerminalWidth.ofSystemTerminal(() -> columns(System::getenv)) : () -> DEFAULT_WIDTH;
        Console console = new Console(out, err, System::getenv, terminal, width);
        int code = new Main(console, settings -> ArchiveRun.builder(settings).build(), Terminal.system(),
                MediaJob::builder).run(args);
        // A signal stopped the work, which finished its files: say so as shells do, whatever the command returned.
        System.exit(Signals.exitCode().orElse(code));
    }

    /** The COLUMNS variable when it holds a sensible width, else {@value #DEFAULT_WIDTH}. */
    static int columns(Function<String, String> env) {
        String columns = env.apply("COLUMNS");
        try {
            int width = columns == null ? 0 : Integer.parseInt(columns.strip());
            return width >= 20 ? width : DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }
}

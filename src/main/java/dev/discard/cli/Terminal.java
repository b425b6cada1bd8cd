package dev.discard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * What the process got besides its arguments and environment: standard input, whether a person is at a terminal, and
 * the working directory. Commands ask for missing values only when standard input is a terminal, and draw progress bars
 * only when standard output is one; tests hand in either answer.
 */
public final class Terminal {
    private final BufferedReader in;
    private final boolean inputIsTerminal;
    private final boolean outputIsTerminal;
    private final Path workingDir;
    private final int width;
    /** Whether secrets are read through the system console, without echo. */
    private final boolean systemConsole;

    /**
     * @param width columns for a progress bar, or -1 to ask the terminal
     */
    public Terminal(Reader in, boolean inputIsTerminal, boolean outputIsTerminal, Path workingDir, int width) {
        this(in, inputIsTerminal, outputIsTerminal, workingDir, width, false);
    }

    private Terminal(Reader in, boolean inputIsTerminal, boolean outputIsTerminal, Path workingDir, int width,
            boolean systemConsole) {
        this.systemConsole = systemConsole;
        this.in = in instanceof BufferedReader b ? b : new BufferedReader(in);
        this.inputIsTerminal = inputIsTerminal;
        this.outputIsTerminal = outputIsTerminal;
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.width = width;
    }

    /** No terminal at all, as under cron or in a pipeline: nothing to read, nothing to draw. */
    public static Terminal none(Path workingDir) {
        return new Terminal(Reader.nullReader(), false, false, workingDir, -1);
    }

    /** The process's own standard streams and working directory. */
    public static Terminal system() {
        boolean terminal = consoleIsTerminal();
        Charset charset = terminal ? System.console().charset() : Charset.defaultCharset();
        return new Terminal(new InputStreamReader(System.in, charset), terminal, terminal, Path.of(""), -1,
                terminal);
    }

    /**
     * Whether standard input and output are both terminals. Up to Java 21 {@link System#console()} exists only then;
     * from Java 22 it may exist without one and says so through {@code isTerminal()}.
     */
    private static boolean consoleIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    public boolean inputIsTerminal() {
        return inputIsTerminal;
    }

    public boolean outputIsTerminal() {
        return outputIsTerminal;
    }

    public Path workingDir() {
        return workingDir;
    }

    /** Columns for a progress bar, or -1 to ask the terminal. */
    int width() {
        return width;
    }

    /** The next line of standard input without its line break, or null at its end. */
    String readLine() throws IOException {
        return in.readLine();
    }

    /** Like {@link #readLine}, without echo when the system console can do that. */
    String readSecret() throws IOException {
        java.io.Console console = systemConsole ? System.console() : null;
        if (console != null) {
            char[] secret = console.readPassword();
            return secret == null ? null : new String(secret);
        }
        return readLine();
    }
}

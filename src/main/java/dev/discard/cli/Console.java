package dev.discard.cli;

import dev.discard.format.Scrubber;
import java.io.PrintStream;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The CLI's streams and environment. Every line that reaches the user passes through here, so the token can be
 * scrubbed from error lines in one place, and {@code --quiet} silences everything but errors in one place.
 */
final class Console {
    final PrintStream out;
    final PrintStream err;
    final Function<String, String> env;
    /** Whether {@link #out} is a terminal: progress bars and control characters are welcome there, nowhere else. */
    final boolean terminal;
    /** The terminal's width in columns; meaningful only when {@link #terminal}. */
    final IntSupplier width;
    /** Scrubs the token from error lines; scrubs nothing until a command has resolved the token. */
    private volatile Scrubber scrubber = Scrubber.of(null, false);
    private volatile boolean verbose;
    private volatile boolean quiet;

    Console(PrintStream out, PrintStream err, Function<String, String> env, boolean terminal, IntSupplier width) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.terminal = terminal;
        this.width = width;
    }

    /**
     * Sets what the command's options say about printing, in the one place that does: {@code --verbose},
     * {@code --quiet}, and the token to scrub from every line (none with {@code --no-scrub} or without a token).
     */
    void configure(SharedOptions options, String token) {
        verbose(options.verbose());
        quiet(options.quiet());
        secret(options.noScrub() || token == null || token.isBlank() ? null : token.strip());
    }

    /** The token to scrub from every line; null for none ({@code --no-scrub}). */
    void secret(String token) {
        this.scrubber = Scrubber.of(token, false);
    }

    void verbose(boolean verbose) {
        this.verbose = verbose;
    }

    boolean verbose() {
        return verbose;
    }

    void quiet(boolean quiet) {
        this.quiet = quiet;
    }

    boolean quiet() {
        return quiet;
    }

    /** Prints a line of the command's own output on stdout; nothing with {@code --quiet}. */
    void info(String line) {
        if (!quiet) out.println(line);
    }

    /** Prints {@code discard: <message>} on stderr, token scrubbed. */
    void error(String message) {
        err.println("discard: " + scrub(message));
    }

    String scrub(String text) {
        return scrubber.scrub(text);
    }
}

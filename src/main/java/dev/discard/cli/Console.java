package dev.discard.cli;

import java.io.PrintStream;
import java.util.function.Function;

/**
 * The CLI's streams and environment. Every line that reaches the user passes through here, so the token can be
 * scrubbed from error lines in one place.
 */
final class Console {
    final PrintStream out;
    final PrintStream err;
    final Function<String, String> env;
    /** The token to scrub from error lines; null until a command has resolved it. */
    private volatile String secret;
    private volatile boolean verbose;

    Console(PrintStream out, PrintStream err, Function<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    void secret(String token) {
        this.secret = token;
    }

    void verbose(boolean verbose) {
        this.verbose = verbose;
    }

    boolean verbose() {
        return verbose;
    }

    /** Prints {@code discard: <message>} on stderr, token scrubbed. */
    void error(String message) {
        err.println("discard: " + scrub(message));
    }

    String scrub(String text) {
        String s = secret;
        if (text == null || s == null || s.isEmpty()) return text;
        return text.replace(s, "[SCRUBBED]");
    }
}

package dev.discard.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr ({@code discard: …}) and an exit code.
 * The stack trace is shown only with {@code --verbose}, and is scrubbed of the token like every other line.
 */
final class FailureHandler implements IExecutionExceptionHandler {
    private final Console console;

    FailureHandler(Console console) {
        this.console = console;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (ex instanceof CommandLine.ParameterException pe) {
            return new UsageErrorHandler(console).handleParseException(pe, parseResult.originalArgs().toArray(String[]::new));
        }
        console.error(describe(ex));
        if (console.verbose()) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            console.err.print(console.scrub(trace.toString()));
        }
        return exitCodeOf(ex);
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof UsageException || ex instanceof CommandLine.ParameterException) return ExitCode.USAGE;
        return ExitCode.FAILED;
    }

    /** The message, or the exception's type where a library gave none. */
    static String describe(Throwable ex) {
        String message = ex.getMessage();
        if (message == null || message.isBlank()) {
            return ex.getClass().getSimpleName() + (ex.getCause() != null ? ": " + describe(ex.getCause()) : "");
        }
        return message;
    }
}

package dev.discard.read;

import java.nio.file.Path;

/**
 * One result of {@link Verifier}: a problem (the archive cannot be trusted as it is) or information. Immutable.
 *
 * @param severity whether it is a problem
 * @param file the file concerned
 * @param line the 1-based line, or 0 for the whole file
 * @param message what was found
 */
public record Finding(Severity severity, Path file, long line, String message) {
    public enum Severity {
        PROBLEM,
        INFO
    }

    public static Finding problem(RecordProblem p) {
        return new Finding(Severity.PROBLEM, p.file(), p.line(), p.message());
    }

    public static Finding problem(Path file, long line, String message) {
        return new Finding(Severity.PROBLEM, file, line, message);
    }

    public static Finding info(Path file, long line, String message) {
        return new Finding(Severity.INFO, file, line, message);
    }

    public boolean isProblem() {
        return severity == Severity.PROBLEM;
    }

    /** {@code file:line: message}; information is marked {@code info:}. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (isProblem() ? "" : "info: ") + message;
    }
}

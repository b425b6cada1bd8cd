package dev.discard.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Asks for what {@code discard media} is missing, with DiscordPicExtract's questions, when a person is at the terminal.
 * Without a terminal (cron, a pipeline) it never waits for input: a missing required value is a usage error with one
 * line that says what to pass.
 */
final class MediaPrompts {
    private final Console console;
    private final Terminal terminal;

    MediaPrompts(Console console, Terminal terminal) {
        this.console = console;
        this.terminal = terminal;
    }

    boolean interactive() {
        return terminal.inputIsTerminal();
    }

    /** A required secret, read without echo where possible. */
    String secret(String question, String missing) {
        return required(question, missing, true);
    }

    /** A required value. */
    String line(String question, String missing) {
        return required(question, missing, false);
    }

    /** An optional value: null when the answer is empty. */
    String optional(String question) {
        String answer = ask(question, false);
        return answer == null || answer.isBlank() ? null : answer.strip();
    }

    /** A whole number of days, 1 or more; an empty answer is {@code byDefault}. Asks again after a wrong answer. */
    Integer days(String question, int byDefault) {
        while (true) {
            String answer = ask(question, false);
            if (answer == null || answer.isBlank()) return byDefault;
            try {
                int days = Integer.parseInt(answer.strip());
                if (days >= 1) return days;
            } catch (NumberFormatException e) {
                // Asked again below.
            }
            console.out.println("Please enter a whole number of days, 1 or more.");
        }
    }

    private String required(String question, String missing, boolean secret) {
        if (!interactive()) throw new UsageException(missing);
        String answer = ask(question, secret);
        if (answer == null || answer.isBlank()) throw new UsageException(missing);
        return answer.strip();
    }

    private String ask(String question, boolean secret) {
        if (!interactive()) return null;
        console.out.print(question);
        console.out.flush();
        try {
            return secret ? terminal.readSecret() : terminal.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        }
    }
}

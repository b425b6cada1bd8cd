package dev.discard.cli;

/** A command line that parsed but cannot be run as given (no token, conflicting values); exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}

package dev.discard.cli;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers which signal ended the process, so the run's meta file can say "SIGINT" or "SIGTERM", and exits with
 * 128 + the signal's number as shells do (130, 143). The JVM's shutdown hooks then finish the files. Uses the JDK's
 * {@code sun.misc.Signal} (module jdk.unsupported); where it is missing the JVM's default handling stays.
 */
final class Signals {
    private static final AtomicReference<String> RECEIVED = new AtomicReference<>();

    private Signals() {}

    static void install() {
        handle("INT", ExitCode.INTERRUPTED);
        handle("TERM", ExitCode.TERMINATED);
    }

    /** The signal that started the shutdown, e.g. {@code SIGTERM}, or {@code shutdown} for any other reason. */
    static String reason() {
        String signal = RECEIVED.get();
        return signal != null ? signal : "shutdown";
    }

    private static void handle(String name, int exitCode) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                if (RECEIVED.compareAndSet(null, "SIG" + name)) {
                    // exit() from the handler thread runs the shutdown hooks, which wait for the files.
                    new Thread(() -> System.exit(exitCode), "discard-signal").start();
                }
            });
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // The signal is not available here (or is reserved): keep the JVM's own handling.
        }
    }
}

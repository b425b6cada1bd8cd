package dev.discard.cli;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ctrl-C and SIGTERM: remembers which signal came, so the run's meta file can say "SIGINT" or "SIGTERM", and stops the
 * command's work (the {@link ShutdownGuard} that is open), which finishes its files and returns; {@link Main#main}
 * then exits with 128 + the signal's number as shells do (130, 143). Nothing here calls {@code System.exit}: when no
 * work is open, the JVM's default handling of the signal ends the process. Uses the JDK's {@code sun.misc.Signal}
 * (module jdk.unsupported); where it is missing the JVM's default handling stays.
 */
final class Signals {
    private static final AtomicReference<String> RECEIVED = new AtomicReference<>();
    private static final AtomicReference<Integer> EXIT_CODE = new AtomicReference<>();
    /** The open guard's work, or null. */
    private static final AtomicReference<ShutdownGuard.Stoppable> WORK = new AtomicReference<>();

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

    /** 128 + the number of the signal that stopped the work, or empty when none came. */
    static OptionalInt exitCode() {
        Integer code = EXIT_CODE.get();
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /** While {@code work} runs, a signal stops it; {@link #done} ends that. */
    static void running(ShutdownGuard.Stoppable work) {
        WORK.set(work);
    }

    static void done(ShutdownGuard.Stoppable work) {
        WORK.compareAndSet(work, null);
    }

    private static void handle(String name, int exitCode) {
        try {
            sun.misc.Signal signal = new sun.misc.Signal(name);
            sun.misc.Signal.handle(signal, received -> {
                ShutdownGuard.Stoppable work = WORK.get();
                if (work == null) {
                    // Nothing to finish: let the JVM end the process as it would have without us.
                    sun.misc.Signal.handle(signal, sun.misc.SignalHandler.SIG_DFL);
                    sun.misc.Signal.raise(signal);
                    return;
                }
                if (RECEIVED.compareAndSet(null, "SIG" + name)) {
                    EXIT_CODE.set(exitCode);
                    // Off the signal thread: stopping waits for the work to finish its files.
                    new Thread(() -> {
                        try {
                            work.stop(ShutdownGuard.WAIT_MILLIS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, "discard-signal").start();
                }
            });
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // The signal is not available here (or is reserved): keep the JVM's own handling.
        }
    }
}

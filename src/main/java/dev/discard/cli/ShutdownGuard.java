package dev.discard.cli;

/**
 * While open, the work that Ctrl-C or SIGTERM ({@link Signals}) stops, and a shutdown hook that stops it when the JVM
 * exits for any other reason; either waits, at most {@link #WAIT_MILLIS}, for it to finish its files. Closing removes
 * both. One for every command that writes.
 */
final class ShutdownGuard implements AutoCloseable {
    /** How long the hook waits for the work to finish its files. */
    static final long WAIT_MILLIS = 10_000;

    /** What the hook stops: called once, from the hook's thread. */
    @FunctionalInterface
    interface Stoppable {
        void stop(long waitMillis) throws InterruptedException;
    }

    private final Thread hook;
    private final Stoppable work;

    private ShutdownGuard(Thread hook, Stoppable work) {
        this.hook = hook;
        this.work = work;
    }

    static ShutdownGuard install(Stoppable work) {
        Thread hook = new Thread(() -> {
            try {
                work.stop(WAIT_MILLIS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "discard-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Signals.running(work);
        return new ShutdownGuard(hook, work);
    }

    @Override
    public void close() {
        Signals.done(work);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting: the hook is running and finishes the files.
        }
    }
}

package dev.discard.cli;

/**
 * While open, a shutdown hook that stops the work on Ctrl-C or SIGTERM and waits, at most
 * {@link #WAIT_MILLIS}, for it to finish its files; closing removes the hook. One for every command that writes.
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

    private ShutdownGuard(Thread hook) {
        this.hook = hook;
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
        return new ShutdownGuard(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting: the hook is running and finishes the files.
        }
    }
}

package dev.discard.cli;

import java.io.IOException;
import java.util.function.IntSupplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The width of the terminal standard output is on, through JLine (which the progress bar library brings along).
 * Asking may start a process ({@code stty}), so the answer is kept for {@value #KEEP_MILLIS} ms: a resized window
 * is noticed within that time. Thread-safe.
 */
final class TerminalWidth implements IntSupplier {
    static final long KEEP_MILLIS = 2_000;

    private final Terminal terminal;
    private final IntSupplier fallback;
    private int width;
    /** When the terminal was last asked, in epoch ms; 0 before the first time. */
    private long askedAt;

    private TerminalWidth(Terminal terminal, IntSupplier fallback) {
        this.terminal = terminal;
        this.fallback = fallback;
    }

    /**
     * The system terminal's width, or {@code fallback} where JLine cannot tell. JLine installs no signal handlers
     * here, so Ctrl-C and SIGTERM keep discard's own handling.
     */
    static IntSupplier ofSystemTerminal(IntSupplier fallback) {
        try {
            Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).nativeSignals(false).build();
            return new TerminalWidth(terminal, fallback);
        } catch (IOException | RuntimeException | LinkageError e) {
            return fallback;
        }
    }

    @Override
    public synchronized int getAsInt() {
        long now = System.currentTimeMillis();
        if (now - askedAt >= KEEP_MILLIS) {
            int asked;
            try {
                asked = terminal.getWidth();
            } catch (RuntimeException e) {
                asked = 0;
            }
            width = asked >= 20 ? asked : fallback.getAsInt();
            askedAt = now;
        }
        return width;
    }
}

package dev.discard.cli;

import java.io.PrintStream;
import java.util.function.IntSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;

/**
 * Draws a progress bar across the terminal's width, asked at every redraw so a resized window is followed. The
 * library's own guess asks JLine for the width of a terminal it opens itself, which a wrapped standard output is not:
 * the bar then came out one character wide, or cut at 80 columns.
 */
final class TerminalBarConsumer extends ConsoleProgressBarConsumer {
    /** Below this the bar has no room for its numbers; drawing on anyway beats drawing nothing. */
    private static final int MIN_WIDTH = 20;

    private final IntSupplier width;

    TerminalBarConsumer(PrintStream out, IntSupplier width) {
        super(out);
        this.width = width;
    }

    /** One column short of the width: a line that fills the last column wraps on some terminals. */
    @Override
    public int getMaxRenderedLength() {
        return Math.max(MIN_WIDTH, width.getAsInt() - 1);
    }
}

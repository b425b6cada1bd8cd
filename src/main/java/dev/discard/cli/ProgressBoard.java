package dev.discard.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * The bottom of a terminal, where the progress bars of the channels being archived are drawn, one line each, below
 * the lines already printed. The progress bar library renders each bar into its {@link Slot}; the board redraws all
 * of them at once, so bars of parallel channels and lines printed between them never overwrite each other. Only ANSI
 * cursor movement and line erasing are used.
 *
 * <p>Thread-safe: bars render on the library's timer thread, lines come from channel threads. Never wait for a bar
 * (closing one renders it a last time, on the timer thread) while holding the board's lock.
 */
final class ProgressBoard {
    private static final String UP = "\u001b[%dA";
    private static final String ERASE_LINE = "\u001b[2K";
    private static final String ERASE_BELOW = "\u001b[J";
    /** Narrower than this, a bar is not worth drawing: the terminal gets the bar anyway, cut by the library. */
    private static final int MIN_WIDTH = 20;

    private final PrintStream out;
    private final IntSupplier width;
    /** Guarded by this. */
    private final List<Slot> slots = new ArrayList<>();
    /** Bar lines on the screen above the cursor. Guarded by this. */
    private int drawn;

    ProgressBoard(PrintStream out, IntSupplier width) {
        this.out = out;
        this.width = width;
    }

    /** A new bar's place, at the bottom; nothing shows until the library renders into it. */
    synchronized Slot add() {
        Slot slot = new Slot();
        slots.add(slot);
        return slot;
    }

    /** Prints a line above the bars. */
    synchronized void line(String line) {
        redraw(line);
    }

    /** Takes a bar away and prints its channel's line where the bars begin. */
    synchronized void replace(Slot slot, String line) {
        slots.remove(slot);
        redraw(line);
    }

    /** Takes every bar away; the printed lines stay. */
    synchronized void clear() {
        slots.clear();
        redraw(null);
    }

    /** Rewrites the bars in place, a new line above them first if one is given. Holds the lock. */
    private void redraw(String line) {
        StringBuilder screen = new StringBuilder("\r");
        if (drawn > 0) screen.append(String.format(UP, drawn));
        if (line != null) screen.append(ERASE_LINE).append(line).append('\n');
        int bars = 0;
        for (Slot slot : slots) {
            if (slot.rendered == null) continue;
            screen.append(ERASE_LINE).append(slot.rendered).append('\n');
            bars++;
        }
        screen.append(ERASE_BELOW);
        drawn = bars;
        out.print(screen);
        out.flush();
    }

    /** One bar's line, as the library last rendered it. */
    final class Slot implements ProgressBarConsumer {
        /** Null until the first rendering. Guarded by the board. */
        private String rendered;

        @Override
        public int getMaxRenderedLength() {
            // One column short of the width: a line that fills the last column would wrap on some terminals.
            return Math.max(MIN_WIDTH, width.getAsInt() - 1);
        }

        @Override
        public void accept(String rendered) {
            synchronized (ProgressBoard.this) {
                if (!slots.contains(this)) return;
                this.rendered = rendered;
                redraw(null);
            }
        }

        @Override
        public void close() {
            // The board takes the line away with replace() or clear().
        }
    }
}

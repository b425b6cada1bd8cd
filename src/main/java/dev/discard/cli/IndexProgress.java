package dev.discard.cli;

import dev.discard.index.IndexListener;
import dev.discard.read.RecordProblem;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows {@code discard index} at work: on a terminal a bar of the log files to read, with the messages read and their
 * rate; elsewhere, and with {@code -q}, nothing but the damaged lines, one a line on stderr.
 */
final class IndexProgress implements IndexListener, AutoCloseable {
    /** Erases the terminal line the bar is drawn on, so a problem line does not run into it. */
    private static final String CLEAR_LINE = "\r\u001b[2K";

    private final Console console;
    private final boolean draw;
    private final long startNanos = System.nanoTime();
    private ProgressBar bar;
    private long problems;

    IndexProgress(Console console, boolean quiet) {
        this.console = console;
        this.draw = console.terminal && !quiet;
    }

    @Override
    public void planned(int files, int toRead) {
        if (!draw || toRead == 0) return;
        bar = new ProgressBarBuilder()
                .setTaskName("Indexing")
                .setInitialMax(toRead)
                .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                .setUnit(" files", 1)
                .hideEta()
                .setUpdateIntervalMillis(250)
                .setConsumer(new TerminalBarConsumer(console.out, console.width))
                .build();
    }

    @Override
    public void reading(Path file) {
        if (bar != null && bar.getCurrent() < bar.getMax()) bar.step();
    }

    @Override
    public void progress(long messages) {
        if (bar == null) return;
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        // Short enough that the bar's text fits 80 columns whole: the library cuts the line, not its own text.
        bar.setExtraMessage(" " + RunReport.number(messages) + " msgs, " + RunReport.number(Math.round(messages / seconds))
                + "/s");
    }

    @Override
    public void problem(RecordProblem problem) {
        problems++;
        if (bar != null) {
            console.out.print(CLEAR_LINE);
            console.out.flush();
        }
        console.error(problem.toString());
    }

    long problems() {
        return problems;
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}

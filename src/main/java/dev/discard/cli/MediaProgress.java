package dev.discard.cli;

import dev.discard.media.MediaRef;
import dev.discard.pictures.ExtractListener;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows {@code discard media} at work: on a terminal a progress bar on stdout (its total grows as pages of messages
 * are read); elsewhere nothing but the failures. Each failed image is one line on stderr with its message id and URL.
 */
final class MediaProgress implements ExtractListener, AutoCloseable {
    /** Erases the terminal line the bar is drawn on, so a failure line does not run into it. */
    private static final String CLEAR_LINE = "\r\u001b[2K";

    private final Console console;
    /** Null when stdout is not a terminal: then nothing is drawn, and no control character is written. */
    private final ProgressBarBuilder bar;
    private ProgressBar drawn;
    private long found;
    private long skipped;
    private long failed;

    private MediaProgress(Console console, ProgressBarBuilder bar) {
        this.console = console;
        this.bar = bar;
    }

    /** A bar when stdout is a terminal (the terminal's {@code width} columns, else the console's), else quiet. */
    static MediaProgress of(Console console, Terminal terminal) {
        if (!terminal.outputIsTerminal()) return new MediaProgress(console, null);
        IntSupplier width = terminal.width() > 0 ? terminal::width : console.width;
        ProgressBarBuilder bar = new ProgressBarBuilder()
                .setTaskName("Downloading")
                .setInitialMax(0)
                .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                .setUnit(" images", 1)
                .setUpdateIntervalMillis(250)
                .showSpeed()
                .setConsumer(new TerminalBarConsumer(console.out, width));
        return new MediaProgress(console, bar);
    }

    @Override
    public synchronized void found(int images) {
        found += images;
        if (bar == null) return;
        if (drawn == null) drawn = bar.build();
        drawn.maxHint(found);
    }

    @Override
    public synchronized void downloaded(MediaRef ref, Path file, long bytes) {
        step();
    }

    @Override
    public synchronized void skipped(MediaRef ref, Path file) {
        skipped++;
        step();
    }

    @Override
    public synchronized void failed(MediaRef ref, String error) {
        failed++;
        if (drawn != null) {
            console.out.print(CLEAR_LINE);
            console.out.flush();
        }
        console.error("message " + ref.messageId() + ": " + ref.key() + ": " + error);
        step();
    }

    private void step() {
        if (drawn == null) return;
        drawn.setExtraMessage(" " + skipped + " skipped, " + failed + " failed");
        drawn.step();
    }

    /** Draws the bar a last time, complete, and ends its line. */
    @Override
    public synchronized void close() {
        if (drawn != null) drawn.close();
        drawn = null;
    }

    /** {@code 3.4 MiB}: binary units, one decimal from KiB on. */
    static String bytes(long bytes) {
        if (bytes < 1024) return bytes + " B";
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}

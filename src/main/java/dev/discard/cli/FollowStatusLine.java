package dev.discard.cli;

import dev.discard.archive.FollowStatus;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The console's view of a following run: in a terminal one status line, redrawn every second (events per second,
 * messages created, edited and deleted, channels, the session's state, the time since the last event); elsewhere
 * one line when following starts. Nothing with {@code -q}.
 */
final class FollowStatusLine implements AutoCloseable {
    /** How often the terminal line is redrawn. */
    static final Duration REFRESH = Duration.ofSeconds(1);

    private final PrintStream out;
    private final boolean terminal;
    private final Clock clock;
    private volatile Thread refresher;
    private long lastEvents;
    private long lastNanos;

    FollowStatusLine(PrintStream out, boolean terminal, Clock clock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
    }

    void start(FollowStatus status) {
        if (!terminal) {
            out.println("Following " + RunReport.count(status.channels(), "channel") + " into " + status.runDirectory()
                    + "; stop with Ctrl-C or SIGTERM");
            return;
        }
        lastNanos = System.nanoTime();
        lastEvents = status.events();
        draw(status);
        Thread thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(REFRESH.toMillis());
                    draw(status);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "discard-follow-status");
        thread.setDaemon(true);
        refresher = thread;
        thread.start();
    }

    private synchronized void draw(FollowStatus status) {
        long now = System.nanoTime();
        long events = status.events();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        double rate = (events - lastEvents) / seconds;
        lastEvents = events;
        lastNanos = now;
        out.print("\r" + render(status, rate, clock.instant()) + "\u001b[K");
        out.flush();
    }

    /** The status line's text, e.g. {@code following: 2.5 events/s, 10 created, 1 edited, …}. */
    static String render(FollowStatus status, double eventsPerSecond, Instant now) {
        Instant last = status.lastEvent();
        String since = last == null ? "no event yet"
                : "last event " + Math.max(0, Duration.between(last, now).toSeconds()) + " s ago";
        return String.format(java.util.Locale.ROOT, "following: %.1f events/s, %d created, %d edited, %d deleted, %s,"
                + " %s%s, %s", eventsPerSecond, status.messagesCreated(), status.messagesEdited(),
                status.messagesDeleted(), RunReport.count(status.channels(), "channel"), status.session(),
                status.gaps() == 0 ? "" : " (" + RunReport.count(status.gaps(), "gap") + ")", since);
    }

    /** Stops redrawing and ends the line. Idempotent. */
    @Override
    public synchronized void close() {
        Thread thread = refresher;
        refresher = null;
        if (thread == null) return;
        thread.interrupt();
        out.println();
    }
}

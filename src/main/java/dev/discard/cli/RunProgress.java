package dev.discard.cli;

import dev.discard.archive.ArchiveListener;
import dev.discard.archive.ArchiveSettings;
import dev.discard.archive.ChannelResult;
import dev.discard.archive.RunPace;
import dev.discard.archive.RunResult;
import dev.discard.format.Snowflake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The console's view of an archive run: a line per channel as it finishes and, in a terminal, a progress bar for
 * each channel past {@value #BAR_AFTER_MESSAGES} messages while it is walked (as Discard's bar). A bar shows the share
 * of the channel's time range covered so far, in days (hours for short ranges), with the library's ETA, and the
 * messages archived and their rate. The range runs from {@code --after} or the channel's creation (the time of its
 * id), whichever is later, to {@code --before} or the time the channel started.
 *
 * <p>Each channel's line ends with the run's pace at that moment ({@link RunReport#pace}): channels done of those found
 * so far, the requests per second of all channels together and their share of the run's budget.
 *
 * <p>Called from every channel thread at once: state per channel lives in a concurrent map and each channel's entry
 * is touched by its own thread only; the terminal is the {@link ProgressBoard}'s.
 */
final class RunProgress implements ArchiveListener, AutoCloseable {
    static final long BAR_AFTER_MESSAGES = 1_000;
    private static final int TASK_NAME_WIDTH = 20;
    private static final long DAY = 86_400;
    private static final long HOUR = 3_600;

    private final Console console;
    private final Instant after;
    private final Instant before;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final long startNanos;
    /** Null unless bars are drawn: a terminal, and neither --quiet nor --verbose (whose log lines would tear them). */
    private final ProgressBoard board;
    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();
    /** The pace told before the last channel finished; null before the first. */
    private volatile RunPace pace;
    /** Null until the run follows, and with {@code -q}. */
    private volatile FollowStatusLine followLine;

    RunProgress(Console console, ArchiveSettings settings, Clock clock, LongSupplier nanoTime) {
        this.console = console;
        this.after = settings.after();
        this.before = settings.before();
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        boolean bars = console.terminal && !console.quiet() && !console.verbose();
        this.board = bars ? new ProgressBoard(console.out, console.width) : null;
    }

    /** Time since the run began. */
    Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
    }

    @Override
    public void channelStarted(long channelId, String name) {
        channelStarted(channelId, name, -1);
    }

    /** The range ends at the channel's last message when its object names one: the walk ends there, not now. */
    @Override
    public void channelStarted(long channelId, String name, long lastMessageId) {
        Instant created = Snowflake.instantOf(channelId);
        Instant from = after != null && after.isAfter(created) ? after : created;
        Instant to = before != null ? before : clock.instant();
        if (lastMessageId != -1) {
            Instant last = Snowflake.instantOf(lastMessageId);
            if (last.isBefore(to) && last.isAfter(from)) to = last;
        }
        channels.put(channelId, new Channel(name, nanoTime.getAsLong(), from, to));
    }

    @Override
    public void channelResumed(long channelId, long messages) {
        Channel channel = channels.get(channelId);
        if (channel != null) channel.before = messages;
    }

    @Override
    public void pageArchived(long channelId, long messages, String newestTimestamp) {
        Channel channel = channels.get(channelId);
        if (board == null || channel == null || messages <= BAR_AFTER_MESSAGES) return;
        long covered = channel.covered(newestTimestamp);
        if (channel.bar == null) channel.bar = bar(channel, covered);
        channel.bar.stepTo(covered);
        double seconds = Math.max(1e-3, (nanoTime.getAsLong() - channel.startNanos) / 1e9);
        channel.bar.setExtraMessage(" " + RunReport.count(messages, "message") + ", "
                + RunReport.number(Math.round((messages - channel.before) / seconds)) + "/s"
                + (newestTimestamp == null || newestTimestamp.length() < 10 ? "" : ", at " + newestTimestamp.substring(0, 10)));
    }

    @Override
    public void paced(RunPace pace) {
        this.pace = pace;
    }

    /** The pace told before the last channel finished; null when none did. */
    RunPace lastPace() {
        return pace;
    }

    @Override
    public void channelSkipped(long channelId, String name, String reason) {
        if (console.quiet()) return;
        String line = RunReport.name(channelId, name) + ": skipped: " + reason;
        if (board != null) board.line(line);
        else console.out.println(line);
    }

    @Override
    public void channelFinished(ChannelResult result) {
        Channel channel = channels.remove(result.channelId());
        Duration took = channel == null ? Duration.ZERO : Duration.ofNanos(nanoTime.getAsLong() - channel.startNanos);
        RunPace now = pace;
        String line = RunReport.channel(result, took) + (now == null ? "" : " " + RunReport.pace(now));
        if (channel != null && channel.bar != null) {
            channel.bar.close(); // renders once more on the library's thread: not under the board's lock
            if (!console.quiet()) board.replace(channel.slot, line);
            return;
        }
        if (console.quiet()) return;
        if (board != null) {
            board.line(line);
        } else {
            console.out.println(line);
        }
    }

    /** A following run: one status line instead of the channels' bars (a line when not a terminal). */
    @Override
    public void following(dev.discard.archive.FollowStatus status) {
        if (console.quiet()) return;
        if (board != null) board.clear();
        FollowStatusLine line = new FollowStatusLine(console.out, board != null, clock);
        followLine = line;
        line.start(status);
    }

    @Override
    public void runFinished(RunResult result) {
        close();
    }

    /** Takes down the bars of channels still walked (an interrupted run). Idempotent. */
    @Override
    public void close() {
        FollowStatusLine line = followLine;
        if (line != null) line.close();
        if (board == null) return;
        for (Channel channel : channels.values()) {
            if (channel.bar != null) channel.bar.close();
        }
        board.clear();
    }

    private ProgressBar bar(Channel channel, long covered) {
        long unit = channel.span() >= 3 * DAY ? DAY : HOUR;
        channel.slot = board.add();
        return new ProgressBarBuilder()
                .setTaskName(taskName(channel.name))
                .setInitialMax(channel.span())
                .setUnit(unit == DAY ? " days" : " h", unit)
                .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                // An ETA from snowflake time to now says nothing of how long the walk takes: messages are not even.
                .hideEta()
                .setConsumer(channel.slot)
                .startsFrom(covered, Duration.ofNanos(nanoTime.getAsLong() - channel.startNanos))
                .build();
    }

    private static String taskName(String name) {
        String task = name == null ? "(no name)" : "#" + name;
        return task.length() <= TASK_NAME_WIDTH ? task : task.substring(0, TASK_NAME_WIDTH - 1) + "…";
    }

    /** A channel being walked. Its own thread only, but for {@link #close} at the end of the run. */
    private static final class Channel {
        final String name;
        final long startNanos;
        final Instant from;
        final Instant to;
        /** Messages a resumed run held before this session: not part of its rate. */
        volatile long before;
        volatile ProgressBar bar;
        volatile ProgressBoard.Slot slot;

        Channel(String name, long startNanos, Instant from, Instant to) {
            this.name = name;
            this.startNanos = startNanos;
            this.from = from;
            this.to = to;
        }

        /** Seconds of the channel's range, at least one. */
        long span() {
            return Math.max(1, Duration.between(from, to).getSeconds());
        }

        /** Seconds of the range up to the newest message archived. */
        long covered(String newestTimestamp) {
            if (newestTimestamp == null) return 0;
            try {
                Instant newest = OffsetDateTime.parse(newestTimestamp).toInstant();
                return Math.max(0, Math.min(span(), Duration.between(from, newest).getSeconds()));
            } catch (DateTimeParseException e) {
                return 0;
            }
        }
    }
}

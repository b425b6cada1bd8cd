package dev.discard.cli;

import dev.discard.archive.ChannelResult;
import dev.discard.archive.RunPace;
import dev.discard.archive.RunResult;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The lines an archive run prints on stdout, terminal or not: one per channel as it finishes, one at the end.
 * Plain text without control characters, so cron mails and log files read them as they are.
 */
final class RunReport {
    private RunReport() {}

    /** What the archive says of a channel the run stopped in (Ctrl-C, SIGTERM): not Discord's refusal. */
    static final String INTERRUPTED = "interrupted";

    /**
     * {@code #general: 12,345 messages, 2019-03-01 → 2026-11-20, 41 s}; a failed channel ends with
     * {@code ; failed: <Discord's answer>}, one the run stopped in with {@code ; interrupted}.
     */
    static String channel(ChannelResult result, Duration took) {
        StringBuilder line = new StringBuilder(name(result.channelId(), result.name()))
                .append(": ").append(count(result.messages(), "message"));
        if (result.oldest() != null && result.newest() != null) {
            line.append(", ").append(day(result.oldest().timestamp())).append(" → ").append(day(result.newest().timestamp()));
        }
        line.append(", ").append(duration(took));
        if (INTERRUPTED.equals(result.error())) {
            line.append("; ").append(INTERRUPTED);
        } else if (result.refused()) {
            line.append("; skipped: Discord refused access (").append(result.error()).append(")");
        } else if (result.failed()) {
            line.append("; failed: ").append(result.error());
        }
        return line.toString();
    }

    /**
     * Two lines: {@code Archived 12,345 messages from 3 channels into out/…} ({@code from 2 channels (1 failed)} when
     * some failed), then
     * {@code 187 requests (2 answered 429), 1 error, 41 s}. The 429s were waited out and asked again; the errors are
     * the guilds and channels that failed.
     */
    static String summary(RunResult result, Duration took) {
        long failed = result.channelsFailed();
        return "Archived " + count(result.messages(), "message") + " from " + count(result.channels(), "channel")
                + (failed > 0 ? " (" + number(failed) + " failed)" : "")
                + " into " + result.runDirectory() + System.lineSeparator()
                + count(result.httpRequests(), "request") + " (" + number(result.rateLimited()) + " answered 429), "
                + count(result.failures().size(), "error") + ", " + duration(took);
    }

    /**
     * {@code [12/100 channels, 47.5 requests/s, 95% of 50/s]}: channels done of those found so far, the requests of the
     * last second, all channels together, and their share of the budget (left out without one).
     */
    static String pace(RunPace pace) {
        return "[" + number(pace.channelsDone()) + "/" + number(pace.channelsFound()) + " channels, "
                + rate(pace.perSecond()) + " requests/s" + share(pace.perSecond(), pace.budget()) + "]";
    }

    /**
     * The run's last line, printed with {@code --quiet} too: {@code Pace: 2,100 requests in 44 s, 47.7/s, 95% of
     * 50/s; 100/100 channels}: the requests of the whole run over its time, their share of the budget, and channels
     * done of those found.
     */
    static String pace(RunResult result, Duration took, int budget, long channelsFound) {
        double seconds = Math.max(1e-3, took.toNanos() / 1e9);
        double perSecond = result.httpRequests() / seconds;
        return "Pace: " + count(result.httpRequests(), "request") + " in " + duration(took) + ", " + rate(perSecond)
                + "/s" + share(perSecond, budget) + "; " + number(result.channels()) + "/"
                + number(Math.max(channelsFound, result.channels())) + " channels";
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    private static String share(double perSecond, double budget) {
        if (!(budget > 0)) return "";
        return ", " + Math.round(100 * perSecond / budget) + "% of " + Math.round(budget) + "/s";
    }

    /** {@code #general}, or {@code channel <id>} for a channel without a name (a DM). */
    static String name(long channelId, String name) {
        return name != null && !name.isEmpty() ? "#" + name : "channel " + channelId;
    }

    /** {@code 0.4 s}, {@code 41 s}, {@code 12 min 5 s}, {@code 2 h 3 min}. */
    static String duration(Duration d) {
        long millis = Math.max(0, d.toMillis());
        if (millis < 10_000) return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        long seconds = millis / 1000;
        if (seconds < 60) return seconds + " s";
        if (seconds < 3600) return seconds / 60 + " min " + seconds % 60 + " s";
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** {@code 1 message}, {@code 12,345 messages}. */
    static String count(long n, String noun) {
        return number(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code 12,345}. */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The UTC date of a timestamp as Discord writes it. */
    static String day(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp).atZoneSameInstant(ZoneOffset.UTC).toLocalDate().toString();
        } catch (DateTimeParseException | NullPointerException e) {
            return String.valueOf(timestamp);
        }
    }
}

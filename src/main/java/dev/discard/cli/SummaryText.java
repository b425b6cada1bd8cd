package dev.discard.cli;

import dev.discard.format.Timestamps;
import dev.discard.read.ArchiveSummary;
import dev.discard.read.CoverageGaps;
import dev.discard.read.RunDirectory;
import dev.discard.read.RunInfo;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** The readable form of {@code discard summary}: runs, then per guild and channel the messages and the gaps. */
final class SummaryText {
    private final PrintStream out;
    private final Path root;

    SummaryText(PrintStream out, Path root) {
        this.out = out;
        this.root = root;
    }

    void print(ArchiveSummary s) {
        out.println("Runs: " + s.runs().size() + " completed" + (s.skipped().isEmpty() ? ""
                : ", " + s.skipped().size() + " skipped (not completed or unreadable)"));
        for (ArchiveSummary.RunEntry run : s.runs()) {
            RunInfo info = run.info();
            out.println("  " + relative(info.directory()) + "  " + info.mode() + "  " + range(info) + "  "
                    + count(run.messages(), "message") + " in " + count(run.channels(), "channel")
                    + (info.python() ? "  (Python Discard " + info.clientVersion() + ")" : ""));
        }
        for (ArchiveSummary.GuildEntry guild : s.guilds()) {
            out.println(guildTitle(guild) + ": " + count(guild.channels().size(), "channel") + ", "
                    + count(guild.messages(), "message"));
            for (ArchiveSummary.ChannelEntry channel : guild.channels()) printChannel(channel);
        }
        out.println("Total: " + count(s.runs().size(), "run") + ", " + count(s.guilds().size(), "guild") + ", "
                + count(s.channels(), "channel") + ", " + count(s.messages(), "message") + ", "
                + count(s.gaps(), "gap") + (s.problems() > 0 ? ", " + count(s.problems(), "problem") : ""));
    }

    private void printChannel(ArchiveSummary.ChannelEntry c) {
        StringBuilder line = new StringBuilder("  #").append(c.name() != null ? c.name() : "(unknown name)")
                .append(" (id ").append(c.id()).append("): ").append(count(c.messages(), "message"))
                .append(" in ").append(count(c.runs(), "run"));
        if (c.oldest() != null) {
            line.append(", ").append(Timestamps.seconds(c.oldest())).append(" to ")
                    .append(Timestamps.seconds(c.newest()));
        }
        if (c.overlapping()) line.append(" (runs overlap: a message archived by two runs counts twice)");
        out.println(line);
        if (!c.live().isEmpty()) {
            out.println("    live: " + count(c.live().created(), "message") + " created, " + c.live().edited()
                    + " edited, " + c.live().deleted() + " deleted");
        }
        CoverageGaps coverage = c.coverage();
        if (coverage.coveredUntil() == null) {
            out.println("    never archived completely");
            return;
        }
        for (CoverageGaps.Range gap : coverage.gaps()) {
            out.println("    gap: " + (gap.from() == null ? "the beginning" : Timestamps.seconds(gap.from()))
                    + " to " + Timestamps.seconds(gap.to())
                    + (gap.from() == null ? "" : " (" + duration(gap.from(), gap.to()) + ")"));
        }
        out.println("    " + (coverage.gaps().isEmpty() ? "no gaps; " : "") + "archived until "
                + Timestamps.seconds(coverage.coveredUntil()));
    }

    private static String guildTitle(ArchiveSummary.GuildEntry g) {
        if (g.id().equals(RunDirectory.DIRECT_MESSAGES)) return "Direct messages (@me)";
        return "Guild " + (g.name() != null ? g.name() : "(unknown name)") + " (id " + g.id() + ")";
    }

    private String relative(Path dir) {
        Path rel = root.toAbsolutePath().normalize().relativize(dir.toAbsolutePath().normalize());
        return rel.toString().isEmpty() ? dir.getFileName().toString() : rel.toString();
    }

    static String range(RunInfo info) {
        if (info.after() == null) return "all history until " + Timestamps.seconds(info.coverageEnd());
        return Timestamps.seconds(info.after()) + " to " + Timestamps.seconds(info.coverageEnd());
    }

    /** {@code 3 days 4 hours}, {@code 5 hours 2 minutes}, {@code 12 minutes}, {@code 40 seconds}. */
    static String duration(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        if (d.toDays() > 0) return count(d.toDays(), "day") + (d.toHoursPart() > 0 ? " " + count(d.toHoursPart(), "hour") : "");
        if (d.toHours() > 0) return count(d.toHours(), "hour") + (d.toMinutesPart() > 0 ? " " + count(d.toMinutesPart(), "minute") : "");
        if (d.toMinutes() > 0) return count(d.toMinutes(), "minute");
        return count(d.toSeconds(), "second");
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

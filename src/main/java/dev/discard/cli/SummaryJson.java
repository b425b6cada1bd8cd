package dev.discard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.format.Timestamps;
import dev.discard.read.ArchiveSummary;
import dev.discard.read.CoverageGaps;
import dev.discard.read.RunInfo;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The machine-readable form of {@code discard summary}, documented in the README: one pretty JSON object with
 * {@code runs}, {@code skipped_runs}, {@code guilds} (with their channels, coverage and gaps) and {@code totals}.
 * Ids are strings, as Discord writes them; times are ISO 8601 UTC; null means "the beginning" or "none".
 */
final class SummaryJson {
    private final ObjectMapper mapper;

    SummaryJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void print(ArchiveSummary s, PrintStream out) throws java.io.IOException {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode runs = root.putArray("runs");
        for (ArchiveSummary.RunEntry run : s.runs()) {
            RunInfo info = run.info();
            ObjectNode r = runs.addObject();
            r.put("path", info.directory().toString());
            r.put("mode", info.mode());
            r.put("client", info.clientName() + " " + info.clientVersion());
            r.put("python_discard", info.python());
            r.put("datetime_start", Timestamps.isoCompact(info.start()));
            r.put("after", Timestamps.isoCompact(info.after()));
            r.put("before", Timestamps.isoCompact(info.before()));
            r.put("channels", run.channels());
            r.put("messages", run.messages());
        }
        ArrayNode skipped = root.putArray("skipped_runs");
        for (ArchiveSummary.SkippedRun run : s.skipped()) {
            skipped.addObject().put("path", run.directory().toString()).put("reason", run.reason());
        }
        ArrayNode guilds = root.putArray("guilds");
        for (ArchiveSummary.GuildEntry guild : s.guilds()) {
            ObjectNode g = guilds.addObject();
            g.put("id", guild.id());
            g.put("name", guild.name());
            g.put("messages", guild.messages());
            ArrayNode channels = g.putArray("channels");
            for (ArchiveSummary.ChannelEntry channel : guild.channels()) channel(channels.addObject(), channel);
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("runs", s.runs().size());
        totals.put("skipped_runs", s.skipped().size());
        totals.put("guilds", s.guilds().size());
        totals.put("channels", s.channels());
        totals.put("messages", s.messages());
        totals.put("gaps", s.gaps());
        totals.put("problems", s.problems());
        out.println(mapper.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
    }

    private static void channel(ObjectNode c, ArchiveSummary.ChannelEntry channel) {
        c.put("id", channel.id());
        c.put("name", channel.name());
        c.put("created", Timestamps.isoCompact(channel.created()));
        c.put("runs", channel.runs());
        c.put("messages", channel.messages());
        c.put("runs_overlap", channel.overlapping());
        ObjectNode live = c.putObject("live");
        live.put("created", channel.live().created());
        live.put("edited", channel.live().edited());
        live.put("deleted", channel.live().deleted());
        c.put("oldest_message", Timestamps.isoCompact(channel.oldest()));
        c.put("newest_message", Timestamps.isoCompact(channel.newest()));
        ArrayNode covered = c.putArray("covered");
        for (CoverageGaps.Range r : channel.coverage().covered()) range(covered.addObject(), r);
        c.put("covered_until", Timestamps.isoCompact(channel.coverage().coveredUntil()));
        ArrayNode gaps = c.putArray("gaps");
        for (CoverageGaps.Range r : channel.coverage().gaps()) {
            ObjectNode gap = gaps.addObject();
            range(gap, r);
            if (r.from() != null) gap.put("seconds", Duration.between(r.from(), r.to()).toSeconds());
            else gap.putNull("seconds");
        }
    }

    private static void range(ObjectNode node, CoverageGaps.Range r) {
        node.put("from", Timestamps.isoCompact(r.from()));
        node.put("to", Timestamps.isoCompact(r.to()));
    }
}

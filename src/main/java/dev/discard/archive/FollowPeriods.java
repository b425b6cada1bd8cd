package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.format.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Opens and closes the run directories of a rotated {@code --follow} run after its first: each starts at the cut of
 * the one before ({@code settings.after}), follows the same channels from where its closing pass left them, and is
 * closed at its own cut like a stopped run (closing pass, meta files, {@code completed}). The first is the run's own;
 * {@link ArchiveRun} closes the last.
 */
final class FollowPeriods implements Follower.Periods, Follower.PeriodCloser {
    /** What every period shares with the run: the settings and the things made once per run. */
    record Shared(ArchiveSettings settings, ArchiveContext first, Supplier<String> ident, MetaWriter metaWriter,
            java.time.Clock clock) {}

    private final Shared shared;

    FollowPeriods(Shared shared) {
        this.shared = shared;
    }

    @Override
    public RunPeriod open(Instant cut, RunPeriod previous) throws IOException {
        ArchiveSettings settings = shared.settings();
        ArchiveContext first = shared.first();
        String ident = shared.ident().get();
        RunLayout layout = RunLayout.create(settings.outputDir(), cut, settings.mode().wireName(), false, ident,
                settings.gzip());
        RunCounters counters = new RunCounters();
        RunMeta meta = previous.meta().next(cut, layout.name(), ident, counters, previous.layout().name());
        shared.metaWriter().create(layout.metaFile(RunFiles.RUN_LOG), meta.toJson());
        ArchiveContext context = new ArchiveContext(first.rest, first.mapper, layout, first.encoder,
                shared.metaWriter(), counters, new Range(cut, null), first.listener, first.pool, Map.of(),
                ResumeState.none(), false, first.media, settings.mode(), settings.ids());
        for (String guild : guildStems(previous)) copyGuildMeta(previous.layout(), layout, guild, first);
        ExchangeLog runLog = context.openLog(RunFiles.RUN_LOG);
        return new RunPeriod(layout, meta, context, runLog);
    }

    /** The closing pass of a period that was cut, its meta files, its logs finished. */
    @Override
    public void close(Follower.Closing closing) throws IOException, InterruptedException {
        RunPeriod period = closing.period();
        Instant cut = closing.cut();
        ArchiveContext context = period.context();
        new FollowWalks(context, context.followed).close(cut);
        // The next period pages on from what this closing pass paged.
        for (FollowedChannel channel : context.followed.all()) {
            closing.next().context().followed.advance(channel.id, channel.pagedAfter());
        }
        context.followLogs.releaseAll();
        period.meta().followEnded(cut, "rotated");
        period.meta().completed(shared.clock().instant());
        shared.metaWriter().replace(period.layout().metaFile(RunFiles.RUN_LOG), period.meta().toJson());
    }

    private static java.util.Set<String> guildStems(RunPeriod previous) {
        java.util.Set<String> stems = new java.util.TreeSet<>();
        for (FollowedChannel channel : previous.context().followed.all()) {
            if (!channel.guildStem.equals("@me")) stems.add(channel.guildStem);
        }
        return stems;
    }

    /** The new period's guild.meta.json names the guild as the last one did; its counts come at the cut. */
    private void copyGuildMeta(RunLayout from, RunLayout to, String guild, ArchiveContext first) throws IOException {
        Path previous = from.metaFile(guild + "/" + RunFiles.GUILD_LOG);
        ObjectNode meta = first.mapper.createObjectNode();
        if (Files.isRegularFile(previous)) {
            JsonNode old = first.mapper.readTree(previous.toFile());
            meta.set("guild", old.path("guild").deepCopy());
        } else {
            meta.putObject("guild").put("id", guild);
        }
        ObjectNode summary = meta.putObject("summary");
        summary.put("num_channels", 0);
        summary.put("num_messages", 0);
        summary.put("num_threads", 0);
        meta.putArray("channels_skipped");
        meta.putArray("channels_failed");
        meta.put("completed", true);
        shared.metaWriter().create(to.metaFile(guild + "/" + RunFiles.GUILD_LOG), meta);
    }
}

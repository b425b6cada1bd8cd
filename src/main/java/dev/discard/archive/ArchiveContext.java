package dev.discard.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.discord.DiscordRest;
import dev.discard.format.Snowflake;
import dev.discard.media.MediaArchiver;
import java.io.IOException;
import java.util.Map;

/** What every archiver of one run shares: the client, the run directory, the range, the totals, the listener. */
final class ArchiveContext {
    final DiscordRest rest;
    final ObjectMapper mapper;
    final RunLayout layout;
    final RecordEncoder encoder;
    final MetaWriter metaWriter;
    final RunCounters counters;
    final Range range;
    final ArchiveListener listener;
    final ChannelPool pool;
    /** Channel id → id to start after, for --incremental; empty otherwise. */
    final Map<Long, Long> startAfter;
    /** What the run being resumed holds; empty for a new run. */
    final ResumeState resume;
    final boolean resuming;
    /** Downloads the media of what is archived; null unless {@code --media}. */
    final MediaArchiver media;
    /** Invite codes fetched in this run, so each is fetched once whichever channel links it. */
    final java.util.Set<String> invitesSeen = InviteArchiver.newSeenSet();
    /** What the optional parts (pins, thread lists, invites) could not fetch, for the meta files. */
    final ExtraNotes notes = new ExtraNotes();

    ArchiveContext(DiscordRest rest, ObjectMapper mapper, RunLayout layout, RecordEncoder encoder,
            MetaWriter metaWriter, RunCounters counters, Range range, ArchiveListener listener, ChannelPool pool,
            Map<Long, Long> startAfter, ResumeState resume, boolean resuming, MediaArchiver media) {
        this.rest = rest;
        this.mapper = mapper;
        this.layout = layout;
        this.encoder = encoder;
        this.metaWriter = metaWriter;
        this.counters = counters;
        this.range = range;
        this.listener = listener;
        this.pool = pool;
        this.startAfter = Map.copyOf(startAfter);
        this.resume = resume;
        this.resuming = resuming;
        this.media = media;
    }

    /** Writes a meta file of the run: a new one, or a replacement when resuming. */
    void writeMeta(String stem, com.fasterxml.jackson.databind.JsonNode meta) throws IOException {
        metaWriter.write(layout.metaFile(stem), meta, resuming);
    }

    /** A channel the resumed run had finished: counted, not archived again. */
    ChannelResult doneBefore(long channelId) {
        ResumeState.Prior prior = resume.channel(channelId);
        if (prior == null || !prior.done()) return null;
        counters.channels.increment();
        counters.messages.add(prior.messages());
        return new ChannelResult(channelId, prior.name(), prior.guildStem(), prior.messages(), prior.oldest(),
                prior.newest(), null, 0);
    }

    /** {@code count} more channels or threads to archive: counted, and told to the listener. */
    void found(int count) {
        counters.channelsFound.add(count);
        listener.channelsFound(count);
    }

    /** How fast the run goes now. */
    RunPace pace() {
        dev.discard.discord.RateLimiter.Pace pace = rest.pace();
        return new RunPace(counters.channels.sum(), counters.channelsFound.sum(), counters.httpRequests.sum(),
                pace.perSecond(), pace.budget());
    }

    /** The id a channel's walk starts after: the range's start, or where earlier runs left off. */
    long startAfter(long channelId) {
        return Snowflake.max(range.afterId(), startAfter.getOrDefault(channelId, 0L));
    }

    /** Creates the log {@code <stem>.jsonl[.gz]}; it must not exist. */
    ExchangeLog openLog(String stem) throws IOException {
        return ExchangeLog.create(layout.logFile(stem), encoder, counters, metaWriter.files());
    }
}

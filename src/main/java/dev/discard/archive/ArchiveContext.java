package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.discord.DiscordRest;
import dev.discard.format.ChannelMeta;
import dev.discard.format.Snowflake;
import dev.discard.media.MediaArchiver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    /** With --follow, the logs kept open for live events; null otherwise. */
    final FollowLogs followLogs;
    /** With --follow, the channels followed; null otherwise. */
    final FollowedChannels followed;
    /** The account's user id once logged in, -1 before: tells its own messages from others'. */
    volatile long selfId = -1;

    ArchiveContext(DiscordRest rest, ObjectMapper mapper, RunLayout layout, RecordEncoder encoder,
            MetaWriter metaWriter, RunCounters counters, Range range, ArchiveListener listener, ChannelPool pool,
            Map<Long, Long> startAfter, ResumeState resume, boolean resuming, MediaArchiver media, Mode followMode,
            java.util.List<Long> followIds) {
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
        this.followLogs = followMode == null ? null : new FollowLogs(this::createLog);
        this.followed = followMode == null ? null : new FollowedChannels(followMode, followIds, this::startAfter);
    }

    /** Writes a meta file of the run: a new one, or a replacement when resuming. */
    void writeMeta(String stem, JsonNode meta) throws IOException {
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

    /**
     * The threads of a parent channel that the resumed run had finished, counted as {@link #doneBefore} counts a
     * channel (and found, for "channels done of total"): a finished parent is not listed again.
     */
    List<ChannelResult> doneThreads(long parentId) {
        List<ChannelResult> threads = new ArrayList<>();
        for (long threadId : resume.threadsOf(parentId)) {
            ChannelResult done = doneBefore(threadId);
            if (done == null) continue;
            counters.threads.increment();
            threads.add(done);
        }
        if (!threads.isEmpty()) found(threads.size());
        return threads;
    }

    /**
     * Marks a channel's meta file completed once its threads are archived too (see
     * {@link ChannelArchiver#archive(JsonNode, String, ExchangeLog, boolean)}; {@link ThreadArchiver} calls it when
     * the parent's last thread task ends); a channel that failed stays as it is.
     */
    void completeMeta(String stem) throws IOException {
        Path file = layout.metaFile(stem);
        JsonNode meta = mapper.readTree(file.toFile());
        if (!(meta instanceof ObjectNode object)
                || !meta.path(ChannelMeta.ERROR).isNull()) {
            return;
        }
        object.put(ChannelMeta.COMPLETED, true);
        metaWriter.replace(file, object);
    }

    /** The id a channel's walk starts after: the range's start, or where earlier runs left off. */
    long startAfter(long channelId) {
        return Snowflake.max(range.afterId(), startAfter.getOrDefault(channelId, 0L));
    }

    /**
     * Creates the log {@code <stem>.jsonl[.gz]}; it must not exist. With --follow, the log stays open for live
     * events: the same one is returned to every caller, and closing it leaves it open.
     */
    ExchangeLog openLog(String stem) throws IOException {
        return followLogs != null ? followLogs.open(stem) : createLog(stem);
    }

    private ExchangeLog createLog(String stem) throws IOException {
        return ExchangeLog.create(layout.logFile(stem), encoder, counters, metaWriter.files());
    }
}

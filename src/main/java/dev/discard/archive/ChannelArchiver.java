package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.ChannelType;
import dev.discard.discord.DiscordApiException;
import dev.discard.discord.MessagePages;
import dev.discard.discord.PageMessage;
import dev.discard.discord.UnexpectedResponseException;
import dev.discard.format.ChannelMeta.MessageRef;
import dev.discard.format.Snowflake;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archives one channel: its history oldest first within the run's range, paged as {@link MessagePages} describes,
 * and for every archived message the users of its reactions, the invites it links and (with --media) its media;
 * then its pins where there can be any ({@link #pinsNeeded}). Holds one page at a time, whatever the channel's length.
 */
final class ChannelArchiver {
    /**
     * run.log has a progress line for every this many pages of a channel: a hung or killed run shows where it was,
     * without a line for each of its requests (the archive records each of those).
     */
    static final int PROGRESS_PAGES = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ChannelArchiver.class);

    private final ArchiveContext context;
    private final ReactionArchiver reactions;
    private final InviteArchiver invites;
    private final PinArchiver pins;
    private final MessagePages pages;

    ChannelArchiver(ArchiveContext context) {
        this.context = context;
        this.reactions = new ReactionArchiver(context);
        this.invites = new InviteArchiver(context, context.invitesSeen);
        this.pins = new PinArchiver(context);
        // Media needs each message's tree; without --media no tree is made.
        this.pages = new MessagePages(context.rest, context.media != null ? context.mapper : null);
    }

    /**
     * Archives the channel's messages into {@code log} and writes its meta file.
     *
     * @param channel the channel object as Discord sent it
     * @param guildStem the guild id, or {@code @me}, naming the directory
     * @throws DiscordApiException only for 401 (the token stopped working); other refusals fail this channel alone
     */
    ChannelResult archive(JsonNode channel, String guildStem, ExchangeLog log) throws IOException, InterruptedException {
        return archive(channel, guildStem, log, false);
    }

    /**
     * As above; with {@code threadsFollow} the meta file says {@code completed: false} until the caller has archived
     * the channel's threads too ({@link ArchiveContext#completeMeta}), so that {@code --resume} skips a completed
     * channel whole, threads included, and goes on with one whose threads were cut short.
     */
    ChannelResult archive(JsonNode channel, String guildStem, ExchangeLog log, boolean threadsFollow)
            throws IOException, InterruptedException {
        long channelId = Ids.of(channel, "id");
        context.listener.channelStarted(channelId, Ids.text(channel, "name"), Ids.of(channel, "last_message_id"));
        LOG.info("channel {} ({}): archiving after id {}", channelId, Ids.text(channel, "name"),
                Snowflake.toString(context.startAfter(channelId)));
        Walk walk = new Walk();
        try {
            if (ChannelType.hasMessages(channel.path("type").asInt(-1))) {
                walk(channelId, guildStem, log, walk);
                walk.pinsListed = pinsNeeded(channel, walk);
                if (walk.pinsListed) walk.pins = pins.archive(channelId, guildStem, log);
            }
        } catch (DiscordApiException e) {
            if (e.tokenRefused()) {
                finish(channel, guildStem, walk, e.getMessage(), false);
                throw e;
            }
            return finish(channel, guildStem, walk, e.answer(), true, isRefusal(e));
        } catch (UnexpectedResponseException e) {
            return finish(channel, guildStem, walk, e.getMessage(), true);
        } catch (InterruptedException e) {
            finish(channel, guildStem, walk, "interrupted", false);
            throw e;
        } catch (IOException | RuntimeException e) {
            finish(channel, guildStem, walk, e.getMessage(), false);
            throw e;
        }
        return finish(channel, guildStem, walk, null, !threadsFollow);
    }

    /**
     * Whether the channel's pins list can hold anything the archive does not prove empty. A walk of the whole history
     * saw every message's {@code pinned} flag, and pins are messages of the channel: when none was pinned, the list is
     * empty. It is fetched when the run is ranged (pins outside the range), incremental or resumed (earlier messages
     * not seen in this walk), when the walk ended early, when a message was pinned or did not say, and when the
     * channel's {@code last_pin_timestamp} names a pin time (Discord: "when the last pinned message was pinned", null
     * or absent when none; a time with no pinned message seen means a pin changed during the run). See
     * https://discord.com/developers/docs/resources/channel#channel-object.
     */
    boolean pinsNeeded(JsonNode channel, Walk walk) {
        long channelId = Ids.of(channel, "id");
        boolean whole = context.range.after() == null && context.range.before() == null
                && context.startAfter(channelId) == 0 && context.resume.channel(channelId) == null;
        JsonNode lastPin = channel.get("last_pin_timestamp");
        boolean pinTime = lastPin != null && !lastPin.isNull() && !lastPin.asText("").isEmpty();
        return !whole || walk.warning != null || walk.pinnedOrUnknown || pinTime;
    }

    /**
     * 403 Missing Access (50001) or Missing Permissions (50013): the account may not read the channel (permissions
     * changed mid-run, a server that computes them differently, a member that could not be fetched).
     */
    static boolean isRefusal(DiscordApiException e) {
        Integer code = e.code();
        return e.status() == 403 && code != null && (code == 50001 || code == 50013);
    }

    private ChannelResult finish(JsonNode channel, String guildStem, Walk walk, String error, boolean finished)
            throws IOException {
        return finish(channel, guildStem, walk, error, finished, false);
    }

    /** Writes the channel's meta file, whatever happened; {@code finished} is false when the run stops here. */
    private ChannelResult finish(JsonNode channel, String guildStem, Walk walk, String error, boolean finished,
            boolean refused) throws IOException {
        long channelId = Ids.of(channel, "id");
        ChannelResult result = new ChannelResult(channelId, Ids.text(channel, "name"), guildStem, walk.messages,
                walk.oldest, walk.newest, error, walk.pins, refused);
        context.counters.channels.increment();
        if (result.failed()) context.counters.channelsFailed.increment();
        if (context.followed != null) context.followed.historyDone(channel, guildStem, result, walk.pinsListed);
        context.writeMeta(guildStem + "/" + channelId, ChannelMetaWriter.of(context.mapper, channel, result,
                new ChannelMetaWriter.History(walk.warning, walk.pageSize, walk.pinsListed), context.range, context.startAfter.get(channelId), finished));
        context.listener.paced(context.pace());
        context.listener.channelFinished(result);
        if (refused) {
            LOG.warn("channel {}: skipped, Discord refused access: {}", channelId, error);
        } else {
            LOG.info("channel {}: {} messages{}", channelId, walk.messages, error == null ? "" : "; stopped: " + error);
        }
        return result;
    }

    private void walk(long channelId, String guildStem, ExchangeLog log, Walk walk) throws IOException, InterruptedException {
        long after = context.startAfter(channelId);
        ResumeState.Prior prior = context.resume.channel(channelId);
        if (prior != null && !prior.done()) {
            // Resumed: the messages before the last recorded page are archived already; that page comes again.
            after = Snowflake.max(after, prior.after());
            walk.messages = prior.messages();
            walk.oldest = prior.oldest();
            walk.newest = prior.newest();
            context.counters.messages.add(prior.messages());
            context.listener.channelResumed(channelId, prior.messages());
        }
        MessagePages.Outcome outcome = pages.walk(channelId, after, context.range.beforeId(), log, messages -> {
            for (PageMessage message : messages) {
                long id = message.id();
                walk.add(id, message.timestamp());
                if (!Boolean.FALSE.equals(message.pinned())) walk.pinnedOrUnknown = true;
                if (message.authorId() != context.selfId) {
                    (message.hasContent() ? context.counters.othersWithContent : context.counters.othersWithoutContent)
                            .increment();
                }
                reactions.archive(channelId, id, message.reactions(), log);
                invites.archive(message, guildStem, log);
                if (context.media != null) context.media.message(channelId, message.tree(), log);
            }
            context.counters.messages.add(messages.size());
            String reached = walk.newest == null ? null : walk.newest.timestamp();
            context.listener.pageArchived(channelId, walk.messages, reached);
            if (++walk.pages % PROGRESS_PAGES == 0) {
                LOG.debug("channel {}: {} messages so far, the newest from {}", channelId, walk.messages, reached);
            }
        });
        walk.warning = outcome.warning();
        walk.pageSize = outcome.pageSize();
    }

    /** The walk's running summary. */
    static final class Walk {
        long pages;
        long messages;
        long pins;
        /** Whether the pins list was fetched; false when the walk proved it empty. */
        boolean pinsListed;
        /** Whether an archived message was pinned, or did not say. */
        boolean pinnedOrUnknown;
        /** The largest history page the server had shown when the walk ended; 0 when not walked. */
        int pageSize;
        MessageRef oldest;
        MessageRef newest;
        String warning;

        void add(long id, String timestamp) {
            boolean older = oldest == null || Snowflake.compare(id, oldest.id()) < 0;
            boolean newer = newest == null || Snowflake.compare(id, newest.id()) > 0;
            if (older || newer) {
                MessageRef ref = new MessageRef(id, timestamp);
                if (older) oldest = ref;
                if (newer) newest = ref;
            }
            messages++;
        }
    }
}

package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.discord.DiscordApiException;
import dev.discard.discord.MessagePages;
import dev.discard.discord.PageMessage;
import dev.discard.discord.UnexpectedResponseException;
import dev.discard.format.ChannelMeta;
import dev.discard.format.Snowflake;
import dev.discard.format.Timestamps;
import java.io.IOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST walks of a {@code --follow} run, each from the newest message the run's pages hold for a channel: the
 * backfill after a lost session (messages created while there was none), and the closing pass at the end, so that the
 * run's {@code http} records alone hold every message that still exists. Then each channel's meta file, with what
 * happened live and the gaps. Run thread.
 */
final class FollowWalks {
    /** What a gap's meta says of what could not be seen. */
    static final String GAP_UNKNOWN = "deletions and edits during the gap are unknown; messages created in it were"
            + " backfilled over REST";
    private static final Logger LOG = LoggerFactory.getLogger(FollowWalks.class);

    private final ArchiveContext context;
    private final FollowedChannels channels;
    private final MessagePages pages;
    private final ReactionArchiver reactions;
    private final InviteArchiver invites;

    FollowWalks(ArchiveContext context, FollowedChannels channels) {
        this.context = context;
        this.channels = channels;
        this.pages = new MessagePages(context.rest, context.media != null ? context.mapper : null);
        this.reactions = new ReactionArchiver(context);
        this.invites = new InviteArchiver(context, context.invitesSeen);
    }

    /** After a lost session: every followed channel from its newest paged message to now; the gap goes to its meta. */
    void backfill(Instant from, Instant to) throws IOException, InterruptedException {
        for (FollowedChannel channel : channels.all()) {
            if (channel.dropped() != null) continue;
            long[] fetched = {0};
            String error = walk(channel, Snowflake.MAX, fetched);
            channel.gap(new FollowedChannel.Gap(from, to, error == null, fetched[0], error));
        }
    }

    /** The closing pass: every followed channel up to {@code cut}, then every channel's meta file. */
    void close(Instant cut) throws IOException, InterruptedException {
        long cutId = Snowflake.of(cut);
        for (FollowedChannel channel : channels.all()) {
            if (channel.dropped() != null) continue;
            String error = walk(channel, cutId, new long[1]);
            if (error != null) channel.failed(error);
        }
        Range covered = new Range(context.range.after(), cut);
        java.util.Map<String, Long> guildMessages = new java.util.TreeMap<>();
        for (FollowedChannel channel : channels.all()) {
            context.metaWriter.replace(context.layout.metaFile(channel.stem()), meta(channel, covered));
            guildMessages.merge(channel.guildStem, channel.result().messages(), Long::sum);
        }
        for (var guild : guildMessages.entrySet()) updateGuildMeta(guild.getKey(), guild.getValue());
    }

    /**
     * The guild's meta counts what its channels' meta files count: the messages the later walks paged too, and the
     * channels and threads that appeared live.
     */
    private void updateGuildMeta(String guildStem, long messages) throws IOException {
        java.nio.file.Path file = context.layout.metaFile(guildStem + "/" + dev.discard.format.RunFiles.GUILD_LOG);
        if (!java.nio.file.Files.isRegularFile(file)) return;
        JsonNode meta = context.mapper.readTree(file.toFile());
        if (!(meta.path("summary") instanceof ObjectNode summary)) return;
        summary.put("num_messages", messages);
        long followed = channels.all().stream().filter(c -> c.guildStem.equals(guildStem)).count();
        summary.put("num_channels", followed - summary.path("num_threads").asLong(0));
        context.metaWriter.replace(file, meta);
    }

    /**
     * Pages a channel from its newest paged message up to {@code beforeId} into its log. Returns the error that
     * ended the walk, or null; a refusal of access drops the channel from the follow.
     */
    private String walk(FollowedChannel channel, long beforeId, long[] fetched)
            throws IOException, InterruptedException {
        ExchangeLog log = context.followLogs.open(channel.stem());
        try {
            pages.walk(channel.id, channel.pagedAfter(), beforeId, log, messages -> {
                for (PageMessage message : messages) {
                    // What the history walk records of each message, so the pages read as the history's do.
                    channel.paged(message.id(), message.timestamp());
                    reactions.archive(channel.id, message.id(), message.reactions(), log);
                    invites.archive(message, channel.guildStem, log);
                    if (context.media != null) context.media.message(channel.id, message.tree(), log);
                }
                fetched[0] += messages.size();
                context.counters.messages.add(messages.size());
            });
            return null;
        } catch (DiscordApiException e) {
            if (e.tokenRefused()) throw e;
            if (ChannelArchiver.isRefusal(e)) {
                channel.drop("Discord refused access: " + e.answer());
                LOG.warn("channel {}: no longer followed, Discord refused access: {}", channel.id, e.answer());
                return null;
            }
            return e.answer();
        } catch (UnexpectedResponseException e) {
            return e.getMessage();
        }
    }

    private JsonNode meta(FollowedChannel channel, Range covered) {
        JsonNode described = channel.channel();
        ObjectNode fallback = context.mapper.createObjectNode();
        Ids.put(fallback, "id", channel.id);
        if (!channel.guildStem.equals("@me")) fallback.put("guild_id", channel.guildStem);
        ObjectNode meta = ChannelMetaWriter.of(context.mapper, described != null ? described : fallback,
                channel.result(), new ChannelMetaWriter.History(null, context.rest.historyPageSize().shown(),
                        channel.pinsListed()), covered, context.startAfter.get(channel.id), true);
        long[] counts = channel.counts();
        ObjectNode live = meta.putObject(ChannelMeta.FOLLOW);
        live.put("num_messages_created", counts[0]);
        live.put("num_messages_edited", counts[1]);
        live.put("num_messages_deleted", counts[2]);
        live.put("num_reaction_events", counts[3]);
        live.put("num_other_events", counts[4]);
        if (channel.dropped() != null) live.put("dropped", channel.dropped());
        ArrayNode gaps = meta.putArray(ChannelMeta.GAPS);
        for (FollowedChannel.Gap gap : channel.gaps()) {
            ObjectNode g = gaps.addObject();
            g.put("from", Timestamps.isoMicros(gap.from()));
            g.put("to", Timestamps.isoMicros(gap.to()));
            g.put("backfilled", gap.backfilled());
            g.put("num_messages_backfilled", gap.messages());
            g.put("deletions", "unknown");
            g.put("note", GAP_UNKNOWN);
            if (gap.error() != null) g.put("error", gap.error());
        }
        return meta;
    }
}

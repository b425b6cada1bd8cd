package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.format.Snowflake;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The channels a {@code --follow} run follows, and which dispatches are about them: every channel and thread of the
 * followed guilds ({@code guild}), the given channels and their threads ({@code channel}), or the DMs ({@code dm}).
 * Channels join as the history archives them or as live events name them (a channel or thread created while
 * following). Thread-safe.
 */
final class FollowedChannels {
    private final Mode mode;
    /** The guild ids (guild mode) or channel ids (channel mode) the run was given. */
    private final Set<Long> given;
    private final ConcurrentHashMap<Long, FollowedChannel> channels = new ConcurrentHashMap<>();
    /** Where a channel first seen live starts its walks. */
    private final java.util.function.LongUnaryOperator startAfter;

    FollowedChannels(Mode mode, List<Long> ids, java.util.function.LongUnaryOperator startAfter) {
        this.mode = mode;
        this.given = Set.copyOf(ids);
        this.startAfter = startAfter;
    }

    /** Whether guild-level dispatches of this guild go into its {@code guild.jsonl}. */
    boolean followsGuild(long guildId) {
        return mode == Mode.GUILD && given.contains(guildId);
    }

    /**
     * The followed channel a dispatch is about, joining it when it is new to the run and in scope; null when the run
     * does not follow it.
     */
    FollowedChannel about(DispatchRoute route, String event, JsonNode d) {
        FollowedChannel known = channels.get(route.channelId());
        if (known != null) return known;
        if (!inScope(route, event, d)) return null;
        String stem = route.guildId() == -1 ? "@me" : Snowflake.toString(route.guildId());
        JsonNode channel = event.startsWith("CHANNEL_") || event.startsWith("THREAD_") && !event.contains("MEMBER")
                ? d : null;
        return channels.computeIfAbsent(route.channelId(),
                id -> new FollowedChannel(id, stem, channel, startAfter.applyAsLong(id)));
    }

    private boolean inScope(DispatchRoute route, String event, JsonNode d) {
        return switch (mode) {
            case GUILD -> given.contains(route.guildId());
            case CHANNEL -> given.contains(route.channelId())
                    || event.equals("THREAD_CREATE") && given.contains(Ids.of(d, "parent_id"));
            case DM -> route.guildId() == -1;
            case PROFILE -> false;
        };
    }

    /** The history archived a channel or thread: it is followed from the newest message its pages held. */
    void historyDone(JsonNode channel, String guildStem, ChannelResult result, boolean pinsListed) {
        long id = result.channelId();
        channels.computeIfAbsent(id, k -> new FollowedChannel(k, guildStem, channel, startAfter.applyAsLong(k)))
                .historyDone(channel, result, pinsListed);
    }

    /**
     * A channel followed in the period before a cut goes on in this one, its walks starting after the newest message
     * the closing pass before paged, not at the cut: a local clock ahead of Discord's would otherwise lose what was
     * posted with an id below the cut after that pass.
     */
    void carry(FollowedChannel before) {
        channels.putIfAbsent(before.id, new FollowedChannel(before.id, before.guildStem, before.channel(),
                before.pagedAfter()));
    }

    /** The channel's walks start after {@code pagedAfter} at the earliest. */
    void advance(long channelId, long pagedAfter) {
        FollowedChannel channel = channels.get(channelId);
        if (channel != null) channel.advance(pagedAfter);
    }

    /** Every channel the run followed, dropped ones included, in id order. */
    List<FollowedChannel> all() {
        List<FollowedChannel> list = new ArrayList<>(channels.values());
        list.sort((a, b) -> Snowflake.compare(a.id, b.id));
        return list;
    }

    int size() {
        return channels.size();
    }
}

package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a gateway dispatch is about, from its event name and data: the channel (or thread) whose log it belongs in, and
 * its guild. DESIGN.md, "Following a guild live": a dispatch about one channel or thread goes into that channel's log,
 * other guild dispatches into the guild's. Immutable.
 *
 * <p>The channel is {@code d.id} for the channel and thread events that carry the channel object or a thread member
 * ({@code CHANNEL_CREATE/UPDATE/DELETE}, {@code THREAD_CREATE/UPDATE/DELETE}, {@code THREAD_MEMBER(S)_UPDATE}), and
 * {@code d.channel_id} for the events about what is in a channel ({@code MESSAGE_*}, {@code CHANNEL_PINS_UPDATE},
 * {@code INVITE_*}, {@code WEBHOOKS_UPDATE}, {@code TYPING_START}). The guild is {@code d.guild_id}, or {@code d.id}
 * for {@code GUILD_CREATE/UPDATE/DELETE}; none for DMs.
 *
 * @param channelId the channel the dispatch is about, or -1 for a guild-level dispatch
 * @param guildId its guild, or -1 (DMs, or events without one)
 * @see <a href="https://discord.com/developers/docs/events/gateway-events#receive-events">Receive Events</a>
 */
record DispatchRoute(long channelId, long guildId) {
    static DispatchRoute of(String event, JsonNode d) {
        long guild = Ids.of(d, "guild_id");
        return switch (event) {
            case "GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE" -> new DispatchRoute(-1, Ids.of(d, "id"));
            case "CHANNEL_CREATE", "CHANNEL_UPDATE", "CHANNEL_DELETE", "THREAD_CREATE", "THREAD_UPDATE",
                    "THREAD_DELETE", "THREAD_MEMBER_UPDATE", "THREAD_MEMBERS_UPDATE" ->
                    new DispatchRoute(Ids.of(d, "id"), guild);
            default -> aboutChannelContent(event)
                    ? new DispatchRoute(Ids.of(d, "channel_id"), guild)
                    : new DispatchRoute(-1, guild);
        };
    }

    private static boolean aboutChannelContent(String event) {
        return event.startsWith("MESSAGE_") || event.equals("CHANNEL_PINS_UPDATE") || event.startsWith("INVITE_")
                || event.equals("WEBHOOKS_UPDATE") || event.equals("TYPING_START");
    }

    /** Whether the dispatch belongs in a channel's log. */
    boolean aboutChannel() {
        return channelId != -1;
    }
}

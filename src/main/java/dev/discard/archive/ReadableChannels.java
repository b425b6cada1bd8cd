package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.ChannelType;
import dev.discard.discord.Permissions;
import dev.discard.format.Snowflake;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which of a guild's channels a run archives: channels with a history whose computed permissions for the
 * account include VIEW_CHANNEL and READ_MESSAGE_HISTORY, and for a voice or stage channel CONNECT too (Discord denies
 * their text without it, as "Implicit Permissions" in https://discord.com/developers/docs/topics/permissions says).
 * Every other channel is listed with the reason, for {@code guild.meta.json}.
 */
final class ReadableChannels {
    static final long READ = Permissions.VIEW_CHANNEL | Permissions.READ_MESSAGE_HISTORY;

    /**
     * One channel's verdict. Immutable.
     *
     * @param channel the channel as Discord sent it
     * @param archive whether to archive it
     * @param reason why it is skipped, or a note on why it is tried anyway; null for plainly readable channels
     * @param permissions the account's computed permissions there; {@link Permissions#ALL} when unknown
     */
    record Decision(JsonNode channel, boolean archive, String reason, long permissions) {
        Decision(JsonNode channel, boolean archive, String reason) {
            this(channel, archive, reason, Permissions.ALL);
        }

        /** Whether it holds text the account may not read (a category or other channel without text is not that). */
        boolean unreadable() {
            return !archive && ChannelType.hasArchivedHistory(channel.path("type").asInt(-1));
        }
    }

    private ReadableChannels() {}

    /**
     * @param member the account's member object, or null when Discord would not give it: then every text channel is
     *     tried, and a refusal is recorded rather than guessed
     */
    static List<Decision> decide(long guildId, long userId, JsonNode guild, JsonNode channels, JsonNode roles,
            JsonNode member) {
        List<Long> memberRoles = memberRoles(member);
        long base = member == null ? 0 : basePermissions(guildId, userId, guild, roles, member);
        List<Decision> decisions = new ArrayList<>();
        for (JsonNode channel : channels) {
            int type = channel.path("type").asInt(-1);
            if (!ChannelType.hasArchivedHistory(type)) {
                decisions.add(new Decision(channel, false, "not a text channel (" + ChannelType.name(type) + ")"));
                continue;
            }
            if (member == null) {
                decisions.add(new Decision(channel, true, "permissions unknown (member not available): tried"));
                continue;
            }
            long allowed = Permissions.inChannel(base, guildId, userId, memberRoles,
                    channel.get("permission_overwrites"));
            if (!Permissions.has(allowed, Permissions.VIEW_CHANNEL)) {
                decisions.add(new Decision(channel, false, "no VIEW_CHANNEL permission"));
            } else if (needsConnect(type) && !Permissions.has(allowed, Permissions.CONNECT)) {
                decisions.add(new Decision(channel, false, "no CONNECT permission (needed to read a "
                        + ChannelType.name(type) + " channel's text)"));
            } else if (!Permissions.has(allowed, Permissions.READ_MESSAGE_HISTORY)) {
                decisions.add(new Decision(channel, false, "no READ_MESSAGE_HISTORY permission"));
            } else {
                decisions.add(new Decision(channel, true, null, allowed));
            }
        }
        return decisions;
    }

    /** The account's guild-wide permissions; {@link Permissions#ALL} when its member is unknown (try, record). */
    static long basePermissions(long guildId, long userId, JsonNode guild, JsonNode roles, JsonNode member) {
        if (member == null) return Permissions.ALL;
        return Permissions.base(guildId, roles, memberRoles(member), Ids.of(guild, "owner_id") == userId);
    }

    /** Voice (2) and stage (13) channels. */
    private static boolean needsConnect(int type) {
        return type == 2 || type == 13;
    }

    private static List<Long> memberRoles(JsonNode member) {
        List<Long> roles = new ArrayList<>();
        if (member != null) member.path("roles").forEach(r -> roles.add(parseId(r)));
        return roles;
    }

    private static long parseId(JsonNode id) {
        return Snowflake.parseOr(id.asText(), -1);
    }
}

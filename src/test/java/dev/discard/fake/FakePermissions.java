package dev.discard.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

/**
 * What the fake lets the account do in a channel, computed as Discord documents it ("Permission Overwrites" and
 * "Implicit Permissions" in https://discord.com/developers/docs/topics/permissions), written apart from the archiver's
 * own computation so the two can disagree: owner or ADMINISTRATOR may do everything; else @everyone's and the member's
 * roles' bits, then the channel's @everyone overwrite, the member's roles' overwrites together, the member's overwrite.
 * Without VIEW_CHANNEL a channel is hidden; a voice or stage channel without CONNECT denies its text too.
 */
final class FakePermissions {
    static final long ADMINISTRATOR = 1L << 3;
    static final long VIEW_CHANNEL = 1L << 10;
    static final long READ_MESSAGE_HISTORY = 1L << 16;
    static final long CONNECT = 1L << 20;

    private FakePermissions() {}

    /** The account's permissions in the channel; everything when the account is not a member (no rules to apply). */
    static long of(FakeGuild guild, FakeChannel channel, String userId) {
        JsonNode member = guild.members.get(Long.parseUnsignedLong(userId));
        if (member == null || userId.equals(guild.json.path("owner_id").asText())) return -1L;
        String everyone = guild.json.path("id").asText();
        Set<String> roles = new HashSet<>();
        member.path("roles").forEach(r -> roles.add(r.asText()));
        long bits = 0;
        for (JsonNode role : guild.json.path("roles")) {
            String id = role.path("id").asText();
            if (id.equals(everyone) || roles.contains(id)) bits |= bits(role.path("permissions"));
        }
        if ((bits & ADMINISTRATOR) != 0) return -1L;
        JsonNode overwrites = channel.json.path("permission_overwrites");
        for (JsonNode o : overwrites) {
            if (o.path("id").asText().equals(everyone)) bits = (bits & ~bits(o.path("deny"))) | bits(o.path("allow"));
        }
        long allow = 0;
        long deny = 0;
        for (JsonNode o : overwrites) {
            if (o.path("type").asInt() == 0 && roles.contains(o.path("id").asText())) {
                allow |= bits(o.path("allow"));
                deny |= bits(o.path("deny"));
            }
        }
        bits = (bits & ~deny) | allow;
        for (JsonNode o : overwrites) {
            if (o.path("type").asInt() == 1 && o.path("id").asText().equals(userId)) {
                bits = (bits & ~bits(o.path("deny"))) | bits(o.path("allow"));
            }
        }
        int type = channel.json.path("type").asInt();
        if ((type == 2 || type == 13) && (bits & CONNECT) == 0) bits &= ~(VIEW_CHANNEL | READ_MESSAGE_HISTORY);
        return bits;
    }

    static boolean has(long bits, long wanted) {
        return (bits & wanted) == wanted;
    }

    private static long bits(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? 0 : new BigInteger(value.asText()).longValue();
    }
}

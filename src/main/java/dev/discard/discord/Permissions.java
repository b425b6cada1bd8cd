package dev.discard.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.format.Snowflake;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Computes what a member may do in a channel, following "Permission Overwrites" in
 * https://discord.com/developers/docs/topics/permissions: the base permissions are the @everyone role's OR the
 * member's roles'; ADMINISTRATOR or ownership grants everything; then the channel's overwrites apply in order:
 * @everyone (deny, then allow), all the member's roles together (deny, then allow), the member itself (deny, then
 * allow). Permission sets are bit fields sent as decimal strings.
 */
public final class Permissions {
    public static final long ADMINISTRATOR = 1L << 3;
    public static final long MANAGE_WEBHOOKS = 1L << 29;
    public static final long MANAGE_THREADS = 1L << 34;
    public static final long VIEW_CHANNEL = 1L << 10;
    public static final long READ_MESSAGE_HISTORY = 1L << 16;
    public static final long CONNECT = 1L << 20;
    public static final long ALL = -1L;

    private Permissions() {}

    /**
     * The member's base permissions in the guild.
     *
     * @param guildId the guild's id, which is also the id of its @everyone role
     * @param roles the guild's roles as Discord sends them ({@code id}, {@code permissions})
     * @param memberRoleIds the ids of the member's roles
     * @param isOwner whether the member owns the guild
     */
    public static long base(long guildId, JsonNode roles, Collection<Long> memberRoleIds, boolean isOwner) {
        if (isOwner) return ALL;
        Set<Long> mine = new HashSet<>(memberRoleIds);
        long permissions = 0;
        for (JsonNode role : roles) {
            long id = id(role);
            if (id == guildId || mine.contains(id)) permissions |= bits(role.get("permissions"));
        }
        return (permissions & ADMINISTRATOR) != 0 ? ALL : permissions;
    }

    /** The member's permissions in a channel with the given {@code permission_overwrites}. */
    public static long inChannel(long base, long guildId, long memberId, Collection<Long> memberRoleIds,
            JsonNode overwrites) {
        if ((base & ADMINISTRATOR) != 0 || base == ALL) return ALL;
        if (overwrites == null || !overwrites.isArray()) return base;
        long permissions = base;
        JsonNode everyone = find(overwrites, guildId);
        if (everyone != null) permissions = apply(permissions, everyone);
        Set<Long> mine = new HashSet<>(memberRoleIds);
        long allow = 0;
        long deny = 0;
        for (JsonNode overwrite : overwrites) {
            long id = id(overwrite);
            if (id != guildId && mine.contains(id) && !isMemberOverwrite(overwrite)) {
                allow |= bits(overwrite.get("allow"));
                deny |= bits(overwrite.get("deny"));
            }
        }
        permissions = (permissions & ~deny) | allow;
        for (JsonNode overwrite : overwrites) {
            if (id(overwrite) == memberId && isMemberOverwrite(overwrite)) permissions = apply(permissions, overwrite);
        }
        return permissions;
    }

    public static boolean has(long permissions, long wanted) {
        return (permissions & wanted) == wanted;
    }

    private static long apply(long permissions, JsonNode overwrite) {
        return (permissions & ~bits(overwrite.get("deny"))) | bits(overwrite.get("allow"));
    }

    private static JsonNode find(JsonNode overwrites, long id) {
        for (JsonNode overwrite : overwrites) {
            if (id(overwrite) == id && !isMemberOverwrite(overwrite)) return overwrite;
        }
        return null;
    }

    /** Overwrite type 1 is a member, 0 a role; older payloads spelled it "member"/"role". */
    private static boolean isMemberOverwrite(JsonNode overwrite) {
        JsonNode type = overwrite.get("type");
        if (type == null) return false;
        return type.isNumber() ? type.intValue() == 1 : "member".equals(type.asText()) || "1".equals(type.asText());
    }

    private static long id(JsonNode node) {
        return Snowflake.of(node, "id");
    }

    /** A permission bit set: a decimal string (current API) or a number (older API versions). */
    static long bits(JsonNode value) {
        if (value == null || value.isNull()) return 0;
        if (value.isNumber()) return value.longValue();
        try {
            return new BigInteger(value.asText().strip()).longValue();
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

package dev.discard.discord.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.format.Snowflake;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a session keeps of READY: what it needs to resume, who is logged in, the guilds, and the application's flags.
 * Immutable; the JSON nodes are the ones parsed from the frame and must not be modified.
 *
 * @param sessionId the session to resume
 * @param resumeGatewayUrl where to resume, as Discord sent it; null when READY had none
 * @param user the user object of the account, as Discord sent it
 * @param guildIds the ids of the guilds READY listed, in its order
 * @param application the partial application ({@code id}, {@code flags}); missing for user accounts
 * @param ownMembers guild id → the account's own member there, from a user account's {@code merged_members} (one
 *     list per guild, in the order of {@code guilds}, the account's member first); empty for bots
 * @see <a href="https://discord.com/developers/docs/events/gateway-events#ready">Ready</a>
 */
public record ReadyInfo(
        String sessionId, String resumeGatewayUrl, JsonNode user, List<Long> guildIds, JsonNode application,
        Map<Long, JsonNode> ownMembers) {
    /** GATEWAY_MESSAGE_CONTENT: the app is verified for the MESSAGE_CONTENT intent. */
    public static final long GATEWAY_MESSAGE_CONTENT = 1 << 18;
    /** GATEWAY_MESSAGE_CONTENT_LIMITED: the MESSAGE_CONTENT intent is enabled on the Bot page (under 100 guilds). */
    public static final long GATEWAY_MESSAGE_CONTENT_LIMITED = 1 << 19;

    public ReadyInfo {
        guildIds = List.copyOf(guildIds);
        ownMembers = Map.copyOf(ownMembers);
    }

    /** Reads the fields from READY's {@code d}; missing fields become null, an empty list or a missing node. */
    static ReadyInfo of(JsonNode d) {
        List<Long> ids = new ArrayList<>();
        Map<Long, JsonNode> own = new HashMap<>();
        JsonNode merged = d.path("merged_members");
        int index = 0;
        for (JsonNode guild : d.path("guilds")) {
            long id = Snowflake.parseOr(guild.path("id").asText(), -1);
            if (id != -1) {
                ids.add(id);
                JsonNode member = merged.path(index).path(0);
                if (member.isObject()) own.put(id, member);
            }
            index++;
        }
        return new ReadyInfo(d.path("session_id").textValue(), d.path("resume_gateway_url").textValue(),
                d.path("user"), ids, d.path("application"), own);
    }

    /** The application's flags; 0 when READY had no application. */
    public long applicationFlags() {
        return application.path("flags").asLong(0);
    }

    /**
     * Whether the account sees message content: for a bot, its application has GATEWAY_MESSAGE_CONTENT or
     * GATEWAY_MESSAGE_CONTENT_LIMITED; for a user account (no application in READY), always.
     *
     * @see <a href="https://discord.com/developers/docs/resources/application#application-object-application-flags">
     *     Application Flags</a>
     */
    public boolean hasMessageContentIntent() {
        if (!application.isObject()) return true;
        return (applicationFlags() & (GATEWAY_MESSAGE_CONTENT | GATEWAY_MESSAGE_CONTENT_LIMITED)) != 0;
    }
}

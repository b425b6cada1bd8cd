package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.ApiRequest;
import dev.discard.discord.ApiResponse;
import dev.discard.discord.DiscordApiException;
import dev.discard.discord.ExchangeSink;
import java.io.IOException;

/**
 * Records a guild's members for {@code --members}: {@code GET /guilds/{id}/members?limit=1000&after=…} in user id
 * order until an empty page. Discord refuses the list without the GUILD_MEMBERS intent; the refusal is recorded and
 * reported, never fatal. See https://discord.com/developers/docs/resources/guild#list-guild-members.
 */
final class MemberArchiver {
    static final int PAGE = 1000;

    private final ArchiveContext context;

    MemberArchiver(ArchiveContext context) {
        this.context = context;
    }

    /** @return the members recorded, or -1 when Discord refused the list */
    long archive(long guildId, ExchangeSink log) throws IOException, InterruptedException {
        long after = 0;
        long members = 0;
        while (true) {
            ApiRequest request = ApiRequest.get("/guilds/" + guildId + "/members").param("limit", PAGE);
            if (after > 0) request = request.param("after", after);
            ApiResponse response = context.rest.get(request, log);
            if (response.status() == 401) throw new DiscordApiException("members", response);
            if (!response.isSuccessful() || !response.json().isArray()) return members == 0 ? -1 : members;
            JsonNode page = response.json();
            if (page.isEmpty()) break;
            long largest = after;
            for (JsonNode member : page) largest = Math.max(largest, Ids.of(member.path("user"), "id"));
            members += page.size();
            if (largest <= after) break;
            after = largest;
        }
        context.counters.members.add(members);
        return members;
    }
}

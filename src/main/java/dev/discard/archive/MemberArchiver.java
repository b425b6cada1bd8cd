package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.ApiRequest;
import dev.discard.discord.ApiResponse;
import dev.discard.discord.DiscordApiException;
import dev.discard.discord.ExchangeSink;
import dev.discard.discord.Routes;
import dev.discard.format.Snowflake;
import java.io.IOException;

/**
 * Records a guild's members for {@code --members}: {@code GET /guilds/{id}/members?limit=1000&after=…} in user id
 * order until an empty page, the first page with {@code after=0} (a compatible server answers 500 without it). Discord
 * refuses the list without the GUILD_MEMBERS intent; a refusal or an error is recorded and reported, never fatal.
 * See https://discord.com/developers/docs/resources/guild#list-guild-members.
 */
final class MemberArchiver {
    static final int PAGE = 1000;

    private final ArchiveContext context;

    MemberArchiver(ArchiveContext context) {
        this.context = context;
    }

    /**
     * What the list gave. Immutable.
     *
     * @param members members recorded, or -1 when none could be
     * @param note what went wrong and what to do, or null when the list was read to its end
     */
    record Outcome(long members, String note) {}

    Outcome archive(long guildId, ExchangeSink log) throws IOException, InterruptedException {
        long after = 0;
        long members = 0;
        while (true) {
            ApiRequest request = ApiRequest.get(Routes.members(guildId))
                    .param("limit", PAGE).param("after", Snowflake.number(after));
            ApiResponse response = context.rest.get(request, log);
            if (!response.isSuccessful() || !response.json().isArray()) {
                context.counters.members.add(members);
                return new Outcome(members == 0 ? -1 : members, note(response));
            }
            JsonNode page = response.json();
            if (page.isEmpty()) break;
            long largest = after;
            for (JsonNode member : page) largest = Snowflake.max(largest, Ids.of(member.path("user"), "id"));
            members += page.size();
            if (Snowflake.compare(largest, after) <= 0) break;
            after = largest;
        }
        context.counters.members.add(members);
        return new Outcome(members, null);
    }

    /** What the failed answer means for the user. */
    static String note(ApiResponse response) {
        String answer = new DiscordApiException("members", response).answer();
        if (response.status() == 403) {
            return "members: refused (" + answer + "); enable the SERVER MEMBERS intent for the bot in the Discord"
                    + " developer portal (Bot page), or give the account permission to list members";
        }
        if (response.status() == 404) return "members: not supported by this server (" + answer + ")";
        if (response.status() >= 500) return "members: the server failed (" + answer + ")";
        return "members: " + answer;
    }
}

package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.ApiResponse;
import dev.discard.discord.DiscordApiException;
import dev.discard.discord.ExchangeSink;
import dev.discard.discord.ListPages;
import dev.discard.discord.Routes;
import dev.discard.format.Snowflake;
import java.io.IOException;

/**
 * Records a guild's members for {@code --members}: {@code GET /guilds/{id}/members?limit=1000&after=…} in user id
 * order until a page brings no new id, the first page with {@code after=0} (a compatible server answers 500 without
 * it). The docs give every listed member a {@code user}; Spacebar sends the member's own {@code id} instead. Discord
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
        long[] members = {0};
        String[] failure = {null};
        ListPages.walk(context.rest, Routes.members(guildId), PAGE, "after", Snowflake.number(0), log,
                (response, cursor) -> {
                    if (!response.isSuccessful() || !response.json().isArray()) {
                        failure[0] = note(response);
                        return null;
                    }
                    JsonNode page = response.json();
                    if (page.isEmpty()) return null;
                    long after = ((Number) cursor).longValue();
                    long largest = after;
                    for (JsonNode member : page) {
                        long id = memberId(member);
                        // Only ids past the cursor are new: a server that ignores `after` repeats itself.
                        if (id == -1 || Snowflake.compare(id, after) <= 0) continue;
                        members[0]++;
                        largest = Snowflake.max(largest, id);
                    }
                    // A page that brings no new id ends the list, whatever the server does with `after`.
                    return Snowflake.compare(largest, after) <= 0 ? null : Snowflake.number(largest);
                });
        context.counters.members.add(members[0]);
        if (failure[0] != null) return new Outcome(members[0] == 0 ? -1 : members[0], failure[0]);
        return new Outcome(members[0], null);
    }

    /**
     * The member's user id: {@code user.id} as Discord sends it, else the member's own {@code id}, as Spacebar sends a
     * member without {@code user}; -1 when it has neither.
     */
    static long memberId(JsonNode member) {
        long id = Ids.of(member.path("user"), "id");
        return id != -1 ? id : Ids.of(member, "id");
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

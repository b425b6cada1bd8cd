package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.ApiRequest;
import dev.discard.discord.ApiResponse;
import dev.discard.discord.ExchangeSink;
import dev.discard.discord.PageMessage;
import dev.discard.discord.Routes;
import dev.discard.format.Snowflake;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fetches who reacted, for every reaction on a message: {@code GET /channels/{c}/messages/{m}/reactions/{emoji}},
 * 100 users a page in id order, paged with {@code after}; burst ("super") reactions separately with {@code type=1}.
 * A compatible server may answer in no order, with more users than asked or {@code after} ignored: users are counted
 * distinct, and paging stops when no new one comes.
 * See https://discord.com/developers/docs/resources/message#get-reactions.
 */
final class ReactionArchiver {
    static final int PAGE = 100;

    private final ArchiveContext context;

    ReactionArchiver(ArchiveContext context) {
        this.context = context;
    }

    void archive(long channelId, long messageId, List<PageMessage.Reaction> reactions, ExchangeSink log)
            throws IOException, InterruptedException {
        for (PageMessage.Reaction reaction : reactions) {
            String emoji = emojiPath(reaction.emojiId(), reaction.emojiName());
            if (emoji == null) continue;
            String path = Routes.reactions(channelId, messageId, emoji);
            if (reaction.normal() > 0) fetchUsers(ApiRequest.get(path), reaction.normal(), log);
            if (reaction.burst() > 0) fetchUsers(ApiRequest.get(path).param("type", 1), reaction.burst(), log);
        }
    }

    /**
     * Pages until as many distinct users as the count promised, an empty page, or a page that brings no new id (a
     * server that ignores {@code after} repeats itself). Pages are taken in any order and any size: the next page
     * starts after the largest id seen, and a user counts once however often it comes.
     */
    private void fetchUsers(ApiRequest base, long expected, ExchangeSink log) throws IOException, InterruptedException {
        long after = 0;
        Set<Long> seen = new HashSet<>();
        while (seen.size() < expected) {
            ApiRequest request = base.param("limit", PAGE);
            if (after != 0) request = request.param("after", Snowflake.number(after));
            ApiResponse response = context.rest.get(request, log);
            if (!response.isSuccessful()) {
                return; // Recorded; a reaction we may not list (emoji gone, 403) does not fail the channel.
            }
            JsonNode users = response.json();
            if (!users.isArray() || users.isEmpty()) return;
            int before = seen.size();
            for (JsonNode user : users) {
                long id = Ids.of(user, "id");
                if (id == -1) continue;
                seen.add(id);
                after = Snowflake.max(after, id);
            }
            context.counters.reactionUsers.add(seen.size() - before);
            if (seen.size() == before) return; // Nothing new: stop rather than loop.
        }
    }

    /** {@code name:id} for custom emoji, the character(s) for Unicode emoji; URL-encoded for the path. */
    static String emojiPath(String id, String name) {
        String value = id != null ? (name != null ? name : "_") + ":" + id : name;
        if (value == null || value.isEmpty()) return null;
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

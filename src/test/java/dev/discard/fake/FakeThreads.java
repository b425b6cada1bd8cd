package dev.discard.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;

/**
 * The thread routes of the fake, from "Threads" in the docs: active threads of a guild, public and private archived
 * threads of a channel newest archived first (paged by {@code before} = an archive timestamp, {@code has_more}), and
 * the joined private archived threads of a user (paged by {@code before} = a thread id).
 */
final class FakeThreads {
    private final FakeDiscord discord;

    FakeThreads(FakeDiscord discord) {
        this.discord = discord;
    }

    /** {@code GET /guilds/{id}/threads/active}: every unarchived thread the account can see. */
    MockResponse active(FakeGuild guild) {
        ObjectNode body = discord.mapper.createObjectNode();
        ArrayNode threads = body.putArray("threads");
        for (FakeChannel c : guild.channels.values()) {
            if (isThread(c) && !archived(c) && !c.hiddenFromBot) threads.add(c.json);
        }
        body.putArray("members");
        return discord.json(200, body);
    }

    /**
     * {@code GET /channels/{id}/threads/archived/(public|private)} and {@code …/users/@me/threads/archived/private}.
     *
     * @param kind "public", "private" or "joined"
     */
    MockResponse archived(FakeGuild guild, FakeChannel parent, String kind, HttpUrl url, boolean managesThreads) {
        if (kind.equals("private") && !managesThreads) return discord.error(403, 50013, "Missing Permissions");
        int limit = parseLimit(url.queryParameter("limit"), 50);
        String before = url.queryParameter("before");
        List<FakeChannel> matching = new ArrayList<>();
        for (FakeChannel c : guild.channels.values()) {
            if (!isThread(c) || !archived(c) || !parent.json.get("id").asText().equals(c.json.path("parent_id").asText())) {
                continue;
            }
            boolean isPrivate = c.json.path("type").asInt() == 12;
            if (kind.equals("public") == isPrivate) continue;
            if (kind.equals("joined") && !c.joined) continue;
            if (before != null) {
                boolean older = kind.equals("joined") ? c.id() < Long.parseLong(before)
                        : archiveTimestamp(c).compareTo(before) < 0;
                if (!older) continue;
            }
            matching.add(c);
        }
        Comparator<FakeChannel> order = kind.equals("joined") ? Comparator.comparingLong(FakeChannel::id).reversed()
                : Comparator.comparing(FakeThreads::archiveTimestamp).reversed();
        matching.sort(order);
        ObjectNode body = discord.mapper.createObjectNode();
        ArrayNode threads = body.putArray("threads");
        matching.stream().limit(limit).forEach(c -> threads.add(c.json));
        body.putArray("members");
        body.put("has_more", matching.size() > limit);
        return discord.json(200, body);
    }

    static boolean isThread(FakeChannel c) {
        int type = c.json.path("type").asInt();
        return type == 10 || type == 11 || type == 12;
    }

    static boolean archived(FakeChannel c) {
        return c.json.path("thread_metadata").path("archived").asBoolean(false);
    }

    static String archiveTimestamp(FakeChannel c) {
        return c.json.path("thread_metadata").path("archive_timestamp").asText();
    }

    private static int parseLimit(String value, int byDefault) {
        try {
            return value == null ? byDefault : Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return byDefault;
        }
    }

    /** Makes {@code channel} a thread of {@code parent}, archived at {@code archivedAt} or active when null. */
    static void makeThread(FakeChannel channel, FakeChannel parent, String archivedAt, String createdAt) {
        channel.json.put("parent_id", parent.json.get("id").asText());
        channel.json.put("owner_id", "700000000000000099");
        channel.json.put("message_count", 0);
        channel.json.put("member_count", 1);
        ObjectNode meta = channel.json.putObject("thread_metadata");
        meta.put("archived", archivedAt != null);
        meta.put("auto_archive_duration", 1440);
        meta.put("archive_timestamp", archivedAt != null ? archivedAt : createdAt);
        meta.put("locked", false);
        meta.put("create_timestamp", createdAt);
    }
}

package dev.discard.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.format.Snowflake;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a channel's history oldest first between two message ids, 100 messages a page, with
 * {@code GET /channels/{id}/messages?limit=100&after=<id>}. Holds one page at a time, whatever the channel's length.
 *
 * <p>Discord answers {@code after} pages newest first, Discord-compatible servers (Spacebar) oldest first: each page is
 * sorted by id and the walk continues after the largest id seen. It ends on an empty page (a short page is not trusted
 * to be the last), at the first message at or past {@code beforeId}, or when the server ignores {@code after}.
 * See https://discord.com/developers/docs/resources/message#get-channel-messages.
 *
 * <p>The archiver and {@code discard media} both walk history with it.
 */
public final class MessagePages {
    public static final int PAGE = 100;

    private final DiscordRest rest;

    public MessagePages(DiscordRest rest) {
        this.rest = rest;
    }

    /** Receives each page's messages inside the range, sorted by id; the list may be empty. */
    @FunctionalInterface
    public interface PageHandler {
        void page(List<JsonNode> messages) throws IOException, InterruptedException;
    }

    /**
     * How a walk ended. Immutable.
     *
     * @param messages messages handed to the handler
     * @param warning why the walk stopped before an empty page or {@code beforeId}, or null
     */
    public record Outcome(long messages, String warning) {}

    /**
     * Walks the messages with {@code afterId < id < beforeId}, recording every request into {@code sink}.
     *
     * @throws DiscordApiException when Discord refuses a page (the pages before it were handled)
     */
    public Outcome walk(long channelId, long afterId, long beforeId, ExchangeSink sink, PageHandler handler)
            throws IOException, InterruptedException {
        String path = Routes.messages(channelId);
        long after = afterId;
        long count = 0;
        while (true) {
            ApiRequest request = ApiRequest.get(path).param("limit", PAGE).param("after", Snowflake.number(after));
            JsonNode page = rest.get(request, sink).require("channel " + channelId, true);
            if (page.isEmpty()) return new Outcome(count, null);
            List<JsonNode> sorted = new ArrayList<>(page.size());
            page.forEach(sorted::add);
            sorted.sort((a, b) -> Snowflake.compare(id(a), id(b)));
            List<JsonNode> inRange = new ArrayList<>(sorted.size());
            long largest = after;
            boolean pastBefore = false;
            for (JsonNode message : sorted) {
                long id = id(message);
                if (id == -1 || Snowflake.compare(id, after) <= 0) continue;
                largest = Snowflake.max(largest, id);
                if (Snowflake.compare(id, beforeId) >= 0) {
                    pastBefore = true;
                } else {
                    inRange.add(message);
                }
            }
            handler.page(inRange);
            count += inRange.size();
            if (pastBefore) return new Outcome(count, null);
            if (largest == after) {
                return new Outcome(count, "the server ignored after=" + Snowflake.toString(after) + " and repeated older messages; "
                        + "stopped there");
            }
            after = largest;
        }
    }

    /**
     * The message's id (a string in Discord's JSON, a number in old API versions), unsigned as {@link Snowflake}
     * says, or -1 (2^64 - 1, no real id) when it has none.
     */
    public static long id(JsonNode message) {
        JsonNode id = message.get("id");
        if (id == null) return -1;
        if (id.isIntegralNumber()) return id.bigIntegerValue().longValue();
        return Snowflake.parseOr(id.asText(), -1);
    }
}

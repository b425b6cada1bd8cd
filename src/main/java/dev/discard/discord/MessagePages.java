package dev.discard.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.Snowflake;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a channel's history oldest first between two message ids, 100 messages a page, with
 * {@code GET /channels/{id}/messages?limit=100&after=<id>}. Holds one page at a time, whatever the channel's length.
 *
 * <p>Discord answers {@code after} pages newest first, Discord-compatible servers (Spacebar) oldest first: each page is
 * sorted by id and the walk continues after the largest id seen. It ends on a page that {@link HistoryPageSize} says
 * is the last (empty, or short below the page size the server has shown), at the first message at or past
 * {@code beforeId}, or when the server ignores {@code after}. Every request costs time under the rate limits: on
 * Discord a channel of 250 messages takes three pages, not four. See
 * https://discord.com/developers/docs/resources/message#get-channel-messages.
 *
 * <p>The archiver and {@code discard media} both walk history with it. Each page is read once, as a stream, in the
 * pass that also decides how the archive records it ({@link JsonScan}); no tree of the page is made.
 */
public final class MessagePages {
    public static final int PAGE = 100;

    private final DiscordRest rest;
    private final MessagePageReader reader;
    private final HistoryPageSize pageSize;

    /** A walk that reads of each message what {@link PageMessage} holds, without its tree. */
    public MessagePages(DiscordRest rest) {
        this(rest, null);
    }

    /** @param trees when not null, each {@link PageMessage} also holds the message's tree, made with this mapper */
    public MessagePages(DiscordRest rest, ObjectMapper trees) {
        this.rest = rest;
        this.reader = new MessagePageReader(trees);
        this.pageSize = rest.historyPageSize();
    }

    /** Receives each page's messages inside the range, sorted by id; the list may be empty. */
    @FunctionalInterface
    public interface PageHandler {
        void page(List<PageMessage> messages) throws IOException, InterruptedException;
    }

    /**
     * How a walk ended. Immutable.
     *
     * @param messages messages handed to the handler
     * @param warning why the walk stopped before the history's last page or {@code beforeId}, or null
     * @param pageSize the largest page the server had shown when the walk ended (see {@link HistoryPageSize})
     */
    public record Outcome(long messages, String warning, int pageSize) {}

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
            String what = "channel " + channelId;
            ApiResponse response = rest.get(request, sink, reader);
            if (!response.isSuccessful()) throw new DiscordApiException(what, response);
            MessagePageReader.Page page = (MessagePageReader.Page) response.scanned();
            if (page == null || page.messages() == null) {
                throw ApiResponse.unexpected(what, true, page == null ? "no JSON" : page.shape(), response.status());
            }
            int size = page.messages().size();
            if (size == 0) return ended(count, null);
            List<PageMessage> sorted = new ArrayList<>(page.messages());
            sorted.sort((a, b) -> Snowflake.compare(a.id(), b.id()));
            List<PageMessage> inRange = new ArrayList<>(sorted.size());
            long largest = after;
            boolean pastBefore = false;
            for (PageMessage message : sorted) {
                long id = message.id();
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
            if (pastBefore) return ended(count, null);
            if (largest == after) {
                return ended(count, "the server ignored after=" + Snowflake.toString(after) + " and repeated older messages; "
                        + "stopped there");
            }
            if (pageSize.endsHistory(size, PAGE)) return ended(count, null);
            after = largest;
        }
    }

    private Outcome ended(long count, String warning) {
        return new Outcome(count, warning, pageSize.shown());
    }
}

package dev.discard.discord;

import java.io.IOException;
import java.util.Objects;

/**
 * Pages a list endpoint by a cursor (members by {@code after}, pins and archived threads by {@code before}): asks for
 * {@code limit} items from the cursor on, hands each answer to a {@link Page}, which says where the next page starts,
 * and stops when it says nowhere or the cursor would not move, so a server that repeats a page cannot loop forever.
 * The message history has its own walk ({@link MessagePages}): it sorts and reverses pages.
 */
public final class ListPages {
    /** What to do with one answer. */
    @FunctionalInterface
    public interface Page {
        /**
         * @param response the answer, whatever its status
         * @param cursor the cursor it was asked with, null for the first page when it has none
         * @return the cursor of the next page, or null to stop
         */
        Object next(ApiResponse response, Object cursor) throws IOException, InterruptedException;
    }

    private ListPages() {}

    /**
     * Walks the pages of {@code path}.
     *
     * @param cursorName the query parameter of the cursor, e.g. {@code after}
     * @param first the first page's cursor, or null to ask the first page without one
     */
    public static void walk(DiscordRest rest, String path, int limit, String cursorName, Object first,
            ExchangeSink sink, Page page) throws IOException, InterruptedException {
        Object cursor = first;
        while (true) {
            ApiRequest request = ApiRequest.get(path).param("limit", limit);
            if (cursor != null) request = request.param(cursorName, cursor);
            Object next = page.next(rest.get(request, sink), cursor);
            if (next == null || Objects.equals(next, cursor)) return;
            cursor = next;
        }
    }
}

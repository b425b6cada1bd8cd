package dev.discard.index;

import java.time.Instant;

/**
 * What to search for: an FTS5 query (words, "phrases", OR, prefix*) and filters; a null filter does not filter.
 * Immutable.
 *
 * @param text the FTS5 query over message text, attachment names and embed titles and descriptions, of every
 *     version; null for none
 * @param guild a guild id or name
 * @param channel a channel id or name ({@code general} or {@code #general})
 * @param author an author id, user name, display name or {@code name#discriminator}
 * @param after only messages sent after this instant
 * @param before only messages sent before this instant
 * @param limit at most this many hits
 * @param oldestFirst oldest hits first instead of newest first
 * @param deleted only messages known to be deleted
 * @param edited only messages with more than one version or an edited time
 */
public record SearchQuery(String text, String guild, String channel, String author, Instant after, Instant before,
        int limit, boolean oldestFirst, boolean deleted, boolean edited) {
    public static final int DEFAULT_LIMIT = 50;

    /** The text may be null or blank only with {@code deleted} or {@code edited}: then every such message matches. */
    public SearchQuery {
        if ((text == null || text.isBlank()) && !deleted && !edited) {
            throw new IllegalArgumentException("the query is empty");
        }
        if (text != null && text.isBlank()) text = null;
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1 but was " + limit);
    }

    /** A query of every message, deleted or not. */
    public SearchQuery(String text, String guild, String channel, String author, Instant after, Instant before,
            int limit, boolean oldestFirst) {
        this(text, guild, channel, author, after, before, limit, oldestFirst, false, false);
    }

    /** A query without filters, newest first. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, null, null, DEFAULT_LIMIT, false);
    }
}

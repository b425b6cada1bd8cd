package dev.discard.export;

import java.util.List;

/**
 * The export's front page: every guild with its channels and threads in Discord's order; {@code search} whether the
 * site has a search index (the page then shows a search box). Immutable.
 */
public record IndexPage(List<Guild> guilds, long messages, String generated, boolean search) {

    /** A guild and its channel list. */
    public record Guild(String id, String name, String iconSrc, List<Channel> channels) {}

    /**
     * A line of a guild's channel list.
     *
     * @param kind "category", "channel" or "thread"
     * @param href the channel's first page, null when no message of it was archived
     * @param first date of its oldest message, null when none
     * @param last date of its newest message, null when none
     */
    public record Channel(String kind, String name, String href, long messages, String first, String last) {}
}

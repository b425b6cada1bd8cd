package dev.discard.export;

import java.util.List;

/**
 * One page of a channel: at most the page size of messages, oldest first. Immutable.
 *
 * @param root the relative path from this page to the export's root, ending in a slash
 * @param guild the guild's name
 * @param channel the channel's name (a thread's name for a thread)
 * @param parent the parent channel of a thread, null for a channel
 * @param pager links to the other pages
 * @param deletedMessages how many of the channel's messages (on every page) the archive knows to be deleted
 * @param channelDeleted when and how the channel itself is known to be deleted; null when it is not
 * @param search whether the site has a search index (the page then shows a search box)
 */
public record ChannelPage(String root, String guild, String channel, Crumb parent, List<MessageView> messages,
        Pager pager, long deletedMessages, String channelDeleted, boolean search) {

    /** A link to another page with its label. */
    public record Crumb(String name, String href) {}

    /**
     * Links to the first, previous, next and last pages, null where there is none, and to the channel's dates.
     *
     * @param page 1-based number of this page
     */
    public record Pager(int page, int pages, String first, String previous, String next, String last,
            String dates) {}
}

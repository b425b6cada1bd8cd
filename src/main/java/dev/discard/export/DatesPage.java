package dev.discard.export;

import java.util.List;

/**
 * A channel's days with messages, each linked to its first message: the jump to a date; {@code search} whether the
 * site has a search index (the page then shows a search box). Immutable.
 */
public record DatesPage(String root, String guild, String channel, String firstPage, List<Day> days,
        boolean search) {

    /** A day (UTC) and the anchor of its first message. */
    public record Day(String date, String href, int page) {}
}

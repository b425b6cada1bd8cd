package dev.discard.export;

import java.time.Instant;
import java.util.List;

/**
 * Which messages {@code export json} and {@code export csv} write. Immutable.
 *
 * @param guilds guild ids or names; empty for every guild (and direct messages)
 * @param channels channel or thread ids or names; empty for every channel
 * @param after only messages sent after this time, null for no bound
 * @param before only messages sent before this time, null for no bound
 * @param history whether deleted messages and the earlier versions of edited ones are written too, marked
 */
public record ChatSelection(List<String> guilds, List<String> channels, Instant after, Instant before,
        boolean history) {
    public ChatSelection {
        guilds = List.copyOf(guilds);
        channels = List.copyOf(channels);
        if (after != null && before != null && !after.isBefore(before)) {
            throw new IllegalArgumentException("expected --after before --before but was " + after + " and "
                    + before);
        }
    }

    /** Every message of every channel, without history. */
    public static ChatSelection all() {
        return new ChatSelection(List.of(), List.of(), null, null, false);
    }
}

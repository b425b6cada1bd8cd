package dev.discard.archive;

import dev.discard.format.ChannelMeta.MessageRef;

/**
 * What archiving one channel gave. Immutable.
 *
 * @param channelId the channel
 * @param name its name, or null for DMs without one
 * @param guildStem the directory it was written to: the guild id, or {@code @me}
 * @param messages messages within the range
 * @param oldest the oldest archived message, or null when there were none
 * @param newest the newest archived message, or null
 * @param error why the channel failed (Discord's answer), or null when it completed
 * @param pins pinned messages recorded
 */
public record ChannelResult(long channelId, String name, String guildStem, long messages, MessageRef oldest,
        MessageRef newest, String error, long pins) {
    /** Whether Discord refused the channel's history, from the start or part-way: {@link #error} says how. */
    public boolean failed() {
        return error != null;
    }
}

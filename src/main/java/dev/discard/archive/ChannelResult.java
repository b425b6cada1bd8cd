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
 * @param refused whether {@link #error} is Discord refusing access (403 Missing Access or Missing Permissions): the
 *     channel is skipped, not failed, as one the permissions showed unreadable would be
 */
public record ChannelResult(long channelId, String name, String guildStem, long messages, MessageRef oldest,
        MessageRef newest, String error, long pins, boolean refused) {
    public ChannelResult(long channelId, String name, String guildStem, long messages, MessageRef oldest,
            MessageRef newest, String error, long pins) {
        this(channelId, name, guildStem, messages, oldest, newest, error, pins, false);
    }

    /**
     * Whether the channel was not archived for a reason the user must act on (an error that outlived the retries, a
     * body of the wrong shape): {@link #error} says how. A refusal of access is not a failure.
     */
    public boolean failed() {
        return error != null && !refused;
    }
}

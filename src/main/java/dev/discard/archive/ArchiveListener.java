package dev.discard.archive;

/**
 * Hears how a run progresses, for progress displays. Called on the archiving thread; implementations must be quick
 * and must not throw. Every method has a do-nothing default.
 */
public interface ArchiveListener {
    ArchiveListener NONE = new ArchiveListener() {};

    /** A channel's history is about to be walked. */
    default void channelStarted(long channelId, String name) {}

    /** A page was archived; {@code messages} counts this channel's messages so far. */
    default void pageArchived(long channelId, long messages, String newestTimestamp) {}

    /** A channel is done, failed or not. */
    default void channelFinished(ChannelResult result) {}
}

package dev.discard.archive;

import java.nio.file.Path;

/**
 * Hears how a run progresses, for progress displays. Every method has a do-nothing default, so an implementation
 * overrides only what it shows.
 *
 * <p>The channel methods are called on the thread archiving that channel; with {@code concurrency} above 1, several
 * channels call at the same time, so implementations must be thread-safe. They must be quick and must not throw:
 * the archive waits for them.
 */
public interface ArchiveListener {
    /** Hears nothing. */
    ArchiveListener NONE = new ArchiveListener() {};

    /** The run directory exists and {@code run.meta.json} was written; login comes next. Run thread. */
    default void runStarted(Path runDirectory) {}

    /**
     * A channel's history is about to be walked.
     *
     * @param name the channel's name, or null (a DM)
     */
    default void channelStarted(long channelId, String name) {}

    /**
     * How fast the run goes, just before each {@link #channelFinished}; from the channel's thread.
     */
    default void paced(RunPace pace) {}

    /**
     * {@code count} more channels or threads will be archived in this run (a guild's readable channels when its
     * channel list is read, each thread as its listing names it): the total of "channels done of total".
     */
    default void channelsFound(int count) {}

    /**
     * As {@link #channelStarted(long, String)}, with the id of the channel's last message as its channel object
     * gives it ({@code last_message_id}), or -1 when it has none: where the walk will end.
     */
    default void channelStarted(long channelId, String name, long lastMessageId) {
        channelStarted(channelId, name);
    }

    /**
     * A resumed run goes on with a channel that holds {@code messages} from before: the counts of
     * {@link #pageArchived} include them, the rate of this session does not.
     */
    default void channelResumed(long channelId, long messages) {}

    /**
     * A page was archived.
     *
     * @param messages this channel's messages within the range so far
     * @param newestTimestamp the timestamp of the newest of them as Discord wrote it
     *     ({@code 2021-02-01T14:35:33.216000+00:00}), or null while there are none
     */
    default void pageArchived(long channelId, long messages, String newestTimestamp) {}

    /**
     * A {@code --follow} run archived its range and now follows the gateway; {@code status} stays live until the run
     * ends. Run thread.
     */
    default void following(FollowStatus status) {}

    /**
     * A channel of a guild is not archived, for {@code reason} (the account may not read it); its guild's meta file
     * lists it under {@code channels_skipped} too.
     *
     * @param name the channel's name, or null
     */
    default void channelSkipped(long channelId, String name, String reason) {}

    /** A channel is done, failed or not; also when the run is interrupted while walking it. */
    default void channelFinished(ChannelResult result) {}

    /**
     * The run completed (some channels may have failed: {@link RunResult#failures()}); called just before
     * {@link ArchiveRun#run()} returns the same result. Not called when the run fails or is interrupted: then
     * {@code run()} throws. Run thread.
     */
    default void runFinished(RunResult result) {}
}

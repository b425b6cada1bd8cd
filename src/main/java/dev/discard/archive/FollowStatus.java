package dev.discard.archive;

import java.time.Instant;

/**
 * What a following run has recorded so far, read live by status displays from any thread. Counts are since the
 * follow began, over every run directory of a rotated run.
 */
public interface FollowStatus {
    /** Dispatches recorded into channel and guild logs. */
    long events();

    long messagesCreated();

    long messagesEdited();

    /** Messages deleted, one by one or in bulk. */
    long messagesDeleted();

    /** Channels and threads followed in the current run directory. */
    int channels();

    /** The gateway session's state: {@code connected}, {@code resuming}, {@code reconnecting}, … */
    String session();

    /** When the last dispatch arrived; null before any. */
    Instant lastEvent();

    /** Times without a session, each backfilled. */
    long gaps();

    /** The run directory being written. */
    java.nio.file.Path runDirectory();
}

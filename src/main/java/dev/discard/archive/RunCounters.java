package dev.discard.archive;

import java.util.concurrent.atomic.LongAdder;

/** The run's running totals, shared by every log and archiver of one run; they become the meta files' summary. */
final class RunCounters {
    final LongAdder httpRequests = new LongAdder();
    final LongAdder wsPackets = new LongAdder();
    final LongAdder messages = new LongAdder();
    final LongAdder reactionUsers = new LongAdder();
    final LongAdder channels = new LongAdder();
    /** Channels and threads found to archive, as guilds' channel lists and thread listings name them. */
    final LongAdder channelsFound = new LongAdder();
    final LongAdder channelsFailed = new LongAdder();
    final LongAdder guilds = new LongAdder();
    final LongAdder threads = new LongAdder();
    final LongAdder members = new LongAdder();
    final LongAdder pins = new LongAdder();
    final LongAdder invites = new LongAdder();
    /** Messages by others than the account with non-empty content, and with empty content (MESSAGE_CONTENT). */
    final LongAdder othersWithContent = new LongAdder();
    final LongAdder othersWithoutContent = new LongAdder();
    /** Answers of 429 Too Many Requests recorded; each was waited out before the request went again. */
    final LongAdder rateLimited = new LongAdder();
}

package dev.discard.discord.gateway;

/**
 * The highest sequence number recorded in one gateway session, shared by the connections that resume it, so a
 * dispatch Discord replays after a RESUME is recorded once however the connections raced: one that is not above the
 * mark was recorded already. A connection that identifies starts a new session, and a new mark. Safe to use from
 * several threads.
 *
 * @see <a href="https://discord.com/developers/docs/events/gateway#resuming">Resuming</a>
 */
final class SequenceMark {
    /** 0 before the session's first dispatch: Discord numbers dispatches from 1. */
    private long highest;

    /** Whether {@code s} is above every sequence seen so far in the session; if so it becomes the mark. */
    synchronized boolean advance(long s) {
        if (s <= highest) return false;
        highest = s;
        return true;
    }
}

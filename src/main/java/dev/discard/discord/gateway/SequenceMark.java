package dev.discard.discord.gateway;

/**
 * The highest sequence number recorded in one gateway session, shared by the connections that resume it, so a
 * dispatch Discord replays after a RESUME is recorded once however the connections raced: one that is not above the
 * mark was recorded already. READY starts a session's numbering again. Safe to use from several threads.
 *
 * @see <a href="https://discord.com/developers/docs/events/gateway#resuming">Resuming</a>
 */
final class SequenceMark {
    /** 0 before the session's first dispatch: Discord numbers dispatches from 1. */
    private long highest;

    /** READY with sequence {@code s}: a new session's numbering starts there. */
    synchronized void restart(long s) {
        highest = s;
    }

    /** Whether {@code s} is above every sequence seen so far in the session; if so it becomes the mark. */
    synchronized boolean advance(long s) {
        if (s <= highest) return false;
        highest = s;
        return true;
    }
}

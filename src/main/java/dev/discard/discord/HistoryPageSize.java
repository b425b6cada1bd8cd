package dev.discard.discord;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;

/**
 * What a server's history pages prove about their end. Discord answers {@code limit} messages whenever that many
 * remain, so a shorter page is the last. A Discord-compatible server may cap pages below the {@code limit} asked for
 * (50 when asked for 100): its short pages prove nothing until it has shown how large its pages get.
 *
 * <p>The rule: a page ends the history when it is empty, or shorter than both the {@code limit} asked for and the
 * largest page the server has sent (its {@link #shown}). A server never sends more than its cap, so the largest page
 * seen is at most the cap, and a page below it was not cut by the cap: it is all that was left. Learned across the
 * channels of a run (one server, one cap). Discord's own API starts at {@link MessagePages#PAGE}: it is known to honour
 * the limit. See https://discord.com/developers/docs/resources/message#get-channel-messages. Thread-safe.
 */
public final class HistoryPageSize {
    private final AtomicInteger shown;

    private HistoryPageSize(int shown) {
        this.shown = new AtomicInteger(shown);
    }

    /** A server known to answer the {@code limit} asked for (up to 100): Discord's API. */
    public static HistoryPageSize honoursLimit() {
        return new HistoryPageSize(MessagePages.PAGE);
    }

    /** A server whose page size is learned from the pages it sends. */
    public static HistoryPageSize learned() {
        return new HistoryPageSize(0);
    }

    /** Discord's own hosts (discord.com, discordapp.com and their subdomains) honour the limit; others are learned. */
    public static HistoryPageSize forServer(HttpUrl baseUrl) {
        String host = baseUrl.host().toLowerCase(Locale.ROOT);
        boolean discord = host.equals("discord.com") || host.endsWith(".discord.com") || host.equals("discordapp.com")
                || host.endsWith(".discordapp.com");
        return discord ? honoursLimit() : learned();
    }

    /**
     * Learns from a page of {@code size} messages asked for with {@code limit}, and says whether it is the history's last.
     */
    public boolean endsHistory(int size, int limit) {
        int before = shown.getAndAccumulate(size, Math::max);
        return size == 0 || (size < limit && size < before);
    }

    /** The largest page the server has sent (or is known to send); 0 before the first page of an unknown server. */
    public int shown() {
        return shown.get();
    }
}

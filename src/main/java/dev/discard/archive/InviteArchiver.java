package dev.discard.archive;

import dev.discard.discord.ApiRequest;
import dev.discard.discord.ApiResponse;
import dev.discard.discord.DiscordUnreachableException;
import dev.discard.discord.ExchangeSink;
import dev.discard.discord.PageMessage;
import dev.discard.discord.Routes;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records the invites that archived messages link to ({@code discord.gg/…}, {@code discord.com/invite/…}, and the
 * older {@code discordapp.com/invite/…}), each once per run, with counts and expiration:
 * {@code GET /invites/{code}?with_counts=true&with_expiration=true}, into the log of the channel where it was seen
 * first. An unknown or expired invite's 404 is recorded too: it says the invite was dead when archived. Any other
 * failure (a refusal, an error that outlived the retries, no answer) is recorded and noted, and the run goes on.
 */
final class InviteArchiver {
    /** Anchored on the literal host, so a scan of a message costs little more than an indexOf. */
    private static final Pattern INVITE = Pattern.compile(
            "(?i)(?<![a-z0-9-])discord(?:\\.gg|(?:app)?\\.com/invite)/([A-Za-z0-9-]{2,32})");

    private final ArchiveContext context;
    /** Codes fetched in this run, shared by all channels. */
    private final Set<String> seen;

    InviteArchiver(ArchiveContext context, Set<String> seen) {
        this.context = context;
        this.seen = seen;
    }

    static Set<String> newSeenSet() {
        return ConcurrentHashMap.newKeySet();
    }

    /**
     * Fetches the invites linked from this message that the run has not fetched yet.
     *
     * @param guildStem where a failure is noted
     */
    void archive(PageMessage message, String guildStem, ExchangeSink log) throws IOException, InterruptedException {
        for (String code : codes(message)) {
            if (!seen.add(code)) continue;
            ApiResponse response;
            try {
                response = context.rest.get(ApiRequest.get(Routes.invite(code))
                        .param("with_counts", true).param("with_expiration", true), log);
            } catch (DiscordUnreachableException e) {
                context.notes.add(guildStem, "invite " + code + ": " + e.getMessage());
                continue;
            }
            if (!response.isSuccessful() && response.status() != 404) {
                context.notes.add(guildStem, "invite " + code + ": " + ExtraNotes.answer(response));
            }
            context.counters.invites.increment();
        }
    }

    /** The invite codes in the message's content and its embeds' URLs, in order, each once. */
    static Set<String> codes(PageMessage message) {
        if (message.content() == null && message.embedUrls().isEmpty()) return Set.of(); // most messages: no set made
        Set<String> codes = new LinkedHashSet<>();
        if (message.content() != null) find(message.content(), codes);
        for (String url : message.embedUrls()) find(url, codes);
        return codes;
    }

    private static void find(String text, Set<String> codes) {
        // Every invite link has a slash; most messages have none, and skip the regex altogether.
        if (text.indexOf('/') < 0) return;
        Matcher m = INVITE.matcher(text);
        while (m.find()) codes.add(m.group(1));
    }
}

package dev.discard.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.discard.discord.PageMessage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InviteArchiverTest {
    private Set<String> codes(String content, String embedUrl) {
        PageMessage message = new PageMessage(1, null, content, embedUrl == null ? List.of() : List.of(embedUrl),
                List.of(), false, null);
        return InviteArchiver.codes(message);
    }

    @Test
    void findsEveryInviteFormOnceInOrder() {
        assertEquals(List.of("abc", "Def-9", "old1", "www2"), List.copyOf(codes("join https://discord.gg/abc!"
                + " or http://DISCORD.COM/invite/Def-9, discordapp.com/invite/old1 and https://www.discord.gg/www2;"
                + " again discord.gg/abc", null)));
    }

    @Test
    void readsEmbedUrlsAndIgnoresLookalikes() {
        assertEquals(List.of("fromEmbed"), List.copyOf(codes("no link here", "https://discord.gg/fromEmbed")));
        assertEquals(List.of(), List.copyOf(codes("discord.com/channels/1/2, notdiscord.gg/abc, discord.gg/x", null)));
    }
}

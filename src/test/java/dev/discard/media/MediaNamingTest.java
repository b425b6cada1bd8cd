package dev.discard.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link ImageNames} and {@link CdnUrls}: what a file is called and what a URL is known by. */
class MediaNamingTest {
    static final Instant T = Instant.parse("2024-01-15T14:30:25.250Z");

    @Test
    void namesCarryTheMessageTimeInUtc() {
        assertEquals("2024-01-15_14-30-25_signal.png", new ImageNames().next(T, "signal.png", "bin"));
        assertEquals("2024-01-15_14-30-25_image.webp", new ImageNames().next(T, "", "webp"));
        assertEquals("2024-01-15_14-30-25_noext.jpg", new ImageNames().next(T, "noext", "jpg"));
    }

    @Test
    void collisionsAreNumberedInOrderAndAgainTheSameWayOnTheNextRun() {
        for (int run = 0; run < 2; run++) {
            ImageNames names = new ImageNames();
            assertEquals(List.of("2024-01-15_14-30-25_a.png", "2024-01-15_14-30-25_A_2.png",
                    "2024-01-15_14-30-25_a_3.png", "2024-01-15_14-30-26_a.png"), Stream.of(
                            names.next(T, "a.png", "bin"), names.next(T, "A.png", "bin"),
                            names.next(T.plusMillis(700), "a.png", "bin"), names.next(T.plusSeconds(1), "a.png", "bin"))
                    .toList());
        }
    }

    @Test
    void aNumberedNameNeverMeetsAnOriginalOne() {
        ImageNames names = new ImageNames();
        assertEquals("2024-01-15_14-30-25_a_2.png", names.next(T, "a_2.png", "bin"));
        assertEquals("2024-01-15_14-30-25_a.png", names.next(T, "a.png", "bin"));
        assertEquals("2024-01-15_14-30-25_a_3.png", names.next(T, "a.png", "bin"));
    }

    @Test
    void theKeyOfASignedUrlHasNoSignature() {
        String signed = "https://cdn.discordapp.com/attachments/1012345678900020080/1234567891233211234/my_image.png"
                + "?ex=65d903de&is=65c68ede&hm=2481f30dd67f503f54d020ae3b5533b9987fae4e55f2b4e3926e08a3fa3ee24f&";
        assertTrue(CdnUrls.isSigned(signed));
        assertEquals("https://cdn.discordapp.com/attachments/1012345678900020080/1234567891233211234/my_image.png",
                CdnUrls.key(signed));
        assertEquals("https://media.discordapp.net/a.png?width=10", CdnUrls.key(
                "https://media.discordapp.net/a.png?ex=1&width=10&hm=2&is=3"));
        assertFalse(CdnUrls.isSigned("https://example.com/x.png?size=4096"));
        assertEquals("https://example.com/x.png?size=4096", CdnUrls.key("https://example.com/x.png?size=4096"));
        assertEquals("not a url", CdnUrls.key("not a url"));
    }

    @Test
    void imageEndpointsFollowTheDocumentation() {
        CdnUrls cdn = new CdnUrls(CdnUrls.DISCORD);
        assertEquals("https://cdn.discordapp.com/avatars/1/a_f00d.gif?size=4096", cdn.avatar("1", "a_f00d"));
        assertEquals("https://cdn.discordapp.com/icons/2/beef.png?size=4096", cdn.guildIcon("2", "beef"));
        assertEquals("https://cdn.discordapp.com/emojis/3.gif", cdn.emoji("3", true));
        assertEquals("https://cdn.discordapp.com/stickers/4.json", cdn.sticker("4", 3));
        assertEquals("https://cdn.discordapp.com/stickers/4.png", cdn.sticker("4", 2));
        assertEquals("https://cdn.discordapp.com/stickers/4.gif", cdn.sticker("4", 4));
    }
}

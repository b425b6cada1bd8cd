package dev.discard.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.format.SignedUrls;
import org.junit.jupiter.api.Test;

/** {@link CdnUrls} and {@link SignedUrls}: where an image is and what a URL is known by. */
class MediaNamingTest {
    @Test
    void theKeyOfASignedUrlHasNoSignature() {
        String signed = "https://cdn.discordapp.com/attachments/1012345678900020080/1234567891233211234/my_image.png"
                + "?ex=65d903de&is=65c68ede&hm=2481f30dd67f503f54d020ae3b5533b9987fae4e55f2b4e3926e08a3fa3ee24f&";
        assertTrue(SignedUrls.isSigned(signed));
        assertEquals("https://cdn.discordapp.com/attachments/1012345678900020080/1234567891233211234/my_image.png",
                SignedUrls.key(signed));
        assertEquals("https://media.discordapp.net/a.png?width=10", SignedUrls.key(
                "https://media.discordapp.net/a.png?ex=1&width=10&hm=2&is=3"));
        assertFalse(SignedUrls.isSigned("https://example.com/x.png?size=4096"));
        assertEquals("https://example.com/x.png?size=4096", SignedUrls.key("https://example.com/x.png?size=4096"));
        assertEquals("not a url", SignedUrls.key("not a url"));
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

package dev.discard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The values DiscordChatExporter writes that are not Discord's own, as its source has them. */
class DceFormatTest {
    @Test
    void timestampsAreUtcWithTheFractionsTrailingZerosDropped() {
        assertEquals("2021-02-01T12:00:00+00:00", DceFormat.timestamp("2021-02-01T12:00:00.000000+00:00"));
        assertEquals("2021-02-01T12:00:00.003+00:00", DceFormat.timestamp("2021-02-01T12:00:00.003000+00:00"));
        assertEquals("2021-02-01T12:00:00+00:00", DceFormat.timestamp("2021-02-01T12:00:00+00:00"));
        assertEquals("2021-02-01T11:00:00.5+00:00", DceFormat.timestamp("2021-02-01T12:00:00.5+01:00"));
        assertEquals("2021-02-01T12:00:00.1234567+00:00", DceFormat.timestamp("2021-02-01T12:00:00.12345678Z"));
        assertNull(DceFormat.timestamp("yesterday"));
        assertNull(DceFormat.timestamp((String) null));
    }

    @Test
    void namesOfTypesAndNumbersForTheRest() {
        assertEquals("Reply", DceFormat.messageKind(19));
        assertEquals("8", DceFormat.messageKind(8));
        assertEquals("GuildPublicThread", DceFormat.channelKind(11));
        assertEquals("Lottie", DceFormat.stickerFormat(3));
        assertEquals("Forward", DceFormat.referenceKind(1));
    }

    @Test
    void coloursDiscriminatorsAndDefaultAvatars() {
        assertEquals("#1ABC9C", DceFormat.colour(0x1abc9c));
        assertEquals("0000", DceFormat.discriminator("0"));
        assertEquals("0000", DceFormat.discriminator(null));
        assertEquals("0042", DceFormat.discriminator("42"));
        assertEquals("9433", DceFormat.discriminator("9433"));
        assertEquals("https://cdn.discordapp.com/embed/avatars/3.png", DceFormat.avatarUrl("1", null, "9433"));
        // New user names: (id >> 22) % 6.
        assertEquals("https://cdn.discordapp.com/embed/avatars/" + ((700000000000000099L >>> 22) % 6) + ".png",
                DceFormat.avatarUrl("700000000000000099", null, "0"));
        assertEquals("https://cdn.discordapp.com/avatars/1/a_b.gif?size=512", DceFormat.avatarUrl("1", "a_b", "0"));
        assertEquals("sanqui", DceFormat.fullName("sanqui", "0"));
        assertEquals("old#0001", DceFormat.fullName("old", "1"));
    }

    @Test
    void twemojiAddressesDropTheVariationSelectorUnlessJoined() {
        assertEquals("https://cdn.jsdelivr.net/gh/twitter/twemoji@latest/assets/svg/2764.svg",
                DceFormat.standardEmojiUrl("❤️"));
        assertEquals("https://cdn.jsdelivr.net/gh/twitter/twemoji@latest/assets/svg/1f3f3-fe0f-200d-1f308.svg",
                DceFormat.standardEmojiUrl("🏳️‍🌈"));
    }

    @Test
    void systemMessagesInThatToolsSentences() {
        assertEquals("Joined the server.", DceFormat.fallbackContent(7, "", null, false, null));
        assertEquals("Started a call that lasted 1,234 minutes.", DceFormat.fallbackContent(3, "", null, false,
                1234L));
        assertEquals("Left the group.", DceFormat.fallbackContent(2, "", "Sanqui", true, null));
        assertEquals("Changed the channel name: new", DceFormat.fallbackContent(4, "new", null, false, null));
        assertEquals("", DceFormat.fallbackContent(8, "", null, false, null));
    }

    @Test
    void inlineEmojisEachNameOnceInOrder() {
        List<InlineEmojis.Emoji> found = InlineEmojis.of("hi <a:dance:12> 👍🏽 and 🏳️‍🌈, <:dance:12> 👍🏽 🇨🇿");
        assertEquals(List.of(new InlineEmojis.Emoji("12", "dance", true), new InlineEmojis.Emoji(null, "👍🏽", false),
                new InlineEmojis.Emoji(null, "🏳️‍🌈", false), new InlineEmojis.Emoji(null, "🇨🇿", false)), found);
        assertEquals(List.of(), InlineEmojis.of("plain text, no emoji <3"));
    }
}

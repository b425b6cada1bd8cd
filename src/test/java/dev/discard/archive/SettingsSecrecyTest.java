package dev.discard.archive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.discord.Token;
import dev.discard.pictures.MediaSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings travel into log lines and exception messages by accident; printed, they must not carry the token. */
class SettingsSecrecyTest {
    private static final String SECRET = "MTIzNDU2Nzg5.secret-part.of-the-token";

    @Test
    void archiveSettingsPrintWithoutTheToken() {
        ArchiveSettings settings = ArchiveSettings.builder(Mode.CHANNEL, SECRET, Path.of("out"))
                .ids(List.of(123L)).noScrub(true).build();
        String printed = settings.toString();
        assertFalse(printed.contains(SECRET), printed);
        assertTrue(printed.contains("[SCRUBBED]"), printed);
        assertTrue(settings.token().secret().equals(SECRET), "the secret is still there for the Authorization header");
    }

    @Test
    void mediaSettingsPrintWithoutTheToken() {
        MediaSettings settings = new MediaSettings(new Token(SECRET, true), "https://discord.com/api/v10", "general",
                null, null, null, null, null, null, 3, Path.of("."));
        String printed = settings.toString();
        assertFalse(printed.contains(SECRET), printed);
        assertTrue(printed.contains("Token[user, [SCRUBBED]]"), printed);
    }
}

package dev.discard.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** File names from Discord are untrusted: each rule of {@link SafeNames}. */
class MediaSafeNamesTest {
    static String safe(String name) {
        return SafeNames.of(name, "file").full();
    }

    @Test
    void pathSeparatorsNeverSurvive() {
        assertEquals("_etc_passwd", safe("/etc/passwd"));
        assertEquals("_._x.png", safe("../../x.png"));
        assertEquals("_._x.png", safe("..\\..\\x.png"));
        assertEquals("C__Windows_x.png", safe("C:\\Windows\\x.png"));
    }

    @Test
    void dotDotIsGoneAndNoNameIsHiddenOrEmpty() {
        assertEquals("file", safe(".."));
        assertEquals("file", safe("."));
        assertEquals("file", safe(""));
        assertEquals("file", safe(null));
        assertEquals("bashrc", safe(".bashrc"));
        assertEquals("a.b.png", safe("a...b.png"));
        assertEquals("name.png", safe("name. .png"));
        assertEquals("png", safe("...png"));
    }

    @Test
    void controlAndInvisibleCharactersAreDropped() {
        assertEquals("abc.png", safe("a\u0000b\nc.png"));
        assertEquals("evilgnp.exe", safe("evil\u202egnp.exe"), "no right-to-left override");
        assertEquals("tab.png", safe("\ttab\u0007.png"));
        assertEquals("zero width.png", safe("zero\u200b width.png"));
    }

    @Test
    void windowsForbiddenCharactersAndReservedNames() {
        assertEquals("a_b_c_d_e_f_g.png", safe("a<b>c:d\"e|f?g.png"));
        assertEquals("_CON.png", safe("CON.png"));
        assertEquals("_nul", safe("nul"));
        assertEquals("_com1.tar.gz", safe("com1.tar.gz"));
        assertEquals("_LPT9", safe("LPT9"));
        assertEquals("console.png", safe("console.png"));
    }

    @Test
    void longNamesAreCutAtCodePointsAndKeepTheirExtension() {
        String cut = safe("日本".repeat(100) + ".jpeg");
        assertTrue(cut.endsWith(".jpeg"), cut);
        assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= SafeNames.MAX_BYTES, cut);
        assertTrue(cut.startsWith("日本日本"), cut);
        assertEquals(SafeNames.MAX_BYTES - 5 - (SafeNames.MAX_BYTES - 5) % 3,
                cut.substring(0, cut.length() - 5).getBytes(StandardCharsets.UTF_8).length, "whole characters only");
        String emoji = safe("🐎".repeat(100));
        assertEquals(0, emoji.getBytes(StandardCharsets.UTF_8).length % 4, "no half surrogate pair");
    }

    @Test
    void onlyShortPlainExtensionsAreExtensions() {
        assertEquals(new SafeNames.Name("photo", "JPG"), SafeNames.of("photo.JPG", "file"));
        assertEquals(new SafeNames.Name("archive.tar", "gz"), SafeNames.of("archive.tar.gz", "file"));
        assertEquals(new SafeNames.Name("v1.2 release notes", ""), SafeNames.of("v1.2 release notes", "file"));
    }
}

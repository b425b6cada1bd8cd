package dev.discard.export;

import static dev.discard.fake.Fixtures.GENERAL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code discard export html} through the CLI: the files it writes, read as text. */
class ExportHtmlTest {
    private static final Pattern ANCHOR = Pattern.compile("<article class=\"[^\"]*\" id=\"([0-9]+)\">");
    private static final Pattern LOADS = Pattern.compile("(?:src|href)=\"([^\"]*)\"");

    @TempDir static Path root;
    static ExportedSite site;

    @BeforeAll
    static void export() throws Exception {
        site = ExportedSite.build(root);
    }

    @Test
    void everyArchivedMessageHasExactlyOneAnchor() throws Exception {
        assertEquals(0, site.export.exitCode, site.export.toString());
        List<String> anchors = new ArrayList<>();
        for (Path page : site.pages()) {
            Matcher m = ANCHOR.matcher(Files.readString(page));
            while (m.find()) anchors.add(m.group(1));
        }
        assertEquals(anchors.size(), new HashSet<>(anchors).size(), "each message once");
        assertEquals(site.archivedIds, new HashSet<>(anchors));
        assertTrue(site.archivedIds.size() > 260, "#general, the other channels and the thread");
    }

    @Test
    void pagesHoldAtMostThePageSizeAndStayUnderAMegabyte() throws Exception {
        for (Path page : site.pages()) {
            assertTrue(Files.size(page) < 1_000_000, page.toString());
            Matcher m = ANCHOR.matcher(Files.readString(page));
            int n = 0;
            while (m.find()) n++;
            assertTrue(n <= ExportedSite.PAGE_SIZE, page + " holds " + n);
        }
        assertTrue(Files.exists(site.channelPage(GENERAL, 3)), "260 messages in pages of 100");
        assertFalse(Files.exists(site.channelPage(GENERAL, 4)));
    }

    @Test
    void nothingLoadsFromTheNetwork() throws Exception {
        Set<String> remote = new HashSet<>();
        for (Path page : site.pages()) {
            String html = Files.readString(page);
            assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"),
                    page.toString());
            Matcher m = LOADS.matcher(html);
            while (m.find()) {
                String tag = html.substring(html.lastIndexOf('<', m.start()), m.start());
                boolean link = tag.startsWith("<a ");
                if (!link && (m.group(1).contains("://") || m.group(1).startsWith("//"))) remote.add(tag + m.group(1));
            }
            assertFalse(html.contains("url("), page.toString());
        }
        assertEquals(Set.of(), remote);
        assertFalse(Files.readString(site.site.resolve("assets/discard.css")).contains("url("));
    }

    /** Issue 25, item 12: a channel the run could not read says why, not "0 messages". */
    @Test
    void aChannelTheRunCouldNotReadSaysWhyOnTheIndexPage() throws Exception {
        String index = Files.readString(site.site.resolve("index.html"));
        Matcher staff = Pattern.compile("<li class=\"channel\"><span># staff</span>\n(.*)</li>").matcher(index);
        assertTrue(staff.find(), index);
        assertEquals("<span class=\"not-readable\">not readable: no VIEW_CHANNEL permission</span>", staff.group(1)
                .strip());
        assertTrue(index.contains("not readable: no READ_MESSAGE_HISTORY permission"), index);
        assertEquals(2, index.split("class=\"not-readable\"", -1).length - 1, index.lines()
                .filter(l -> l.contains("not-readable")).toList().toString());
    }

    /** Issue 25, item 15: an embed's image and thumbnail that --media stored are shown from the site's copies. */
    @Test
    void storedEmbedImagesAndThumbnailsAreShownFromTheSite() throws Exception {
        String page = Files.readString(site.channelPage(dev.discard.fake.Fixtures.ANNOUNCEMENTS, 1));
        Matcher image = Pattern.compile("<img class=\"embed-image\" src=\"\\.\\./\\.\\./(media/[0-9a-f]{64}\\.png)\"")
                .matcher(page);
        assertTrue(image.find(), "the embed's image from the store");
        assertArrayEquals(ExportedSite.EMBED_IMAGE, Files.readAllBytes(site.site.resolve(image.group(1))));
        Matcher thumbnail = Pattern.compile("<img class=\"embed-thumbnail\" src=\"\\.\\./\\.\\./(media/[0-9a-f]{64}"
                + "\\.png)\"").matcher(page);
        assertTrue(thumbnail.find(), "the embed's thumbnail from the store");
        assertArrayEquals(ExportedSite.EMBED_THUMBNAIL, Files.readAllBytes(site.site.resolve(thumbnail.group(1))));
        assertFalse(page.contains("/external/release/"), "no link to where the images came from");
    }

    @Test
    void archivedImagesAreCopiedIntoTheSite() throws Exception {
        String page = Files.readString(site.channelPage(GENERAL, 1));
        Matcher img = Pattern.compile("<img src=\"\\.\\./\\.\\./(media/[0-9a-f]{64}\\.png)\" alt=\"chart\\.png\"")
                .matcher(page);
        assertTrue(img.find(), "the attachment as an image preview");
        assertTrue(Files.isRegularFile(site.site.resolve(img.group(1))));
        Matcher avatar = Pattern.compile("<img class=\"avatar\" alt=\"\" src=\"\\.\\./\\.\\./(media/[0-9a-f]{64}\\.png)\"")
                .matcher(page);
        assertTrue(avatar.find(), "the archived avatar");
        String thread = Files.readString(site.channelPage(Long.parseLong(site.threadId), 1));
        assertTrue(thread.contains("<span class=\"avatar placeholder c"), "a generated placeholder without one");
    }

    @Test
    void guildMediaShowsAsTheArchivedImagesAndTheRestByName() throws Exception {
        String page = Files.readString(site.channelPage(GENERAL, 1));
        String media = "\\.\\./\\.\\./(media/[0-9a-f]{64}\\.png)";
        Matcher inText = Pattern.compile("purr <img class=\"emoji\" alt=\":blobcat:\" title=\":blobcat:\" src=\""
                + media + "\">").matcher(page);
        assertTrue(inText.find(), "the custom emoji in the text as its image");
        assertTrue(page.contains("<span class=\"reaction\"><img class=\"emoji\" src=\"../../" + inText.group(1)
                + "\" alt=\":blobcat:\">"), "and as a reaction, the same file");
        Matcher sticker = Pattern.compile("<div class=\"sticker\"><img src=\"" + media + "\" alt=\"wave\"")
                .matcher(page);
        assertTrue(sticker.find(), "the archived sticker as its image");
        assertTrue(page.contains("<div class=\"sticker named\">Sticker: dance</div>"), "a Lottie sticker by name");
        for (String file : List.of(inText.group(1), sticker.group(1))) {
            assertTrue(Files.isRegularFile(site.site.resolve(file)), file);
        }
        Matcher icon = Pattern.compile("<img class=\"guild-icon\" src=\"(media/[0-9a-f]{64}\\.gif)\"")
                .matcher(Files.readString(site.site.resolve("index.html")));
        assertTrue(icon.find(), "the guild's icon on the front page");
        assertTrue(Files.isRegularFile(site.site.resolve(icon.group(1))));
    }

    @Test
    void roleColoursComeFromAGeneratedStylesheetNotInlineStyles() throws Exception {
        String role = "r" + dev.discard.fake.Fixtures.ROLE_ARCHIVISTS;
        String css = Files.readString(site.site.resolve("assets/" + Colours.FILE));
        assertTrue(css.contains("." + role + " { color: #1abc9c; }"), css);
        assertTrue(css.contains(".mention." + role + " { background-color: rgba(26, 188, 156, 0.1); }"), css);
        String page = Files.readString(site.channelPage(GENERAL, 1));
        assertTrue(page.contains("<span class=\"mention role " + role + "\">@Archivists</span>"), "the mention");
        assertTrue(page.contains("<span class=\"author " + role + "\">"), "the name of a member wearing the role");
        assertTrue(page.contains("assets/colours.css\">"));
        assertTrue(css.contains(".embed.e5865f2 { border-left-color: #5865f2; }"), css);
        assertTrue(page.contains("<div class=\"embed e5865f2\">"), "an embed's edge in its colour");
        for (Path file : site.pages()) assertFalse(Files.readString(file).contains("style="), file.toString());
    }

    @Test
    void aPinNoticeSaysItInWordsAndLinksToThePinnedMessage() throws Exception {
        String page = Files.readString(site.channelPage(GENERAL, 1));
        Matcher pin = Pattern.compile("pinned a message to this channel\\. <a class=\"system-link\" href=\"1\\.html#"
                + "([0-9]+)\">See the message</a> <a class=\"time\"").matcher(page);
        assertTrue(pin.find(), "the notice, its link and its time");
        assertTrue(page.contains("<article class=\"message pinned\" id=\"" + pin.group(1) + "\">"),
                "the link lands on the pinned message, marked");
    }

    @Test
    void hostileContentIsEscaped() throws Exception {
        String page = Files.readString(site.channelPage(GENERAL, 1));
        assertTrue(page.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;&lt;img src=x onerror="),
                "shown as text");
        assertTrue(page.contains("<strong>still text</strong>"));
        assertEquals(1, page.split("<script", -1).length - 1, "only the site's own script element");
        String thread = Files.readString(site.channelPage(Long.parseLong(site.threadId), 1));
        assertTrue(thread.contains("<h1># a &lt;b&gt;thread&lt;/b&gt;</h1>"), "names are escaped too");
    }

    @Test
    void indexListsChannelsAndThreadsWithCounts() throws Exception {
        String index = Files.readString(site.site.resolve("index.html"));
        assertTrue(index.contains("Discard Test Server ✨"));
        assertTrue(index.contains("<a href=\"800000000000000001/810000000000000002/1.html\"># general</a>"), index);
        int general = index.indexOf("# general</a>");
        int thread = index.indexOf("# a &lt;b&gt;thread&lt;/b&gt;</a>");
        int announcements = index.indexOf("# announcements</a>");
        assertTrue(general < thread && thread < announcements, "threads under their channel, channels by position");
        assertTrue(index.contains("<span class=\"count\">260 messages</span> <span class=\"range\">2021-02-01 – "));
    }

    @Test
    void aSecondExportIntoTheSameFolderReplacesTheSite() throws Exception {
        CliRun again = CliRun.run(Map.of(), "export", "html", "-q", "-o", site.site.toString(), "--page-size",
                Integer.toString(ExportedSite.PAGE_SIZE), site.archive.toString());
        assertEquals(0, again.exitCode, again.toString());
        assertEquals("", again.out);
    }

    @Test
    void anOutputFolderOfOtherFilesIsRefused() throws Exception {
        Path other = root.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("thesis.txt"), "mine");
        CliRun run = CliRun.run(Map.of(), "export", "html", "-o", other.toString(), site.archive.toString());
        assertEquals(2, run.exitCode);
        assertEquals("discard: " + other + " holds other files: give a new folder, an empty one or a previous export\n",
                run.err);
    }
}

package dev.discard.export;

import static dev.discard.fake.Fixtures.GENERAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.read.TestArchive;
import dev.discard.testing.CliRun;
import dev.discard.testing.FollowArchive;
import dev.discard.testing.LiveRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The exported site in headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them), opened from
 * file:// as a person would open it: every message under its anchor, the pager, a reply link, the hostile message
 * inert, and a console without errors.
 */
class ExportBrowserTest {
    /** The screenshot docs/browse.md shows; copied there by hand when the look changes. */
    static final Path SCREENSHOT = Path.of("target", "browse-channel.png");

    @TempDir static Path root;
    static ExportedSite site;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        site = ExportedSite.build(root);
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
    }

    @Test
    void everyMessageIsUnderItsAnchorAndThePagerReachesEveryPage() throws Exception {
        open(site.site.resolve("index.html"));
        List<String> channels = new ArrayList<>();
        for (WebElement a : browser.findElements(By.cssSelector(".channels a"))) channels.add(a.getAttribute("href"));
        assertTrue(channels.size() >= 4, channels.toString());
        List<String> seen = new ArrayList<>();
        for (String first : channels) {
            browser.get(first);
            int pages = 1;
            String position = browser.findElement(By.cssSelector(".pager .position")).getText();
            while (true) {
                for (WebElement m : browser.findElements(By.cssSelector("article.message"))) {
                    String id = m.getAttribute("id");
                    seen.add(id);
                    assertEquals(m, browser.findElement(By.id(id)), "the anchor names this message");
                }
                List<WebElement> next = browser.findElements(By.cssSelector(".pager a.next"));
                if (next.isEmpty()) break;
                next.get(0).click();
                pages++;
            }
            assertTrue(position.endsWith(" of " + pages), first + ": " + position + " but walked " + pages);
            assertEquals("page " + pages + " of " + pages,
                    browser.findElement(By.cssSelector(".pager .position")).getText());
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "each message once");
        assertEquals(site.archivedIds, new HashSet<>(seen));
        assertNoConsoleErrors();
    }

    @Test
    void aReplyLinkLandsOnTheMessageItAnswers() throws Exception {
        open(site.channelPage(GENERAL, 1));
        WebElement reply = browser.findElement(By.id(site.replyId)).findElement(By.cssSelector(".reply-link"));
        reply.click();
        assertTrue(browser.getCurrentUrl().endsWith("/1.html#" + site.repliedToId), browser.getCurrentUrl());
        assertEquals(site.repliedToId, script("return document.querySelector(':target').id"));
        assertNoConsoleErrors();
    }

    @Test
    void roleColoursApplyUnderTheContentSecurityPolicy() throws Exception {
        open(site.channelPage(GENERAL, 1));
        String role = "r" + dev.discard.fake.Fixtures.ROLE_ARCHIVISTS;
        String teal = "rgba(26, 188, 156, 1)"; // as Selenium reports a computed colour
        assertEquals(teal, browser.findElement(By.cssSelector(".author." + role)).getCssValue("color"));
        WebElement mention = browser.findElement(By.cssSelector(".mention." + role));
        assertEquals(teal, mention.getCssValue("color"));
        assertEquals("rgba(26, 188, 156, 0.1)", mention.getCssValue("background-color"));
        assertNoConsoleErrors();
    }

    @Test
    void theHostileMessageShowsAsTextAndDoesNotRun() throws Exception {
        Path page = site.channelPage(GENERAL, 1);
        open(page);
        String title = browser.getTitle();
        assertEquals("#general · Discard Test Server ✨ (page 1)", title);
        WebElement hostile = browser.findElement(By.id(site.hostileId));
        assertTrue(hostile.findElement(By.cssSelector(".content")).getText()
                .startsWith("<script>document.title='pwned'</script><img src=x onerror="), hostile.getText());
        assertEquals(0L, script("return document.querySelectorAll('article img[src=\"x\"], article script').length"));
        assertNull(script("return document.body.dataset.pwned || null"));
        assertEquals(title, browser.getTitle());
        assertNoConsoleErrors();
    }

    /** The console check would see a page that breaks: a script refused by the CSP, and a script that throws. */
    @Test
    void theConsoleCheckCatchesAPlantedError() throws Exception {
        Path real = site.channelPage(GENERAL, 1);
        String html = Files.readString(real);
        Path inline = real.resolveSibling("planted-inline.html");
        Files.writeString(inline, html.replace("</body>", "<script>document.title = 'ran';</script></body>"));
        Path throwing = real.resolveSibling("planted-throw.html");
        Files.writeString(real.resolveSibling("planted.js"), "throw new Error('planted failure');\n");
        Files.writeString(throwing, html.replace("</body>", "<script src=\"planted.js\"></script></body>"));
        try {
            consoleProblems(); // what earlier pages left
            open(inline);
            assertEquals("#general · Discard Test Server ✨ (page 1)", browser.getTitle(), "the CSP refused it");
            Set<String> refused = consoleProblems();
            assertTrue(refused.stream().anyMatch(m -> m.contains("Content Security Policy")), refused.toString());
            open(throwing);
            Set<String> thrown = consoleProblems();
            assertTrue(thrown.stream().anyMatch(m -> m.contains("planted failure")), thrown.toString());
            open(real);
            assertNoConsoleErrors();
        } finally {
            Files.delete(inline);
            Files.delete(throwing);
            Files.delete(real.resolveSibling("planted.js"));
        }
    }

    @Test
    void aScreenshotOfAChannelPage() throws Exception {
        browser.manage().window().setSize(new Dimension(1000, 1500));
        try {
            browser.get(site.channelPage(GENERAL, 1).toUri() + "#" + site.screenshotId);
            byte[] png = browser.getScreenshotAs(OutputType.BYTES);
            assertTrue(png.length > 10_000, "a page, not a blank");
            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, png);
        } finally {
            browser.manage().window().setSize(new Dimension(1200, 900));
        }
    }

    @Test
    void theDatesPageJumpsToADay() throws Exception {
        open(site.site.resolve("800000000000000001/" + GENERAL + "/dates.html"));
        List<WebElement> days = browser.findElements(By.cssSelector(".days a"));
        assertTrue(days.size() >= 2, "#general spans two days");
        String href = days.get(1).getAttribute("href");
        days.get(1).click();
        String id = href.substring(href.indexOf('#') + 1);
        assertEquals(id, script("return document.querySelector(':target').id"));
        assertNoConsoleErrors();
    }

    /**
     * A follow run's channel page: deleted messages in place, marked, with their time; "(edited)" opens the earlier
     * versions without a script; an earlier version that was hostile stays text; the page counts the deletions.
     */
    @Test
    void deletedMessagesAreMarkedInPlaceAndEarlierVersionsOpen() throws Exception {
        Path out = root.resolve("follow");
        Path channel = FollowArchive.write(out);
        Path log = channel.resolveSibling(channel.getFileName() + ".jsonl");
        long hostile = TestArchive.id("2026-12-07T10:36:00Z", 0);
        Files.writeString(log, LiveRecords.create("2026-12-07T10:36:00.100000+00:00", 20, hostile,
                ExportedSite.HOSTILE) + "\n" + LiveRecords.update("2026-12-07T10:37:00.000000+00:00", 21, hostile,
                "nothing to see", "2026-12-07T10:37:00.000000+00:00") + "\n", StandardOpenOption.APPEND);
        Path db = root.resolve("follow.sqlite");
        Path html = root.resolve("follow-html");
        CliRun index = CliRun.run(Map.of(), "index", "-q", "--db", db.toString(), out.toString());
        assertEquals(0, index.exitCode, index.toString());
        CliRun export = CliRun.run(Map.of(), "export", "html", "-q", "--db", db.toString(), "-o", html.toString(),
                out.toString());
        assertEquals(0, export.exitCode, export.toString());
        open(html.resolve(TestArchive.GUILD + "/" + TestArchive.CHANNEL + "/1.html"));

        WebElement deleted = browser.findElement(By.id(Long.toString(FollowArchive.DELETED)));
        assertTrue(deleted.getAttribute("class").contains("deleted"), deleted.getAttribute("class"));
        assertEquals("to be deleted", deleted.findElement(By.cssSelector(".content")).getText());
        assertEquals("Deleted 2026-12-07 10:31:02 UTC", deleted.findElement(By.cssSelector(".deleted-mark")).getText());
        assertEquals("line-through", deleted.findElement(By.cssSelector(".content")).getCssValue("text-decoration-line"));
        assertEquals("Deleted 2026-12-07 10:34:00 UTC", browser.findElement(By.id(Long.toString(FollowArchive.BULK_2)))
                .findElement(By.cssSelector(".deleted-mark")).getText());
        assertTrue(browser.findElement(By.id(Long.toString(FollowArchive.LIVE))).findElements(
                By.cssSelector(".deleted-mark")).isEmpty(), "a message still there is not marked");
        assertTrue(browser.findElement(By.cssSelector(".deleted-count")).getText().startsWith("3 messages of this"
                + " channel were deleted"), browser.findElement(By.cssSelector(".deleted-count")).getText());

        WebElement edited = browser.findElement(By.id(Long.toString(FollowArchive.EDITED)));
        assertEquals("fourth words", edited.findElement(By.cssSelector(".content")).getText());
        WebElement first = edited.findElements(By.cssSelector(".version-content")).get(0);
        assertEquals(3, edited.findElements(By.cssSelector(".version")).size());
        assertFalse(first.isDisplayed(), "closed until asked for");
        edited.findElement(By.cssSelector("details.versions > summary")).click();
        assertTrue(first.isDisplayed());
        assertEquals("first words", first.getText());
        assertEquals("third words", edited.findElements(By.cssSelector(".version-content")).get(2).getText());

        WebElement was = browser.findElement(By.id(Long.toString(hostile)));
        was.findElement(By.cssSelector("details.versions > summary")).click();
        assertTrue(was.findElement(By.cssSelector(".version-content")).getText().startsWith("<script>"));
        assertEquals(0L, script("return document.querySelectorAll('article img[src=\"x\"], article script').length"));
        assertFalse(browser.getTitle().contains("pwned"), browser.getTitle());
        assertNoConsoleErrors();
    }

    private static void open(Path file) {
        browser.get(file.toUri().toString());
    }

    private static Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private static void assertNoConsoleErrors() {
        assertEquals(Set.of(), consoleProblems());
    }

    /** The warnings and errors of the console since it was last read (reading empties it). */
    private static Set<String> consoleProblems() {
        return Chromium.consoleProblems(browser);
    }
}

package dev.discard.export;

import static dev.discard.fake.Fixtures.GENERAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The exported site's search in headless Chromium from file://, as a person uses it: a query typed into the box of a
 * channel page, the hits of the search page, a click that lands on the message. Words, a phrase, a prefix, filters,
 * and the hostile message inert in the hits.
 */
class ExportSearchBrowserTest {
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
    void aWordTypedIntoAChannelPagesBoxFindsItsMessageAndTheHitLandsOnIt() throws Exception {
        browser.get(site.channelPage(GENERAL, 2).toUri().toString());
        WebElement box = browser.findElement(By.cssSelector("form.search-box input[name=q]"));
        box.sendKeys("rules");
        box.submit();
        List<WebElement> hits = hits();
        assertEquals(List.of(site.pinnedId), ids(hits));
        assertTrue(hits.get(0).getText().contains("Read the rules before posting."), hits.get(0).getText());
        assertEquals("rules", hits.get(0).findElement(By.tagName("mark")).getText());
        hits.get(0).findElement(By.tagName("a")).click();
        assertTrue(browser.getCurrentUrl().endsWith("/" + GENERAL + "/1.html#" + site.pinnedId),
                browser.getCurrentUrl());
        assertEquals(site.pinnedId, script("return document.querySelector(':target').id"));
        assertEquals(Set.of(), Chromium.consoleProblems(browser));
    }

    @Test
    void wordsAreFoundInEveryFileOfTheirBlock() throws Exception {
        Path words = site.site.resolve("search/t/0");
        long files;
        try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(words)) {
            files = list.count();
        }
        assertTrue(files >= 3, "the vocabulary fills several files of words: " + files);
        int count = ExportedSite.VOCABULARY_MESSAGES * ExportedSite.WORDS_PER_MESSAGE;
        // The first and last groups by name ("aa", "zz"), and one between, each in a file of its own.
        for (int k : new int[] {0, 675, 338, count - 1}) {
            String word = ExportedSite.vocabularyWord(k);
            assertEquals(List.of(site.vocabularyIds.get(k / ExportedSite.WORDS_PER_MESSAGE)), ids(search(word)), word);
        }
        // A prefix of the last group finds the messages of all its words.
        Set<String> holding = new java.util.HashSet<>();
        for (int k = 675; k < count; k += 676) holding.add(site.vocabularyIds.get(k / ExportedSite.WORDS_PER_MESSAGE));
        assertEquals(holding, Set.copyOf(ids(search("zz*"))), "messages of the words beginning zz");
        assertEquals(Set.of(), Chromium.consoleProblems(browser));
    }

    @Test
    void aPhraseMatchesItsWordsInOrderOnly() throws Exception {
        assertEquals(List.of(site.pinnedId), ids(search("\"the rules before\"")));
        assertEquals(List.of(), ids(search("\"rules the\"")));
        assertEquals(List.of(), ids(search("\"before the rules\"")));
    }

    @Test
    void aPrefixMatchesEveryWordItBegins() throws Exception {
        assertEquals(List.of(site.releaseId), ids(search("relea*")));
        // "žluťoučký" is found without its accents: every Czech message (#1, #6, … of #general, #1 of the thread).
        List<WebElement> czech = search("zlut*");
        assertEquals(20, czech.size(), "a first page of 20");
        for (WebElement hit : czech) assertTrue(hit.getText().contains("žluťoučký"), hit.getText());
        WebElement more = browser.findElement(By.id("search-more"));
        int shown = czech.size();
        while (more.isDisplayed()) {
            more.click();
            int before = shown;
            await(() -> browser.findElements(By.cssSelector(".search-results li")).size() > before
                    || !more.isDisplayed());
            shown = hits().size();
        }
        assertTrue(shown > 40, "about a fifth of 263 messages: " + shown);
        assertEquals(shown + " messages match", status().replaceAll(" \\(\\d+ ms\\)\\.$", ""));
        List<String> all = ids(hits());
        assertEquals(all.size(), new java.util.HashSet<>(all).size(), "each hit once");
        assertEachHitLinksToThePageHoldingIt(hits());
    }

    @Test
    void filtersByChannelAndAuthor() throws Exception {
        int all = search("quotes").size();
        assertTrue(all >= 20, "quotes are in a fifth of the messages");
        browser.findElement(By.id("search-author")).sendKeys("discardbot");
        browser.findElement(By.id("search-form")).submit();
        List<WebElement> bot = hits();
        assertEquals(1, bot.size(), "the thread's messages are the bot's");
        assertTrue(bot.get(0).getText().contains("thread"), bot.get(0).getText());
        List<String> byBot = ids(bot);
        browser.get(site.site.resolve("search.html").toUri() + "?q=quotes&channel=1");
        assertEquals(byBot, ids(hits()), "channel 1 of the site's order is the thread");
    }

    @Test
    void theHostileMessageShowsAsTextInTheHits() throws Exception {
        List<WebElement> hits = search("pwned");
        assertEquals(List.of(site.hostileId), ids(hits));
        assertTrue(hits.get(0).getText().contains("<script>document.title='pwned'</script><img src=x"),
                hits.get(0).getText());
        assertEquals(0L, script("return document.querySelectorAll('.search-results img, .search-results script')"
                + ".length"));
        assertNull(script("return document.body.dataset.pwned || null"));
        assertEquals("Search · Discord archive", browser.getTitle());
        assertEquals(Set.of(), Chromium.consoleProblems(browser));
    }

    @Test
    void aOneLetterPrefixIsRefusedWithASentence() throws Exception {
        search("r*");
        assertEquals("A prefix needs two characters at least: r*", status());
    }

    /** Opens the search page with a query and waits for its hits. */
    private static List<WebElement> search(String query) throws InterruptedException {
        browser.get(site.site.resolve("search.html").toUri().toString());
        WebElement q = browser.findElement(By.id("search-q"));
        await(() -> q.isDisplayed());
        q.clear();
        q.sendKeys(query);
        browser.findElement(By.id("search-form")).submit();
        return hits();
    }

    private static List<WebElement> hits() throws InterruptedException {
        await(() -> {
            String s = browser.findElement(By.id("search-status")).getText();
            return !s.isEmpty() && !s.equals("Searching…");
        });
        return browser.findElements(By.cssSelector(".search-results li"));
    }

    /**
     * Waits for the page's scripts to reach a state, asking the browser until they do; fails after 10 s. (The page
     * loads its index as scripts, asynchronously: there is no event to wait on from WebDriver.)
     */
    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (condition.getAsBoolean()) return;
            Thread.sleep(10);
        }
        throw new AssertionError("the page did not get there in 10 s");
    }

    /** Every hit's link names a page of the site that holds the message under that anchor. */
    private static void assertEachHitLinksToThePageHoldingIt(List<WebElement> hits) throws Exception {
        Set<String> pages = new java.util.HashSet<>();
        for (WebElement hit : hits) {
            java.net.URI href = java.net.URI.create(hit.findElement(By.tagName("a")).getAttribute("href"));
            Path page = Path.of(new java.net.URI(href.getScheme(), href.getSchemeSpecificPart(), null));
            assertTrue(java.nio.file.Files.readString(page).contains(" id=\"" + href.getFragment() + "\">"),
                    href.toString());
            pages.add(page.getFileName().toString());
        }
        assertTrue(pages.size() > 1, "hits on several pages: " + pages);
    }

    private static String status() {
        return browser.findElement(By.id("search-status")).getText();
    }

    private static List<String> ids(List<WebElement> hits) {
        List<String> ids = new ArrayList<>();
        for (WebElement hit : hits) {
            String href = hit.findElement(By.tagName("a")).getAttribute("href");
            ids.add(href.substring(href.indexOf('#') + 1));
        }
        return ids;
    }

    private static Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }
}

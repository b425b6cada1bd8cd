package dev.discard.cli;

import static dev.discard.fake.Fixtures.GUILD_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.fake.Fixtures;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** index and export html leave the user's folders as they found them, but for what they write (issue 25, item 7). */
class FolderHygieneTest extends FakeDiscordTest {
    @Test
    void indexOfAFolderWithoutRunsLeavesNoDatabase() throws Exception {
        Path empty = Files.createDirectories(out.resolve("empty"));
        CliRun byDefault = CliRun.run(Map.of(), "index", empty.toString());
        assertEquals(ExitCode.USAGE, byDefault.exitCode, byDefault.toString());
        assertEquals("discard: no run in " + empty + ": a run directory holds run.meta.json\n", byDefault.err);
        Path db = out.resolve("named.sqlite");
        CliRun named = CliRun.run(Map.of(), "index", "--db", db.toString(), empty.toString());
        assertEquals(ExitCode.USAGE, named.exitCode, named.toString());
        try (var files = Files.list(empty)) {
            assertEquals(0, files.count(), "nothing was written into " + empty);
        }
        assertFalse(Files.exists(db));
    }

    @Test
    void aSecondExportDeletesOnlyItsOwnStalePages() throws Exception {
        Path runs = out.resolve("runs");
        assertEquals(0, CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--api-url", discord.apiUrl(), "-o",
                runs.toString(), "channel", Long.toString(Fixtures.GENERAL)).exitCode);
        Path db = out.resolve("index.sqlite");
        Path site = out.resolve("site");
        assertEquals(0, CliRun.run(Map.of(), "export", "html", "--page-size", "50", "--db", db.toString(), "-o",
                site.toString(), runs.toString()).exitCode);
        Path channel = site.resolve(GUILD_ID + "/" + Fixtures.GENERAL);
        assertTrue(Files.exists(channel.resolve("6.html")), "260 messages, 50 a page");
        Path mine = Files.writeString(channel.resolve("9.html"), "<p>my own notes</p>\n");
        CliRun again = CliRun.run(Map.of(), "export", "html", "--page-size", "100", "--db", db.toString(), "-o",
                site.toString(), runs.toString());
        assertEquals(0, again.exitCode, again.toString());
        assertTrue(Files.exists(channel.resolve("3.html")));
        assertFalse(Files.exists(channel.resolve("4.html")) || Files.exists(channel.resolve("6.html")),
                "the stale pages of the first export are gone");
        assertEquals("<p>my own notes</p>\n", Files.readString(mine), "the user's file stays");
    }
}

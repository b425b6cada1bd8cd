package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the archiver writes, the derived tools accept: verify finds no problem, read prints every message. */
class ArchiveThenVerifyTest extends FakeDiscordTest {
    @Test
    void aGzippedGuildRunVerifiesCleanWithTheTokenChecked() throws Exception {
        discord.rateLimits().set(5, 50, 0);
        CliRun archive = run("--gzip", "guild", Long.toString(Fixtures.GUILD_ID));
        assertEquals(0, archive.exitCode, archive.toString());
        CliRun verify = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "verify", out.toString());
        assertEquals(0, verify.exitCode, verify.toString());
        assertTrue(verify.out.lines().reduce((a, b) -> b).orElse("").startsWith("OK: 1 run"), verify.out);
        assertTrue(verify.out.contains("token not found"), verify.out);
    }

    @Test
    void readPrintsEveryArchivedMessageOnce() throws Exception {
        run("channel", Long.toString(Fixtures.GENERAL));
        String log = ArchiveFiles.onlyRun(out).resolve(Fixtures.GUILD_ID + "/" + Fixtures.GENERAL).toString();
        CliRun read = CliRun.run(Map.of(), "read", "--json", log);
        assertEquals(0, read.exitCode, read.toString());
        assertEquals(Fixtures.GENERAL_MESSAGES, read.out.lines().count());
    }
}

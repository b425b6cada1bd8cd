package dev.discard.cli;

import static dev.discard.fake.Fixtures.GUILD_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.fake.FakeChannel;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hostile message cannot retitle, clear or overwrite the reader's terminal (issue 25, item 6): read and search show
 * its control characters visibly, as less does, on a terminal and in a pipe alike; --json keeps them exactly.
 */
class HostileTextTest extends FakeDiscordTest {
    private static final String HOSTILE = "hostile \u001b]0;pwned\u0007 \u001b[2J over\rwrite \u009b end";

    private static void assertInert(String printed) {
        assertFalse(printed.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == '\r' || c == 0x9b), printed);
        assertTrue(printed.contains("hostile ^[]0;pwned^G ^[[2J over^Mwrite <U+009B> end"), printed);
    }

    @Test
    void controlCharactersAreVisibleInReadAndSearchAndExactInJson() throws Exception {
        FakeChannel channel = discord.channel(Fixtures.ANNOUNCEMENTS);
        channel.message(channel.messageIds().get(2)).put("content", HOSTILE);
        CliRun archived = run("channel", Long.toString(Fixtures.ANNOUNCEMENTS));
        assertEquals(0, archived.exitCode, archived.toString());
        Path log = ArchiveFiles.onlyRun(out).resolve(GUILD_ID + "/" + Fixtures.ANNOUNCEMENTS + ".jsonl");
        for (boolean terminal : new boolean[] {true, false}) {
            CliRun read = CliRun.run(Map.of(), terminal, "read", log.toString());
            assertEquals(0, read.exitCode, read.toString());
            assertInert(read.out);
        }
        CliRun json = CliRun.run(Map.of(), "read", "--json", log.toString());
        ObjectMapper mapper = new ObjectMapper();
        assertTrue(json.out.lines().anyMatch(l -> {
            try {
                return HOSTILE.equals(mapper.readTree(l).path("content").asText());
            } catch (Exception e) {
                return false;
            }
        }), json.out);

        Path db = out.resolve("index.sqlite");
        assertEquals(0, CliRun.run(Map.of(), "index", "--db", db.toString(), out.toString()).exitCode);
        for (boolean terminal : new boolean[] {true, false}) {
            CliRun search = CliRun.run(Map.of(), terminal, "search", "--db", db.toString(), "hostile");
            assertEquals(0, search.exitCode, search.toString());
            assertFalse(search.out.contains("\u001b]") || search.out.contains("\u001b[2J") || search.out.contains("\r"),
                    search.out);
            assertTrue(search.out.contains("^[]0;pwned^G ^[[2J over^Mwrite <U+009B> end"), search.out);
            if (terminal) assertTrue(search.out.contains("\u001b["), "the match is still in colour: " + search.out);
        }
        CliRun searchJson = CliRun.run(Map.of(), "search", "--json", "--db", db.toString(), "hostile");
        assertEquals(HOSTILE, mapper.readTree(searchJson.out.lines().findFirst().orElseThrow()).path("content").asText());
    }
}

package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.fake.FakeChannel;
import dev.discard.fake.Fixtures;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Progress bars measure what there is to walk and fit the terminal (issue 25, item 11). */
class ProgressRangeTest extends FakeDiscordTest {
    private static final Pattern DAYS = Pattern.compile("(\\d+)/(\\d+) days");

    @Test
    void aChannelsBarEndsAtItsLastMessageNotAtNow() {
        FakeChannel general = discord.channel(Fixtures.GENERAL);
        List<Long> ids = Fixtures.fill(discord, general, discord.self(), Instant.parse("2021-03-01T00:00:00Z"), 1_200);
        // As Discord's channel object says it: where the history ends.
        general.json().put("last_message_id", Long.toString(ids.get(ids.size() - 1)));
        CliRun run = run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN, "COLUMNS", "100"), true, "channel",
                Long.toString(Fixtures.GENERAL));
        assertEquals(0, run.exitCode, run.toString());
        Matcher last = null;
        Matcher m = DAYS.matcher(run.out);
        while (m.find()) last = DAYS.matcher(m.group());
        assertTrue(last != null && last.matches(), "a bar in days: " + run.out);
        int covered = Integer.parseInt(last.group(1));
        int span = Integer.parseInt(last.group(2));
        assertTrue(span < 60, "the range ends at the last message (2021-03-09), not in 2026: " + last.group());
        assertTrue(covered * 10 >= span * 5, "the bar gets far along its range: " + last.group());
    }

    @Test
    void theIndexBarFitsEightyColumnsWhole() {
        Fixtures.fill(discord, discord.channel(Fixtures.GENERAL), discord.self(), Instant.parse("2021-03-01T00:00:00Z"),
                1_200);
        assertEquals(0, run("channel", Long.toString(Fixtures.GENERAL), Long.toString(Fixtures.ANNOUNCEMENTS))
                .exitCode);
        CliRun index = CliRun.run(Map.of("COLUMNS", "80"), true, "index", "--db", out.resolve("i.sqlite").toString(),
                out.toString());
        assertEquals(0, index.exitCode, index.toString());
        for (String line : index.out.split("[\r\n]")) {
            String visible = line.replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "");
            if (!visible.contains("Indexing")) continue;
            assertTrue(visible.length() <= 80, visible.length() + ": " + visible);
            assertTrue(visible.stripTrailing().endsWith("/s") || !visible.contains("msgs"), "not cut: " + visible);
        }
    }
}

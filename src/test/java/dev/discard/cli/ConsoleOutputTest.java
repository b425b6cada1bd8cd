package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What an archive run prints: bars only in a terminal, a line per channel and a summary everywhere, errors always. */
class ConsoleOutputTest extends FakeDiscordTest {
    private static final char ESC = '\u001b';
    private static final String DURATION = "(\\d+\\.\\d s|\\d+ s|\\d+ min \\d+ s)";
    /** The run's pace at the end of each channel's line: channels done of found, requests/s, share of 50/s. */
    private static final String PACE = " \\[\\d+/\\d+ channels, \\d+\\.\\d requests/s, \\d+% of 50/s\\]";
    /** The run's last line, --quiet or not. */
    private static final String FINAL_PACE = "Pace: [\\d,]+ requests in " + DURATION + ", \\d+\\.\\d/s, \\d+% of 50/s; "
            + "\\d+/\\d+ channels";
    private static final Map<String, String> TOKEN = Map.of("DISCORD_TOKEN", Fixtures.TOKEN);

    /** #general past the bar's threshold: 260 messages in February 2021, 1,200 more from March on. */
    private void longGeneral() {
        Fixtures.fill(discord, discord.channel(Fixtures.GENERAL), discord.self(), Instant.parse("2021-03-01T00:00:00Z"),
                1_200);
    }

    @Test
    void withoutATerminalEachChannelGetsALineAndTheRunASummaryWithoutControlCharacters() throws Exception {
        longGeneral();
        CliRun run = run(TOKEN, false, "guild", Long.toString(Fixtures.GUILD_ID));
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(-1, run.out.indexOf(ESC), "no escape sequences without a terminal");
        assertEquals(-1, run.out.indexOf('\r'), "no carriage returns without a terminal");
        assertEquals(-1, run.err.indexOf(ESC));
        List<String> lines = run.out.lines().toList();
        assertEquals(9, lines.size(), run.out);
        // Issue 25, item 12: the channels the account may not read, and why, as the guild starts.
        assertEquals(List.of("#staff: skipped: no VIEW_CHANNEL permission",
                "#no-history: skipped: no READ_MESSAGE_HISTORY permission"), lines.subList(0, 2));
        assertTrue(lines.subList(2, 6).stream().anyMatch(l -> Pattern.matches(
                "#general: 1,460 messages, 2021-02-01 → 2021-03-09, " + DURATION + PACE, l)), run.out);
        assertTrue(lines.subList(2, 6).stream().anyMatch(l -> Pattern.matches(
                "#announcements: 5 messages, 2021-02-03 → 2021-02-03, " + DURATION + PACE, l)), run.out);
        assertTrue(lines.subList(2, 6).stream().anyMatch(l -> l.contains(" [4/4 channels, ")), run.out);
        assertTrue(lines.subList(2, 6).stream().anyMatch(l -> l.startsWith("#reopened: 3 messages, ")), run.out);
        assertTrue(lines.subList(2, 6).stream().anyMatch(l -> l.startsWith("#Voice: 0 messages, ")), run.out);
        assertEquals("Archived 1,468 messages from 4 channels into " + ArchiveFiles.onlyRun(out), lines.get(6));
        assertTrue(Pattern.matches("\\d+ requests \\(0 answered 429\\), 0 errors, " + DURATION, lines.get(7)),
                lines.get(7));
        assertTrue(Pattern.matches(FINAL_PACE, lines.get(8)), lines.get(8));
        assertTrue(lines.get(8).endsWith("; 4/4 channels"), lines.get(8));
        assertEquals("", run.err);
    }

    @Test
    void inATerminalLongChannelsGetABarThatGivesWayToTheirLine() throws Exception {
        longGeneral();
        CliRun run = run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN, "COLUMNS", "100"), true,
                "--concurrency", "1", "channel", Long.toString(Fixtures.GENERAL), Long.toString(Fixtures.ANNOUNCEMENTS));
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.indexOf(ESC) >= 0, "a terminal gets escape sequences");
        String bar = run.out.lines().filter(l -> l.contains("#general ") && l.contains("%") && l.contains(" messages, "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bar for #general:\n" + run.out));
        assertTrue(Pattern.compile("\\d+/\\d+ days").matcher(bar).find(), "the range covered, in days: " + bar);
        assertTrue(Pattern.compile(" 1,\\d{3} messages, [\\d,]+/s, at 2021-0\\d-\\d\\d").matcher(bar).find(),
                "messages, rate and the date reached: " + bar);
        assertFalse(Pattern.compile("\\d:\\d\\d:\\d\\d / ").matcher(bar).find(), "no ETA from snowflake time: " + bar);
        String visible = bar.substring(bar.lastIndexOf("\u001b[2K") + 4);
        assertTrue(visible.length() <= 99, "a bar fits the terminal's 100 columns: " + visible.length());
        String text = run.out.replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "").replace("\r", "");
        assertTrue(Pattern.compile("^#general: 1,460 messages, 2021-02-01 → 2021-03-09, " + DURATION + PACE + "$",
                Pattern.MULTILINE).matcher(text).find(), text);
        assertTrue(Pattern.compile("^#announcements: 5 messages, ", Pattern.MULTILINE).matcher(text).find(), text);
        assertFalse(run.out.lines().anyMatch(l -> l.contains("#announcements ") && l.contains("%")),
                "short channels get no bar");
        assertTrue(text.contains("Archived 1,465 messages from 2 channels into "), text);
        assertEquals(-1, run.err.indexOf(ESC), "stderr never gets escape sequences");
    }

    @Test
    void quietPrintsErrorsOnly() throws Exception {
        discord.channel(Fixtures.ANNOUNCEMENTS).historyFails();
        CliRun run = run(TOKEN, true, "-q", "guild", Long.toString(Fixtures.GUILD_ID));
        assertEquals(ExitCode.PARTIAL, run.exitCode, run.toString());
        assertTrue(Pattern.matches(FINAL_PACE + "\n", run.out), "no bars, no lines, no summary; the pace line: " + run.out);
        assertEquals("discard: channel " + Fixtures.ANNOUNCEMENTS + ": 500 Internal Server Error\n", run.err);

        CliRun profile = run(TOKEN, false, "profile", "--quiet");
        assertEquals(0, profile.exitCode, profile.toString());
        assertEquals("", profile.out);
        assertEquals("", profile.err);
    }

    @Test
    void aFailedChannelSaysSoOnItsLineAndOnStderr() throws Exception {
        discord.channel(Fixtures.ANNOUNCEMENTS).historyFails();
        CliRun run = run(TOKEN, false, "channel", Long.toString(Fixtures.ANNOUNCEMENTS));
        assertEquals(ExitCode.FAILED, run.exitCode, run.toString());
        assertTrue(Pattern.compile("^#announcements: 0 messages, " + DURATION + "; failed: 500 Internal Server Error"
                + PACE + "$",
                Pattern.MULTILINE).matcher(run.out).find(), run.out);
        assertTrue(run.out.contains("0 messages from 1 channel (1 failed) into "), run.out);
        assertTrue(run.out.contains(", 1 error, "), run.out);
        assertEquals("discard: channel " + Fixtures.ANNOUNCEMENTS + ": 500 Internal Server Error\n", run.err);
    }

    @Test
    void theSummaryCountsThe429sThatWereWaitedOut() throws Exception {
        discord.script("/channels/" + Fixtures.GENERAL + "/messages", 3, discord.tooManyRequests(0.01, false));
        CliRun run = run(TOKEN, false, "channel", Long.toString(Fixtures.GENERAL));
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains(" requests (3 answered 429), 0 errors, "), run.out);
        assertTrue(run.out.contains("#general: 260 messages, "), run.out);
    }
}

package dev.discard.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummarizerTest {
    @TempDir Path tmp;

    /** A channel created on 2020-12-01. */
    static final String CHANNEL = String.valueOf(TestArchive.id("2020-12-01T00:00:00Z", 0));

    static long at(String day) {
        return TestArchive.id(day + "T12:00:00Z", 1);
    }

    /** A Java guild run archiving {@link #CHANNEL} with the given messages in one page (plus an empty one). */
    public static Path javaRun(Path out, String name, String start, String after, String before, boolean completed,
            long... ids) throws Exception {
        Path run = out.resolve(name);
        Path guild = run.resolve(TestArchive.GUILD);
        Files.createDirectories(guild);
        Files.writeString(run.resolve("run.meta.json"), TestArchive.runMeta(start, after, before, completed));
        Files.writeString(guild.resolve("guild.meta.json"), "{\"guild\": {\"id\": " + TestArchive.GUILD
                + ", \"name\": \"Guild " + name + "\"}, \"summary\": {\"num_channels\": 1, \"num_messages\": "
                + ids.length + "}}");
        List<String> messages = new ArrayList<>();
        for (int i = ids.length - 1; i >= 0; i--) messages.add(TestArchive.message(ids[i], "m" + i));
        TestArchive.write(guild.resolve(CHANNEL + ".jsonl"), List.of(TestArchive.page(CHANNEL, 0, messages, 200),
                TestArchive.page(CHANNEL, ids.length == 0 ? 0 : ids[ids.length - 1], List.of(), 200)));
        Files.writeString(guild.resolve(CHANNEL + ".meta.json"), TestArchive.channelMeta(CHANNEL, "general-" + name,
                ids.length, ids.length == 0 ? null : ids[0], ids.length == 0 ? null : ids[ids.length - 1]));
        return run;
    }

    @Test
    void gapsOverSeveralRunsSkipIncompleteRunsAndCountMessagesWithinEachRunsRange() throws Exception {
        Path out = tmp.resolve("out");
        javaRun(out, "20210110T000000_guild", "2021-01-10T00:00:00+00:00", null, "2021-01-05T00:00:00+00:00", true,
                at("2021-01-02"), at("2021-01-03"), at("2021-01-06")); // the last one lies beyond --before
        javaRun(out, "20210111T000000_guild", "2021-01-11T00:00:00+00:00", "2021-01-04T00:00:00+00:00",
                "2021-01-08T00:00:00+00:00", true, at("2021-01-04"), at("2021-01-07"));
        javaRun(out, "20210112T000000_guild", "2021-01-12T00:00:00+00:00", "2021-01-08T00:00:00+00:00",
                "2021-01-12T00:00:00+00:00", false, at("2021-01-09"));
        javaRun(out.resolve("nested/deeper"), "20210120T000000_guild", "2021-01-20T00:00:00+00:00",
                "2021-01-12T00:00:00+00:00", null, true, at("2021-01-13"));
        PythonExample.write(out.resolve("old"));

        List<RecordProblem> problems = new ArrayList<>();
        List<ArchiveSummary.SkippedRun> skipped = new ArrayList<>();
        ArchiveSummary s = new Summarizer(new ObjectMapper(), problems::add, skipped::add).summarize(out);

        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(4, s.runs().size());
        assertEquals(1, skipped.size());
        assertEquals(out.resolve("20210112T000000_guild"), skipped.get(0).directory());
        assertTrue(skipped.get(0).reason().startsWith("run not completed (DiscordException"), skipped.get(0).reason());
        assertEquals(skipped, s.skipped());

        ArchiveSummary.GuildEntry guild = s.guilds().get(0);
        assertEquals(TestArchive.GUILD, guild.id());
        assertEquals("Discard Test Server", guild.name()); // the latest run's name: the Python run of February
        ArchiveSummary.ChannelEntry channel = guild.channels().stream().filter(c -> c.id().equals(CHANNEL))
                .findFirst().orElseThrow();
        assertEquals("general-20210120T000000_guild", channel.name());
        assertEquals(3, channel.runs());
        assertEquals(2 + 2 + 1, channel.messages());
        // The first two runs' ranges share 01-04..01-05, but no message lies in both logs (issue 25, item 12).
        assertFalse(channel.overlapping());
        assertEquals(Instant.parse("2021-01-02T12:00:00Z"), channel.oldest());
        assertEquals(Instant.parse("2021-01-13T12:00:00Z"), channel.newest());
        assertEquals(List.of(new CoverageGaps.Range(Instant.parse("2021-01-08T00:00:00Z"),
                Instant.parse("2021-01-12T00:00:00Z"))), channel.coverage().gaps());
        assertEquals(Instant.parse("2021-01-20T00:00:00Z"), channel.coverage().coveredUntil());

        ArchiveSummary.ChannelEntry general = guild.channels().stream()
                .filter(c -> c.id().equals(PythonExample.GENERAL)).findFirst().orElseThrow();
        assertEquals(5, general.messages());
        assertEquals(List.of(), general.coverage().gaps());
        assertEquals(Instant.parse("2021-02-01T17:47:40.375815Z"), general.coverage().coveredUntil());
        assertEquals(3, guild.channels().size());
        assertEquals(5 + 5 + 1, s.messages());
        assertEquals(1, s.gaps());
    }

    @Test
    void aChannelThatFailedInARunIsNotCoveredByIt() throws Exception {
        Path out = tmp.resolve("out");
        Path run = javaRun(out, "20210110T000000_guild", "2021-01-10T00:00:00+00:00", null, null, true,
                at("2021-01-02"));
        Path meta = run.resolve(TestArchive.GUILD).resolve(CHANNEL + ".meta.json");
        Files.writeString(meta, Files.readString(meta).replace("\"channel\": {", "\"completed\": false, \"error\":"
                + " \"403 Missing Access\", \"channel\": {"));
        List<RecordProblem> problems = new ArrayList<>();
        ArchiveSummary s = new Summarizer(new ObjectMapper(), problems::add, x -> {}).summarize(out);
        ArchiveSummary.ChannelEntry channel = s.guilds().get(0).channels().get(0);
        assertNull(channel.coverage().coveredUntil());
        assertEquals(1, channel.messages());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains("403 Missing Access"), problems.toString());
    }
}

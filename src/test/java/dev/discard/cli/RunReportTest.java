package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.discard.archive.ChannelResult;
import dev.discard.archive.RunResult;
import dev.discard.format.ChannelMeta.MessageRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunReportTest {
    @Test
    void channelLineGivesCountDaysAndTime() {
        ChannelResult general = new ChannelResult(1, "general", "9", 12_345,
                new MessageRef(2, "2019-03-01T23:59:59.000000+00:00"), new MessageRef(3, "2026-11-20T01:00:00+02:00"),
                null, 0);
        assertEquals("#general: 12,345 messages, 2019-03-01 → 2026-11-19, 41 s",
                RunReport.channel(general, Duration.ofMillis(41_400)));
    }

    @Test
    void emptyFailedAndNamelessChannels() {
        ChannelResult empty = new ChannelResult(5, null, "@me", 1, new MessageRef(2, "2021-02-01T00:00:00+00:00"),
                new MessageRef(2, "2021-02-01T00:00:00+00:00"), "403 Missing Access (50001)", 0);
        assertEquals("channel 5: 1 message, 2021-02-01 → 2021-02-01, 0.3 s; failed: 403 Missing Access (50001)",
                RunReport.channel(empty, Duration.ofMillis(250)));
        assertEquals("#x: 0 messages, 0.0 s",
                RunReport.channel(new ChannelResult(6, "x", "1", 0, null, null, null, 0), Duration.ZERO));
        assertEquals("#x: 0 messages, 0.0 s; interrupted",
                RunReport.channel(new ChannelResult(6, "x", "1", 0, null, null, "interrupted", 0), Duration.ZERO));
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("0.0 s", RunReport.duration(Duration.ofMillis(-5)));
        assertEquals("9.9 s", RunReport.duration(Duration.ofMillis(9_949)));
        assertEquals("10 s", RunReport.duration(Duration.ofMillis(10_000)));
        assertEquals("12 min 5 s", RunReport.duration(Duration.ofSeconds(725)));
        assertEquals("2 h 3 min", RunReport.duration(Duration.ofSeconds(7_380 + 59)));
    }

    @Test
    void summaryIsTwoLines() {
        RunResult result = new RunResult(Path.of("out", "20261121T100000_guild_full"), null,
                List.of(new RunResult.Failure("channel 7", "403 Missing Access (50001)")), 1, 1, 1, 1_234, 2);
        assertEquals("Archived 1 message from 1 channel (1 failed) into " + Path.of("out", "20261121T100000_guild_full")
                + System.lineSeparator() + "1,234 requests (2 answered 429), 1 error, 1 h 0 min",
                RunReport.summary(result, Duration.ofHours(1)));
    }
}

package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.testing.CliRun;
import dev.discard.testing.FollowArchive;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code discard read} of a follow run's log: deleted messages in place and marked, edits as versions. */
class MessageLifeReadTest {
    @TempDir Path tmp;

    static final String READ = String.join("\n",
            "Channel general (id 805808489695150183)",
            "[2026-12-07 09:00:00] <Sanqui#3248> fourth words (edited)",
            "[2026-12-07 09:30:00] <Sanqui#3248> to be deleted [deleted 2026-12-07 10:31:02]",
            "[2026-12-07 10:05:00] <Sanqui#3248> live hello",
            "[2026-12-07 10:32:00] <Sanqui#3248> bulk one [deleted 2026-12-07 10:34:00]",
            "[2026-12-07 10:33:00] <Sanqui#3248> bulk two [deleted 2026-12-07 10:34:00]",
            "");

    @Test
    void deletedMessagesKeepTheirPlaceAndEditedOnesShowTheirLastVersion() throws Exception {
        Path channel = FollowArchive.write(tmp);
        CliRun run = CliRun.run(Map.of(), "read", channel.toString());
        assertEquals("", run.err);
        assertEquals(0, run.exitCode);
        assertEquals(READ, run.out);
    }

    @Test
    void summaryCountsTheMessagesCreatedEditedAndDeletedLiveOnceEach() throws Exception {
        FollowArchive.write(tmp.resolve("out"));
        CliRun run = CliRun.run(Map.of(), "summary", tmp.resolve("out").toString());
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("\n    live: 3 messages created, 1 edited, 3 deleted\n"), run.out);
    }

    @Test
    void versionsPrintsEachEarlierVersionUnderTheMessageOnceDespiteTheReplay() throws Exception {
        Path channel = FollowArchive.write(tmp);
        CliRun run = CliRun.run(Map.of(), "read", "--versions", channel.toString());
        assertEquals(0, run.exitCode, run.err);
        assertEquals(String.join("\n",
                "Channel general (id 805808489695150183)",
                "[2026-12-07 09:00:00] <Sanqui#3248> fourth words (edited)",
                "    version 1 of 4, seen 2026-12-07 10:00:01 (http): [2026-12-07 09:00:00] <Sanqui#3248> first words",
                "    version 2 of 4, seen 2026-12-07 10:10:00 (MESSAGE_UPDATE): [2026-12-07 09:00:00] <Sanqui#3248>"
                        + " second words (edited)",
                "    version 3 of 4, seen 2026-12-07 10:20:00 (MESSAGE_UPDATE): [2026-12-07 09:00:00] <Sanqui#3248>"
                        + " third words (edited)",
                "[2026-12-07 09:30:00] <Sanqui#3248> to be deleted [deleted 2026-12-07 10:31:02]",
                "[2026-12-07 10:05:00] <Sanqui#3248> live hello",
                "[2026-12-07 10:32:00] <Sanqui#3248> bulk one [deleted 2026-12-07 10:34:00]",
                "[2026-12-07 10:33:00] <Sanqui#3248> bulk two [deleted 2026-12-07 10:34:00]",
                ""), run.out);
    }
}

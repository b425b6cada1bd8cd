package dev.discard.testing;

import dev.discard.read.TestArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A follow run's directory written by hand: history, then live creates, three edits of one message (one replayed), a
 * single and a bulk delete and a reaction, then the closing pass. The messages and what each should show are fields.
 */
public final class FollowArchive {
    public static final String START = "2026-12-07T10:00:00.000000+00:00";
    /** Edited three times: "first words" → "second words" → "third words" → "fourth words". */
    public static final long EDITED = TestArchive.id("2026-12-07T09:00:00Z", 0);
    /** Deleted by MESSAGE_DELETE at 10:31:02. */
    public static final long DELETED = TestArchive.id("2026-12-07T09:30:00Z", 0);
    /** Created live, still there at the closing pass, with a 👍 added live. */
    public static final long LIVE = TestArchive.id("2026-12-07T10:05:00Z", 0);
    /** Created live, deleted together by MESSAGE_DELETE_BULK at 10:34:00. */
    public static final long BULK_1 = TestArchive.id("2026-12-07T10:32:00Z", 0);
    public static final long BULK_2 = TestArchive.id("2026-12-07T10:33:00Z", 0);

    private FollowArchive() {}

    /** Writes the run under {@code out} and returns the channel log's path without extension. */
    public static Path write(Path out) throws IOException {
        Path run = out.resolve("20261207T100000_guild");
        Path guild = run.resolve(TestArchive.GUILD);
        Files.createDirectories(guild);
        Files.writeString(run.resolve("run.meta.json"), TestArchive.runMeta(START, null,
                "2026-12-07T11:00:00+00:00", true));
        Files.writeString(guild.resolve("guild.meta.json"), "{\"guild\": {\"id\": " + TestArchive.GUILD
                + ", \"name\": \"Follow guild\"}, \"summary\": {\"num_channels\": 1, \"num_messages\": 3}}\n");
        Files.writeString(guild.resolve(TestArchive.CHANNEL + ".meta.json"), TestArchive.channelMeta(
                TestArchive.CHANNEL, "general", 3, EDITED, LIVE).replace("\n}\n", ",\n  \"completed\": true\n}\n"));
        String liveFinal = TestArchive.message(LIVE, 0, "live hello", ",\"reactions\":[{\"emoji\":{\"id\":null,"
                + "\"name\":\"👍\"},\"count\":1,\"count_details\":{\"burst\":0,\"normal\":1},\"me\":false}]");
        TestArchive.write(guild.resolve(TestArchive.CHANNEL + ".jsonl"), List.of(
                LiveRecords.page("2026-12-07T10:00:01.000000+00:00", 0, List.of(
                        TestArchive.message(DELETED, "to be deleted"), TestArchive.message(EDITED, "first words"))),
                LiveRecords.create("2026-12-07T10:05:00.100000+00:00", 5, LIVE, "live hello"),
                LiveRecords.update("2026-12-07T10:10:00.000000+00:00", 6, EDITED, "second words",
                        "2026-12-07T10:10:00.000000+00:00"),
                LiveRecords.update("2026-12-07T10:20:00.000000+00:00", 7, EDITED, "third words",
                        "2026-12-07T10:20:00.000000+00:00"),
                LiveRecords.update("2026-12-07T10:30:00.000000+00:00", 8, EDITED, "fourth words",
                        "2026-12-07T10:30:00.000000+00:00"),
                // a resumed session's replay of the last edit: no new version
                LiveRecords.update("2026-12-07T10:30:05.000000+00:00", 8, EDITED, "fourth words",
                        "2026-12-07T10:30:00.000000+00:00"),
                LiveRecords.delete("2026-12-07T10:31:02.000000+00:00", 9, DELETED),
                LiveRecords.create("2026-12-07T10:32:00.100000+00:00", 10, BULK_1, "bulk one"),
                LiveRecords.create("2026-12-07T10:33:00.100000+00:00", 11, BULK_2, "bulk two"),
                LiveRecords.deleteBulk("2026-12-07T10:34:00.000000+00:00", 12, BULK_1, BULK_2),
                LiveRecords.reactionAdd("2026-12-07T10:35:00.000000+00:00", 13, LIVE, 42, "👍"),
                LiveRecords.reactionAdd("2026-12-07T10:35:00.000000+00:00", 13, LIVE, 42, "👍"),
                // the closing pass: from the newest message of the history pages
                LiveRecords.page("2026-12-07T10:40:00.000000+00:00", EDITED, List.of(liveFinal))));
        return guild.resolve(TestArchive.CHANNEL);
    }
}

package dev.discard.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {
    @TempDir Path tmp;
    final List<Finding> findings = new ArrayList<>();
    static final String TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";

    Verifier.Report verify(String token, Path... runs) throws Exception {
        return new Verifier(new ObjectMapper(), token).verify(List.of(runs), findings::add);
    }

    List<Finding> problems() {
        return findings.stream().filter(Finding::isProblem).toList();
    }

    static final long BASE = TestArchive.id("2021-01-02T00:00:00Z", 0);

    static long id(int n) {
        return BASE + ((long) n << 22);
    }

    static List<String> newestFirst(int from, int to) {
        return TestArchive.newestFirst(BASE, from, to);
    }

    /** A completed Java run with one channel whose log is {@code lines} and whose meta says {@code count}. */
    Path run(List<String> lines, long count, Long oldest, Long newest) throws Exception {
        Path run = tmp.resolve("20210110T000000_channel_full");
        Path guild = run.resolve(TestArchive.GUILD);
        Files.createDirectories(guild);
        Files.writeString(run.resolve("run.meta.json"), TestArchive.runMeta("2021-01-10T00:00:00+00:00", null, null,
                true));
        Files.writeString(guild.resolve("guild.meta.json"), "{\"guild\": {\"id\": " + TestArchive.GUILD
                + ", \"name\": \"G\"}, \"summary\": {\"num_channels\": 1, \"num_messages\": " + count + "}}");
        TestArchive.write(guild.resolve(TestArchive.CHANNEL + ".jsonl"), lines);
        Files.writeString(guild.resolve(TestArchive.CHANNEL + ".meta.json"),
                TestArchive.channelMeta(TestArchive.CHANNEL, "general", count, oldest, newest));
        return run;
    }

    @Test
    void thePythonExampleIsCleanAndItsScrubbedFrameIsInformation() throws Exception {
        Path run = PythonExample.write(tmp);
        Verifier.Report report = verify(null, run);
        assertEquals(List.of(), problems());
        assertEquals(2, findings.size());
        assertEquals(run.resolve("run.jsonl") + ":5: info: scrubbed record: the token was replaced by [SCRUBBED]",
                findings.get(0).toString());
        assertEquals(run.resolve("805808489695150180/guild.meta.json") + ": info: num_messages is 1 but the channel"
                + " meta files add up to 6 (the Python Discard counts only the last channel)", findings.get(1).toString());
        assertEquals(0, report.problems());
        assertEquals(6, report.messages());
        assertEquals(10, report.records());
        assertEquals(8, report.files());
        assertFalse(report.tokenChecked());
    }

    @Test
    void aCleanJavaRunHasNoFindings() throws Exception {
        Path run = run(List.of(TestArchive.page(0, newestFirst(1, 3)), TestArchive.page(id(3), List.of())), 3,
                id(1), id(3));
        assertEquals(0, verify(TOKEN, run).problems());
        assertEquals(List.of(), findings);
    }

    @Test
    void aCountThatDisagreesWithTheLogIsAProblemOfTheMetaFile() throws Exception {
        Path run = run(List.of(TestArchive.page(0, newestFirst(1, 3))), 4, id(1), id(2));
        verify(null, run);
        Path meta = run.resolve(TestArchive.GUILD).resolve(TestArchive.CHANNEL + ".meta.json");
        assertEquals(List.of(
                meta + ": num_messages is 4 but the log holds 3 messages in the run's range (3 in all)",
                meta + ": newest_message is message " + id(2) + " but the log's newest is " + id(3)),
                problems().stream().map(Finding::toString).toList());
    }

    @Test
    void aPageThatSkipsMessagesIsAHole() throws Exception {
        Path run = run(List.of(TestArchive.page(0, newestFirst(1, 3)), TestArchive.page(id(5), newestFirst(6, 7))),
                5, id(1), id(7));
        verify(null, run);
        Path log = run.resolve(TestArchive.GUILD).resolve(TestArchive.CHANNEL + ".jsonl");
        assertEquals(List.of(log + ":2: page hole: this page asks for messages after " + id(5)
                + " but the page before ended at " + id(3) + "; messages between them may be missing"),
                problems().stream().map(Finding::toString).toList());
    }

    @Test
    void aRetriedPageIsAnOverlapNotAHole() throws Exception {
        Path run = run(List.of(TestArchive.page(0, newestFirst(1, 3)), TestArchive.page(0, newestFirst(1, 3)),
                TestArchive.page(id(3), List.of())), 3, id(1), id(3));
        verify(null, run);
        assertEquals(List.of(), problems());
        assertTrue(findings.get(0).toString().contains(":2: info: page overlap"), findings.toString());
    }

    @Test
    void aFullLastPageMeansTheHistoryMayGoOn() throws Exception {
        Path run = run(List.of(TestArchive.page(0, newestFirst(1, 100))), 100, id(1), id(100));
        verify(null, run);
        assertEquals(1, problems().size());
        assertTrue(problems().get(0).message().startsWith("the last message page is full (100 messages)"));
    }

    @Test
    void theTokenIsFoundWhereverItIsAndNeverPrinted() throws Exception {
        String leak = "{\"type\":\"ws\",\"datetime\":\"2021-01-10T00:00:00+00:00\",\"direction\":\"send\","
                + "\"data\":\"{\\\"op\\\":2,\\\"d\\\":{\\\"token\\\":\\\"" + TOKEN + "\\\"}}\"}";
        Path run = run(List.of(TestArchive.page(0, newestFirst(1, 1)), leak, TestArchive.page(id(1), List.of())), 1,
                id(1), id(1));
        Files.writeString(run.resolve("run.jsonl"), "not json " + TOKEN + "\n");
        Verifier.Report report = verify(TOKEN, run);
        assertTrue(report.tokenChecked());
        List<String> lines = problems().stream().map(Finding::toString).toList();
        assertTrue(lines.contains(run.resolve(TestArchive.GUILD).resolve(TestArchive.CHANNEL + ".jsonl")
                + ":2: holds the token"), lines.toString());
        assertTrue(lines.contains(run.resolve("run.jsonl") + ":1: holds the token"), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains(TOKEN)));
    }

    @Test
    void aNoScrubRunIsAProblem() throws Exception {
        Path run = run(List.of(TestArchive.page(0, List.of())), 0, null, null);
        Path meta = run.resolve("run.meta.json");
        Files.writeString(meta, Files.readString(meta).replace("\"token\": null", "\"token\": \"secret\""));
        verify(null, run);
        assertEquals(List.of(meta + ": settings.token holds a token: the run was made with --no-scrub"),
                problems().stream().map(Finding::toString).toList());
    }

    @Test
    void reactionCountsAreComparedWithTheUsersFetched() throws Exception {
        String reactions = ",\"reactions\":[{\"emoji\":{\"id\":null,\"name\":\"\uD83D\uDC4D\"},\"count\":3,"
                + "\"count_details\":{\"burst\":1,\"normal\":2},\"me\":false},"
                + "{\"emoji\":{\"id\":\"123\",\"name\":\"blob\"},\"count\":1,\"count_details\":{\"burst\":0,\"normal\":1}}]";
        String message = TestArchive.message(id(1), 0, "react", reactions);
        Path run = run(List.of(TestArchive.page(0, List.of(message)),
                TestArchive.reactionUsers(id(1), "%F0%9F%91%8D", 0, 0, 11),
                TestArchive.reactionUsers(id(1), "%F0%9F%91%8D", 0, 11), // the empty page ending the walk
                TestArchive.reactionUsers(id(1), "%F0%9F%91%8D", 1, 0, 12),
                TestArchive.reactionUsers(id(1), "blob:123", null, 0, 13),
                TestArchive.page(id(1), List.of())), 1, id(1), id(1));
        verify(null, run);
        Path log = run.resolve(TestArchive.GUILD).resolve(TestArchive.CHANNEL + ".jsonl");
        assertEquals(List.of(log + ":3: reaction \uD83D\uDC4D on message " + id(1) + ": count is 2 but 1 users were"
                + " fetched"), problems().stream().map(Finding::toString).toList());
    }

    @Test
    void aTruncatedGzipChannelLogAndAnIncompleteRunAreProblems() throws Exception {
        Path run = run(List.of(TestArchive.page(0, newestFirst(1, 3)), TestArchive.page(id(3), List.of())), 3,
                id(1), id(3));
        Path plain = run.resolve(TestArchive.GUILD).resolve(TestArchive.CHANNEL + ".jsonl");
        Path gz = TestArchive.write(plain.resolveSibling(TestArchive.CHANNEL + ".jsonl.gz"),
                Files.readAllLines(plain));
        Files.delete(plain);
        byte[] bytes = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(bytes, bytes.length - 10));
        Path meta = run.resolve("run.meta.json");
        Files.writeString(meta, Files.readString(meta).replace("\"completed\": true", "\"completed\": false"));
        verify(null, run);
        List<String> lines = problems().stream().map(Finding::toString).toList();
        assertTrue(lines.get(0).equals(meta + ": the run did not complete"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(gz + ":") && l.contains("truncated gzip stream")),
                lines.toString());
    }
}

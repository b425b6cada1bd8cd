package dev.discard.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.LogFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelLogTest {
    @TempDir Path tmp;
    final List<RecordProblem> problems = new ArrayList<>();
    final List<Message> messages = new ArrayList<>();

    static final long BASE = TestArchive.id("2021-02-01T00:00:00Z", 0);

    static long id(int n) {
        return BASE + ((long) n << 22);
    }

    static List<String> newestFirst(int from, int to) {
        return TestArchive.newestFirst(BASE, from, to);
    }

    ChannelLog.Stats read(String channel, Path... files) {
        List<LogFile> logFiles = new ArrayList<>();
        for (Path f : files) logFiles.add(LogFile.of(f).orElseThrow());
        return new ChannelLog(logFiles, channel, true, new ObjectMapper()).read(new ChannelLog.Listener() {
            @Override
            public void message(Message m) {
                messages.add(m);
            }

            @Override
            public void problem(RecordProblem p) {
                problems.add(p);
            }
        });
    }

    List<Long> ids() {
        return messages.stream().map(Message::id).toList();
    }

    static List<Long> expected(int from, int to) {
        return LongStream.rangeClosed(from, to).map(n -> id((int) n)).boxed().toList();
    }

    @Test
    void pagesNewestFirstAreReadOldestFirst() throws Exception {
        Path log = TestArchive.write(tmp.resolve(TestArchive.CHANNEL + ".jsonl"), List.of(
                TestArchive.page(0, newestFirst(1, 3)), TestArchive.page(id(3), newestFirst(4, 6)),
                TestArchive.page(id(6), List.of())));
        ChannelLog.Stats stats = read(TestArchive.CHANNEL, log);
        assertEquals(expected(1, 6), ids());
        assertEquals(3, stats.pages());
        assertEquals(6, stats.messages());
        assertTrue(problems.isEmpty());
        assertEquals("message 1", messages.get(0).fields().content());
    }

    @Test
    void oldestFirstPagesOfOtherServersAreSortedToo() throws Exception {
        List<String> first = new ArrayList<>(newestFirst(1, 3));
        Collections.reverse(first);
        List<String> second = new ArrayList<>(newestFirst(4, 5));
        Collections.reverse(second);
        Path log = TestArchive.write(tmp.resolve("c.jsonl"), List.of(TestArchive.page(0, first),
                TestArchive.page(id(3), second)));
        read(null, log);
        assertEquals(expected(1, 5), ids());
    }

    @Test
    void repeatedAndOverlappingPagesGiveEachMessageOnce() throws Exception {
        Path log = TestArchive.write(tmp.resolve("c.jsonl"), List.of(
                TestArchive.page(0, newestFirst(1, 4)),
                TestArchive.page(0, newestFirst(1, 4)), // a retried page
                TestArchive.page(id(2), newestFirst(3, 7)), // overlapping
                TestArchive.page(id(7), newestFirst(8, 9))));
        ChannelLog.Stats stats = read(TestArchive.CHANNEL, log);
        assertEquals(expected(1, 9), ids());
        assertEquals(6, stats.repeats());
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void resumedPartsAreReadInOrderAcrossGzipAndPlainFiles() throws Exception {
        Path one = TestArchive.write(tmp.resolve(TestArchive.CHANNEL + ".jsonl.gz"),
                List.of(TestArchive.page(0, newestFirst(1, 3))));
        Path two = TestArchive.write(tmp.resolve(TestArchive.CHANNEL + ".2.jsonl"),
                List.of(TestArchive.page(id(2), newestFirst(3, 5))));
        Path three = TestArchive.write(tmp.resolve(TestArchive.CHANNEL + ".3.jsonl.gz"),
                List.of(TestArchive.page(id(5), newestFirst(6, 6))));
        read(TestArchive.CHANNEL, LogParts.find(tmp, TestArchive.CHANNEL).files().stream().map(LogFile::path)
                .toArray(Path[]::new));
        assertEquals(expected(1, 6), ids());
        assertEquals(List.of(one, two, three), LogParts.find(tmp, TestArchive.CHANNEL).files().stream()
                .map(LogFile::path).toList());
    }

    @Test
    void pagesThatGoBackwardLoseNoMessageAndAreReportedOncePerPage() throws Exception {
        Path log = TestArchive.write(tmp.resolve("c.jsonl"), List.of(
                TestArchive.page(id(6), newestFirst(7, 9)),
                TestArchive.page(id(3), newestFirst(4, 6)),
                TestArchive.page(0, newestFirst(1, 3))));
        ChannelLog.Stats stats = read(null, log);
        assertEquals(List.of(id(7), id(8), id(9), id(4), id(5), id(6), id(1), id(2), id(3)), ids());
        assertEquals(6, stats.outOfOrder());
        assertEquals(2, problems.size());
        assertEquals(2, problems.get(0).line());
        assertTrue(problems.get(0).message().startsWith("3 messages older than messages read before"));
    }

    @Test
    void failedAttemptsAndOtherChannelsAreNotPages() throws Exception {
        Path log = TestArchive.write(tmp.resolve("c.jsonl"), List.of(
                TestArchive.rateLimited(0),
                TestArchive.page("999", 0, newestFirst(50, 51), 200),
                TestArchive.page(0, newestFirst(1, 2))));
        ChannelLog.Stats stats = read(TestArchive.CHANNEL, log);
        assertEquals(expected(1, 2), ids());
        assertEquals(1, stats.pages());
        assertTrue(problems.isEmpty());
    }

    @Test
    void messagesKeepTheirExactBytesForJsonOutput() throws Exception {
        String python = TestArchive.pythonPage(0, newestFirst(1, 2));
        Path log = TestArchive.write(tmp.resolve("c.jsonl"), List.of(python));
        read(TestArchive.CHANNEL, log);
        assertEquals(2, messages.size());
        String first = messages.get(0).json();
        assertTrue(first.startsWith("{\"id\": \"" + id(1) + "\", \"type\": 0"), first);
        assertTrue(python.contains(first));
        assertTrue(first.endsWith("}"));
        new ObjectMapper().readTree(first); // a whole object
    }

    @Test
    void aResponseWrittenBeforeItsRequestIsStillAPage() throws Exception {
        String page = TestArchive.page(0, newestFirst(1, 2));
        int request = page.indexOf(",\"request\":");
        int response = page.indexOf(",\"response\":");
        String reordered = page.substring(0, request) + page.substring(response, page.length() - 1)
                + page.substring(request, response) + "}";
        Path log = TestArchive.write(tmp.resolve("c.jsonl"), List.of(reordered));
        read(TestArchive.CHANNEL, log);
        assertEquals(expected(1, 2), ids());
        assertEquals("message 2", messages.get(1).fields().content());
        assertTrue(reordered.contains(messages.get(1).json()));
    }

    @Test
    void aMessageWithoutIdIsReportedAndTheOthersRead() throws Exception {
        Path log = TestArchive.write(tmp.resolve("c.jsonl"), List.of(TestArchive.page(0,
                List.of(TestArchive.message(id(2), "ok"), "{\"content\":\"no id\"}", "42"))));
        read(TestArchive.CHANNEL, log);
        assertEquals(List.of(id(2)), ids());
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).message().contains("message 2 of the page has no valid id"), problems.toString());
        assertTrue(problems.get(1).message().contains("element 3 of the page is not a message object"),
                problems.toString());
    }
}

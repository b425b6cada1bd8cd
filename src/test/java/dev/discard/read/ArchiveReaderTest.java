package dev.discard.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.LogFile;
import dev.discard.format.Timestamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {
    @TempDir Path tmp;
    final ObjectMapper mapper = new ObjectMapper();
    final List<RecordProblem> problems = new ArrayList<>();

    List<ArchiveRecord> readAll(List<LogFile> files) {
        List<ArchiveRecord> records = new ArrayList<>();
        try (ArchiveReader reader = new ArchiveReader(files, mapper, problems::add, null)) {
            ArchiveRecord r;
            while ((r = reader.next()) != null) records.add(r);
        }
        return records;
    }

    static LogFile log(Path file) {
        return LogFile.of(file).orElseThrow();
    }

    @Test
    void aBrokenLineInTheMiddleIsReportedWithItsLineAndTheRestIsRead() throws Exception {
        Path file = TestArchive.write(tmp.resolve("1.jsonl"), List.of(
                TestArchive.page(0, List.of(TestArchive.message(10L << 22, "a"))),
                "{\"type\": \"http\", \"request\": {\"url\": ",
                TestArchive.page(10L << 22, List.of(TestArchive.message(11L << 22, "b")))));
        List<ArchiveRecord> records = readAll(List.of(log(file)));
        assertEquals(2, records.size());
        assertEquals(List.of(1L, 3L), records.stream().map(ArchiveRecord::line).toList());
        assertEquals(1, problems.size());
        assertEquals(2, problems.get(0).line());
        assertEquals(file, problems.get(0).file());
        assertTrue(problems.get(0).message().startsWith("not a valid JSON record"), problems.get(0).message());
        assertTrue(problems.get(0).toString().startsWith(file + ":2: "));
    }

    @Test
    void aLineThatIsNotAnObjectOrHasTrailingDataIsAProblem() throws Exception {
        Path file = TestArchive.write(tmp.resolve("1.jsonl"), List.of("[1,2]", "{\"type\":\"ws\"} {}", "{\"type\":\"ws\"}"));
        assertEquals(1, readAll(List.of(log(file))).size());
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).message().contains("expected a JSON object but was an array"));
        assertTrue(problems.get(1).message().contains("found more data"));
    }

    @Test
    void everyTruncationOfAGzipLogIsDetectedAndTheCompleteLinesBeforeItAreRead() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            lines.add(TestArchive.page((long) i << 22, List.of(TestArchive.message((long) (i + 1) << 22, "m" + i))));
        }
        Path whole = TestArchive.write(tmp.resolve("whole.jsonl.gz"), lines);
        byte[] bytes = Files.readAllBytes(whole);
        assertEquals(20, readAll(List.of(log(whole))).size());
        assertTrue(problems.isEmpty(), problems.toString());
        for (int length = 0; length < bytes.length; length++) {
            Path cut = tmp.resolve("cut.jsonl.gz");
            Files.write(cut, Arrays.copyOf(bytes, length));
            problems.clear();
            List<ArchiveRecord> records = readAll(List.of(log(cut)));
            assertEquals(1, problems.size(), "truncated to " + length + " bytes: " + problems);
            assertTrue(records.size() <= 20);
            for (int i = 0; i < records.size(); i++) assertEquals(i + 1, records.get(i).line());
            String message = problems.get(0).message();
            assertTrue(message.contains("gzip"), "truncated to " + length + " bytes: " + message);
        }
    }

    @Test
    void aTruncatedGzipPartDoesNotStopTheNextPart() throws Exception {
        Path first = TestArchive.write(tmp.resolve("5.jsonl.gz"), List.of(TestArchive.page(0, List.of())));
        byte[] bytes = Files.readAllBytes(first);
        Files.write(first, Arrays.copyOf(bytes, bytes.length - 4));
        Path second = TestArchive.write(tmp.resolve("5.2.jsonl"), List.of(TestArchive.page(7, List.of())));
        List<ArchiveRecord> records = readAll(List.of(log(first), log(second)));
        assertEquals(second, records.get(records.size() - 1).file());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().startsWith("truncated gzip stream"), problems.get(0).message());
    }

    @Test
    void pythonRecordsWithoutStatusCountAsSuccessAndNaiveWsTimesAreKept() throws Exception {
        Path file = TestArchive.write(tmp.resolve("run.jsonl"), List.of(PythonExample.RUN_LOG.strip().split("\n")));
        List<ArchiveRecord> records = readAll(List.of(log(file)));
        assertEquals(6, records.size());
        ArchiveRecord me = records.get(0);
        assertNull(me.status());
        assertEquals(200, me.effectiveStatus());
        assertTrue(me.isSuccess());
        assertEquals("https://discord.com/api/v7/users/@me", me.url());
        assertEquals("DiscardTest", me.data().get("username").asText());
        ArchiveRecord identify = records.get(4);
        assertTrue(identify.isWs());
        assertEquals("send", identify.direction());
        assertEquals("2021-02-01T18:47:40.838720", identify.datetime());
        assertTrue(Timestamps.isNaive(identify.datetime()));
        assertTrue(identify.scrubbed());
        assertTrue(identify.dataJson().startsWith("\"{\\\"op\\\":2"), identify.dataJson());
        assertFalse(records.get(5).scrubbed());
        assertTrue(problems.isEmpty());
    }

    @Test
    void anAttemptWithoutResponseHasItsErrorAndNoStatus() throws Exception {
        Path file = TestArchive.write(tmp.resolve("1.jsonl"), List.of("{\"type\":\"http\",\"datetime_start\":"
                + "\"2024-01-01T00:00:00+00:00\",\"datetime_end\":\"2024-01-01T00:00:30+00:00\",\"request\":"
                + "{\"method\":\"GET\",\"url\":\"https://discord.com/api/v10/gateway\"},\"error\":\"timeout\"}"));
        ArchiveRecord r = readAll(List.of(log(file))).get(0);
        assertEquals("timeout", r.error());
        assertFalse(r.hasResponse());
        assertNull(r.effectiveStatus());
        assertFalse(r.hasData());
    }

    @Test
    void logPartsAreFoundInOrderAndGapsOrDoublesAreAnomalies() throws Exception {
        for (String name : List.of("9.jsonl.gz", "9.2.jsonl", "9.4.jsonl", "9.4.jsonl.gz", "guild.jsonl", "9.meta.json")) {
            Files.writeString(tmp.resolve(name), "");
        }
        LogParts parts = LogParts.find(tmp, "9");
        assertEquals(List.of("9.jsonl.gz", "9.2.jsonl", "9.4.jsonl.gz"),
                parts.files().stream().map(f -> f.path().getFileName().toString()).toList());
        assertEquals(2, parts.anomalies().size(), parts.anomalies().toString());
        assertTrue(parts.anomalies().get(0).message().contains("expected part 3"));
        assertTrue(parts.anomalies().get(1).message().contains("reading only 9.4.jsonl.gz"));
        assertTrue(LogParts.find(tmp, "10").isEmpty());
    }
}

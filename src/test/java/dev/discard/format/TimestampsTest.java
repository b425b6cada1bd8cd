package dev.discard.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    private static final DateTimeFormatter RECORD =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    @Test
    void isoMicrosWritesWhatTheFormatterWrites() {
        Instant[] edges = {Instant.EPOCH, Instant.parse("2021-02-01T17:47:43.374877Z"),
            Instant.parse("2021-02-01T17:47:43.374877999Z"), Instant.parse("0001-01-01T00:00:00Z"),
            Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("0000-12-31T23:59:59Z"), Instant.parse("-0001-06-01T12:00:00.5Z"),
            Instant.parse("2084-03-01T00:00:00Z"), Instant.parse("2000-02-29T23:59:59.000001Z")};
        for (Instant edge : edges) assertEquals(RECORD.format(edge), Timestamps.isoMicros(edge), edge.toString());
        Random random = new Random(18);
        for (int n = 0; n < 100_000; n++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L * 2, 253_402_300_800L * 2),
                    random.nextInt(1_000_000_000));
            assertEquals(RECORD.format(t), Timestamps.isoMicros(t), t.toString());
        }
        assertEquals("2021-02-01T17:47:43.374877+00:00", Timestamps.isoMicros(
                Instant.parse("2021-02-01T17:47:43.374877Z")));
    }
}

package dev.discard.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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

    /** What {@link Timestamps#parse} means: ISO 8601 with an offset, else without one as UTC; a space for the T. */
    private static Instant reference(String text) {
        String t = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        }
    }

    private static void assertParsesAsReference(String text) {
        Instant expected;
        try {
            expected = reference(text);
        } catch (DateTimeParseException e) {
            try {
                Instant got = Timestamps.parse(text);
                throw new AssertionError(text + " is not a date-time, yet parsed as " + got);
            } catch (DateTimeParseException refused) {
                return;
            }
        }
        assertEquals(expected, Timestamps.parse(text), text);
    }

    @Test
    void parseReadsWhatTheFormatterReadsAndRefusesWhatItRefuses() {
        String[] cases = {"2021-02-01T17:47:40.375815+00:00", "2021-02-01T17:47:40+00:00", "2021-02-01T17:47:40Z",
            "2021-02-01T17:47:40.1Z", "2021-02-01T17:47:40.123456789+00:00", "2021-02-01T17:47:40.1234567891+00:00",
            "2021-02-01 17:47:40.375815", "2021-02-01T00:00:00", " 2021-02-01T00:00:00 ", "2021-02-01T17:47:40+05:30",
            "2021-02-01T17:47:40-08:00", "2021-02-01T17:47:40+18:00", "2021-02-01T17:47:40+18:01",
            "2021-02-01T17:47:40+19:00", "2021-02-01T17:47:40+05:60", "2021-02-30T00:00:00", "2021-13-01T00:00:00",
            "2021-02-01T24:00:00", "2021-02-01T23:60:00", "2021-02-01T23:59:60", "2000-02-29T12:00:00",
            "1900-02-29T12:00:00", "0000-01-01T00:00:00Z", "2021-02-01t17:47:40Z", "2021-02-01T17:47",
            "2021-02-01T17:47+00:00", "2021-02-01T17:47:40.", "2021-02-01T17:47:40.Z", "2021-02-01T17:47:40+0000",
            "2021-02-01T17:47:40+00", "2021-02-01T17:47:40 +00:00", "2021-2-01T17:47:40Z", "+2021-02-01T17:47:40Z",
            "2021-02-01T17:47:40.375815+00:00x", "２０２１-02-01T17:47:40Z", "2021-02-01T17:47:40.3758１5Z",
            "2021-02-01T17:47:40z", "2021-02-01T17:47:40-00:00", "2021-02-01T17:47:40+00:00:00", ""};
        for (String c : cases) assertParsesAsReference(c);
        Random random = new Random(30);
        String[] offsets = {"", "Z", "+00:00", "+01:00", "-03:30", "+14:00"};
        for (int n = 0; n < 20_000; n++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_800L),
                    random.nextInt(1_000_000_000));
            StringBuilder text = new StringBuilder(t.atOffset(ZoneOffset.UTC).toLocalDateTime().toString());
            if (random.nextBoolean()) text.setCharAt(10, ' ');
            text.append(offsets[random.nextInt(offsets.length)]);
            assertParsesAsReference(text.toString());
            // The same text with one character changed: most are refused, some are other date-times.
            int at = random.nextInt(text.length());
            text.setCharAt(at, "0123456789:-+.TZ x".charAt(random.nextInt(18)));
            assertParsesAsReference(text.toString());
        }
    }
}

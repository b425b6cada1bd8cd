package dev.discard.archive;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the archive writes them: ISO 8601, microseconds, explicit UTC offset, like Python's {@code isoformat()}. */
public final class Timestamps {
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RANGE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RUN_NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /** {@code 2021-02-01T17:47:43.374877+00:00}. */
    public static String iso(Instant instant) {
        return ISO.format(instant);
    }

    /** {@code 2021-02-01T00:00:00+00:00}, for the range settings, which have whole seconds. */
    public static String isoSeconds(Instant instant) {
        return RANGE.format(instant);
    }

    /** {@code 20210201T174740}, the start of a run directory's name. */
    static String runName(Instant instant) {
        return RUN_NAME.format(instant);
    }
}

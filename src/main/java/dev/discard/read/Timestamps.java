package dev.discard.read;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The date-times of archives: Discord's, the Java archiver's (with offset) and the Python Discard's (naive). */
public final class Timestamps {
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final String UTC_SUFFIX = "+00:00";

    private Timestamps() {}

    /**
     * Reads ISO 8601 with an offset ({@code 2021-02-01T17:47:40.375815+00:00}, {@code …Z}), or without one
     * ({@code 2021-02-01T00:00:00}), which is read as UTC as Discard's {@code --after}/{@code --before} are.
     * Null for null.
     *
     * @throws DateTimeParseException when the text is neither
     */
    public static Instant parse(String text) {
        if (text == null) return null;
        String t = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        }
    }

    /** Whether the text has no UTC offset (naive local time of Python Discard ws records, naive UTC in its meta). */
    public static boolean isNaive(String text) {
        try {
            LocalDateTime.parse(text.strip().replace(' ', 'T'));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** ISO 8601 UTC with offset, as the Java archiver writes: {@code 2021-02-01T00:00:00+00:00}. */
    public static String iso(Instant time) {
        if (time == null) return null;
        return (time.getNano() == 0 ? ISO : ISO_MICROS).format(time.atOffset(ZoneOffset.UTC));
    }

    /** {@code 2021-02-01 17:47:40} in UTC. */
    public static String seconds(Instant time) {
        return SECONDS.format(time.atOffset(ZoneOffset.UTC));
    }

    /**
     * {@code 2021-02-01 14:35:33.216000}: a Discord message timestamp in UTC with six fraction digits, none when they
     * are all zero ({@code 2021-02-01 14:35:33}, as Python prints a datetime). The common form
     * ({@code …+00:00} with up to six digits) is rewritten without parsing; anything else is parsed and converted.
     *
     * @throws DateTimeParseException when the text is not a date-time
     */
    public static String display(String discordTimestamp) {
        String t = discordTimestamp;
        if (t.length() >= 25 && t.length() <= 32 && t.endsWith(UTC_SUFFIX) && t.charAt(10) == 'T' && t.charAt(19) == '.') {
            int fraction = t.length() - UTC_SUFFIX.length() - 20;
            StringBuilder b = new StringBuilder(26).append(t, 0, 10).append(' ').append(t, 11, 20 + fraction);
            for (int i = fraction; i < 6; i++) b.append('0');
            return b.toString().endsWith(".000000") ? b.substring(0, 19) : b.toString();
        }
        return display(parse(t));
    }

    /** As Python's {@code str(datetime)}, which Discard prints: no fraction when the microseconds are 0. */
    public static String display(Instant time) {
        return (time.getNano() / 1000 == 0 ? SECONDS : DISPLAY).format(time.atOffset(ZoneOffset.UTC));
    }
}

package dev.discard.format;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The date-times of archives, written and read: the Java archiver's (ISO 8601 with microseconds and an explicit UTC
 * offset, like Python's {@code isoformat()}), Discord's, and the Python Discard's (naive).
 */
public final class Timestamps {
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final DateTimeFormatter RECORD =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RANGE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RUN_NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    private static final String UTC_SUFFIX = "+00:00";
    private static final byte[] UTC_SUFFIX_BYTES = UTC_SUFFIX.getBytes(StandardCharsets.US_ASCII);

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
        Instant common = parseCommon(text);
        if (common != null) return common;
        String t = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        }
    }

    /**
     * The archive's own forms read without a formatter ({@code 2021-02-01T17:47:40.375815+00:00}, Discord's, the
     * Python Discard's naive ones): {@code yyyy-MM-dd}, {@code T} or a space, {@code HH:mm:ss}, up to nine fraction
     * digits, then {@code +HH:MM}, {@code Z} or nothing (UTC). Null for anything else, which {@link #parse} then reads
     * with the formatter: every record holds two such times, and the formatter's generality was most of reading them.
     */
    private static Instant parseCommon(String t) {
        int n = t.length();
        if (n < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        char separator = t.charAt(10);
        if (separator != 'T' && separator != ' ') return null;
        int year = number(t, 0, 4);
        int month = number(t, 5, 2);
        int day = number(t, 8, 2);
        int hour = number(t, 11, 2);
        int minute = number(t, 14, 2);
        int second = number(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) return null;
        int at = 19;
        int nano = 0;
        if (at < n && t.charAt(at) == '.') {
            int digits = 0;
            at++;
            while (at < n && digits < 10 && t.charAt(at) >= '0' && t.charAt(at) <= '9') {
                nano = nano * 10 + (t.charAt(at++) - '0');
                digits++;
            }
            if (digits == 0 || digits > 9) return null;
            for (int k = digits; k < 9; k++) nano *= 10;
        }
        int offsetSeconds;
        if (at == n || at == n - 1 && t.charAt(at) == 'Z') {
            offsetSeconds = 0;
        } else if (at == n - 6 && t.charAt(at) == '+' && t.charAt(at + 3) == ':') {
            int offsetHours = number(t, at + 1, 2);
            int offsetMinutes = number(t, at + 4, 2);
            if ((offsetHours | offsetMinutes) < 0 || offsetHours > 18 || offsetMinutes > 59) return null;
            offsetSeconds = offsetHours * 3600 + offsetMinutes * 60;
            if (offsetSeconds > 18 * 3600) return null;
        } else {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nano);
            return Instant.ofEpochSecond(local.toEpochSecond(ZoneOffset.UTC) - offsetSeconds, nano);
        } catch (java.time.DateTimeException e) {
            return null; // out of range: the formatter says why
        }
    }

    /** The {@code width} decimal digits at {@code t[at]}; -1 when one is not a digit. */
    private static int number(String t, int at, int width) {
        int value = 0;
        for (int k = at; k < at + width; k++) {
            char c = t.charAt(k);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
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

    /**
     * {@code 2021-02-01T17:47:43.374877+00:00}: records and the times of meta files, always six fraction digits. (No
     * method here is called plain {@code iso}: the archive's form and {@link #isoCompact} differ, so callers choose.)
     */
    public static String isoMicros(Instant instant) {
        // Written out by hand for the years of four digits: two per record, DateTimeFormatter took 5 µs each under
        // the launcher's C1 compiler, a fiftieth of a large run.
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) return RECORD.format(instant);
        char[] c = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0', '.',
            '0', '0', '0', '0', '0', '0', '+', '0', '0', ':', '0', '0'};
        digits(c, 0, t.getYear(), 4);
        digits(c, 5, t.getMonthValue(), 2);
        digits(c, 8, t.getDayOfMonth(), 2);
        digits(c, 11, t.getHour(), 2);
        digits(c, 14, t.getMinute(), 2);
        digits(c, 17, t.getSecond(), 2);
        digits(c, 20, t.getNano() / 1_000, 6);
        return new String(c);
    }

    /** {@code value} in decimal into {@code c[at, at + width)}, zero-padded. */
    private static void digits(char[] c, int at, int value, int width) {
        for (int k = at + width - 1; k >= at; k--) {
            c[k] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** {@code 2021-02-01T00:00:00+00:00}, for the range settings, which have whole seconds. */
    public static String isoSeconds(Instant instant) {
        return RANGE.format(instant);
    }

    /** {@code 20210201T174740}, the start of a run directory's name. */
    public static String runName(Instant instant) {
        return RUN_NAME.format(instant);
    }

    /**
     * ISO 8601 UTC with offset, the fraction only when there is one: {@code 2021-02-01T00:00:00+00:00}; null for null.
     * For reports of what was read.
     */
    public static String isoCompact(Instant time) {
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

    /**
     * The length of {@link #display(String)} of the common form ({@code …+00:00} with up to six fraction digits) from
     * its ASCII bytes {@code t[from, to)}: 19 or 26 bytes; -1 when the bytes are not in that form, for the caller to
     * use {@link #display(String)}. {@link #display(byte[], int, int, byte[], int, int)} writes it.
     */
    public static int displayLength(byte[] t, int from, int to) {
        int length = to - from;
        if (length < 25 || length > 32 || t[from + 10] != 'T' || t[from + 19] != '.') return -1;
        int suffix = to - UTC_SUFFIX_BYTES.length;
        for (int k = 0; k < UTC_SUFFIX_BYTES.length; k++) {
            if (t[suffix + k] != UTC_SUFFIX_BYTES[k]) return -1;
        }
        for (int k = from; k < from + 19; k++) {
            if (t[k] < 0) return -1; // not ASCII: characters and bytes would not line up
        }
        int shown = 19;
        for (int k = from + 20; k < suffix; k++) {
            if (t[k] < 0) return -1;
            if (t[k] != '0') shown = 26;
        }
        return shown;
    }

    /** Writes what {@link #displayLength} measured, {@code shown} bytes, at {@code out[at]}. */
    public static void display(byte[] t, int from, int to, byte[] out, int at, int shown) {
        int fraction = to - from - UTC_SUFFIX_BYTES.length - 20;
        System.arraycopy(t, from, out, at, 10);
        out[at + 10] = ' ';
        System.arraycopy(t, from + 11, out, at + 11, Math.min(shown, 20 + fraction) - 11);
        for (int k = 20 + fraction; k < shown; k++) out[at + k] = '0';
    }

    /** As Python's {@code str(datetime)}, which Discard prints: no fraction when the microseconds are 0. */
    public static String display(Instant time) {
        return (time.getNano() / 1000 == 0 ? SECONDS : DISPLAY).format(time.atOffset(ZoneOffset.UTC));
    }
}

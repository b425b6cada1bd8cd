package dev.discard.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A strict pull reader of JSON (RFC 8259) in UTF-8 bytes, for the loops that read every archived message: names are
 * compared as bytes, only the strings a caller asks for are decoded, and the values it does not want are checked and
 * passed over without becoming tokens or objects (Jackson's tokenizing was two thirds of the archiver's Java time).
 *
 * <p>It accepts a subset of what the project's Jackson configuration ({@link Json}) accepts: no byte order mark,
 * nesting at most {@value #MAX_DEPTH} deep, names and numbers at most {@value #MAX_TOKEN} bytes, names without
 * escapes where a caller compares them. Anything else, well-formed or not, ends in {@link Unreadable}, and the caller
 * reads the bytes again with Jackson, which then decides. So what this cursor accepts, Jackson accepts too.
 *
 * <p>Use: {@link #beginObject()} then {@code while (nextField())} a value per name; {@link #beginArray()} then
 * {@code while (nextElement())} a value per element; every value read or {@link #skipValue() skipped}. Not
 * thread-safe.
 */
public final class JsonCursor {
    /** Nesting deeper than this is left to Jackson. */
    public static final int MAX_DEPTH = 1_000;
    /** Names and numbers longer than this (in bytes) are left to Jackson. */
    public static final int MAX_TOKEN = 1_000;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = '"' * LOW_BITS;
    private static final long BACKSLASHES = '\\' * LOW_BITS;
    private static final long SPACES = ' ' * LOW_BITS;

    /** The bytes are not JSON this cursor vouches for; read them with Jackson. Carries no stack trace: it is common. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String why, int at) {
            super(why + " at byte " + at, null, false, false);
        }
    }

    private final byte[] b;
    private final int end;
    private int i;
    private int depth;
    /** Between {@code begin…} and the container's first name or element. */
    private boolean first;
    private int nameStart;
    private int nameEnd;
    private boolean nameEscaped;
    private boolean escaped;
    private boolean lineBreaks;
    /** The content of the last string passed by {@link #rawString()}, as written. */
    private int stringStart;
    private int stringEnd;
    private boolean stringEscaped;

    /** A cursor over {@code bytes[from, to)}. */
    public JsonCursor(byte[] bytes, int from, int to) {
        this.b = bytes;
        this.i = from;
        this.end = to;
    }

    public JsonCursor(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    /** The next value's first byte, after any whitespace; the value is not consumed. */
    public int peek() throws Unreadable {
        int c = next();
        if (c < 0) throw fail("expected a value but the JSON ended");
        return c;
    }

    /** Where the cursor is: past the last value read, or on the next one after {@link #peek()}. */
    public int position() {
        return i;
    }

    /** Whether a line break stood between tokens anywhere the cursor has passed (not inside strings). */
    public boolean sawLineBreaks() {
        return lineBreaks;
    }

    public void beginObject() throws Unreadable {
        begin('{');
    }

    public void beginArray() throws Unreadable {
        begin('[');
    }

    /** Begins the object before the cursor and returns true; passes over any other value and returns false. */
    public boolean enterObject() throws Unreadable {
        return enter('{');
    }

    /** Begins the array before the cursor and returns true; passes over any other value and returns false. */
    public boolean enterArray() throws Unreadable {
        return enter('[');
    }

    private boolean enter(char bracket) throws Unreadable {
        if (peek() != bracket) {
            skipValue();
            return false;
        }
        begin(bracket);
        return true;
    }

    private void begin(char bracket) throws Unreadable {
        if (next() != bracket) throw fail("expected " + bracket);
        if (++depth > MAX_DEPTH) throw fail("nested deeper than " + MAX_DEPTH);
        i++;
        first = true;
    }

    /** Moves onto the next name of the object, past its colon; false (and past the object) when it has no more. */
    public boolean nextField() throws Unreadable {
        if (!nextMember('}')) return false;
        if (b[i] != '"') throw fail("expected a name");
        int start = i + 1;
        int close = scanString(start);
        if (close - start > MAX_TOKEN) throw fail("a name longer than " + MAX_TOKEN + " bytes");
        nameStart = start;
        nameEnd = close;
        nameEscaped = escaped;
        i = close + 1;
        if (next() != ':') throw fail("expected ':'");
        i++;
        return true;
    }

    /** Moves onto the next element of the array; false (and past the array) when it has no more. */
    public boolean nextElement() throws Unreadable {
        if (!nextMember(']')) return false;
        if (b[i] == ']') throw fail("expected a value");
        return true;
    }

    private boolean nextMember(char close) throws Unreadable {
        int c = next();
        if (first) {
            first = false;
            if (c == close) return close();
        } else {
            if (c == close) return close();
            if (c != ',') throw fail("expected ',' or '" + close + "'");
            i++;
            c = next();
        }
        if (c < 0) throw fail("the JSON ended inside a container");
        return true;
    }

    private boolean close() {
        i++;
        depth--;
        first = false;
        return false;
    }

    /**
     * Whether the current name is {@code ascii}, compared as bytes.
     *
     * @throws Unreadable when the name has escapes (never in what Discord sends): Jackson compares those
     */
    public boolean nameIs(byte[] ascii) throws Unreadable {
        return nameLength() == ascii.length && sameName(ascii); // short, for C1 to inline
    }

    private boolean sameName(byte[] ascii) {
        for (int k = 0; k < ascii.length; k++) {
            if (b[nameStart + k] != ascii[k]) return false;
        }
        return true;
    }

    /**
     * The current name's length in bytes, for callers that tell names apart by length first.
     *
     * @throws Unreadable when the name has escapes, which make its length say nothing
     */
    public int nameLength() throws Unreadable {
        if (nameEscaped) throw fail("a name with escapes");
        return nameEnd - nameStart;
    }

    /** The current name, decoded: for names a caller keeps rather than compares. */
    public String name() {
        return nameEscaped ? decode(nameStart, nameEnd) : new String(b, nameStart, nameEnd - nameStart,
                StandardCharsets.UTF_8);
    }

    /** The next value, which must be a string, decoded. */
    public String string() throws Unreadable {
        passString();
        return lastString();
    }

    /**
     * Passes over the next value, which must be a string, without decoding it; true when it has no escapes, so that
     * its bytes {@code [stringStart(), stringEnd())} of the array are its text in strict UTF-8. {@link #lastString()}
     * decodes it either way.
     */
    public boolean rawString() throws Unreadable {
        passString();
        return !stringEscaped;
    }

    private void passString() throws Unreadable {
        if (next() != '"') throw fail("expected a string");
        stringStart = i + 1;
        stringEnd = scanString(stringStart);
        stringEscaped = escaped;
        i = stringEnd + 1;
    }

    /** The first byte of the content of the string last passed. */
    public int stringStart() {
        return stringStart;
    }

    /** One past the last byte of its content (its closing quote). */
    public int stringEnd() {
        return stringEnd;
    }

    /** The string last passed, decoded. */
    public String lastString() {
        return stringEscaped ? decode(stringStart, stringEnd)
                : new String(b, stringStart, stringEnd - stringStart, StandardCharsets.UTF_8);
    }

    /**
     * The next value, which must be a string, decoded when its bytes hold {@code needle} or an escape (which may stand
     * for it); otherwise null, and nothing is decoded.
     */
    public String stringIfItHas(byte needle) throws Unreadable {
        passString();
        return stringEscaped || ByteScan.indexOf(b, stringStart, stringEnd, needle) >= 0 ? lastString() : null;
    }

    /**
     * The next value, which must be a string, as a snowflake id ({@link Snowflake#parseOr}); {@code fallback} when it
     * is not one.
     */
    public long snowflakeOr(long fallback) throws Unreadable {
        passString();
        int length = stringEnd - stringStart;
        if (stringEscaped || length == 0 || length > 18) return Snowflake.parseOr(lastString(), fallback);
        long value = 0;
        for (int k = stringStart; k < stringEnd; k++) {
            int digit = b[k] - '0';
            if (digit < 0 || digit > 9) return fallback;
            value = value * 10 + digit;
        }
        return value == 0 ? fallback : value;
    }

    /** The next value as a string when it is one, null when it is JSON null; anything else is left to Jackson. */
    public String stringOrNull() throws Unreadable {
        if (peek() == 'n') {
            skipLiteral('u', 'l', 'l', 4);
            return null;
        }
        return string();
    }

    /**
     * The next value, which must be a scalar, as Jackson's {@code getText()} gives it: a string decoded, a number as
     * written, {@code true} or {@code false}; null for JSON null. An object or array is left to Jackson.
     */
    public String scalarText() throws Unreadable {
        int c = peek();
        switch (c) {
            case '"' -> {
                return string();
            }
            case 't' -> {
                skipLiteral('r', 'u', 'e', 4);
                return "true";
            }
            case 'f' -> {
                skipLiteral('a', 'l', 's', 5);
                return "false";
            }
            case 'n' -> {
                skipLiteral('u', 'l', 'l', 4);
                return null;
            }
            case '{', '[' -> throw fail("expected a scalar");
            default -> {
                int start = i;
                skipNumber();
                return new String(b, start, i - start, StandardCharsets.ISO_8859_1);
            }
        }
    }

    /**
     * The next value as text the way {@link JsonStream#text} reads it from Jackson: {@link #scalarText()}, and null
     * for an object or array, which is skipped.
     */
    public String text() throws Unreadable {
        int c = peek();
        if (c == '{' || c == '[') {
            skipValue();
            return null;
        }
        return scalarText();
    }

    /**
     * The next value, which must be an integer of at most 18 digits (no fraction, no exponent); anything else is left
     * to Jackson.
     */
    public long integer() throws Unreadable {
        int c = next();
        int start = i;
        boolean negative = c == '-';
        if (negative) i++;
        long value = 0;
        int digits = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            value = value * 10 + (b[i++] - '0');
            digits++;
        }
        if (digits == 0 || digits > 18 || (digits > 1 && b[start + (negative ? 1 : 0)] == '0')) {
            throw fail("expected an integer of up to 18 digits");
        }
        if (i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E')) throw fail("expected an integer");
        return negative ? -value : value;
    }

    /** The next value, which must be an integer that fits an {@code int}; anything else is left to Jackson. */
    public int intValue() throws Unreadable {
        long value = integer();
        if (value != (int) value) throw fail("an integer beyond int");
        return (int) value;
    }

    /** Checks and passes over the next value, whatever it is. */
    public void skipValue() throws Unreadable {
        int c = peek();
        switch (c) {
            case '{' -> {
                beginObject();
                while (nextField()) skipValue();
            }
            case '[' -> {
                beginArray();
                while (nextElement()) skipValue();
            }
            case '"' -> i = scanString(i + 1) + 1;
            case 't' -> skipLiteral('r', 'u', 'e', 4);
            case 'f' -> skipLiteral('a', 'l', 's', 5);
            case 'n' -> skipLiteral('u', 'l', 'l', 4);
            default -> skipNumber();
        }
    }

    /** Checks that nothing but whitespace follows. */
    public void end() throws Unreadable {
        if (next() >= 0) throw fail("expected the end after the value");
    }

    /** Passes over {@code true}, {@code false} or {@code null}: its first letter seen, then these, then an {@code e}. */
    private void skipLiteral(char second, char third, char fourth, int length) throws Unreadable {
        if (end - i < length || b[i + 1] != second || b[i + 2] != third || b[i + 3] != fourth
                || (length == 5 && b[i + 4] != 'e')) {
            throw fail("expected a value");
        }
        i += length;
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?} */
    private void skipNumber() throws Unreadable {
        int start = i;
        if (i < end && b[i] == '-') i++;
        if (i < end && b[i] == '0') {
            i++;
        } else if (digits() == 0) {
            throw fail("expected a value");
        }
        if (i < end && b[i] == '.') {
            i++;
            if (digits() == 0) throw fail("expected a digit after '.'");
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) i++;
            if (digits() == 0) throw fail("expected a digit in the exponent");
        }
        if (i - start > MAX_TOKEN) throw fail("a number longer than " + MAX_TOKEN + " bytes");
    }

    private int digits() {
        int start = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') i++;
        return i - start;
    }

    /**
     * The next byte that is not JSON whitespace, as an unsigned value, without consuming it; -1 at the end. A control
     * byte is returned as it is, for the caller to refuse. Small enough to be inlined: compact JSON has no whitespace.
     */
    private int next() {
        int c; // signed: a byte above 0x7F takes the long way, which returns it unsigned
        if (i < end && (c = b[i]) > ' ') return c;
        return skipSpace();
    }

    /** As {@link #next()}, past whitespace. */
    private int skipSpace() {
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c > ' ') return c;
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '\n' || c == '\r') {
                lineBreaks = true;
                i++;
            } else {
                return c;
            }
        }
        return -1;
    }

    /**
     * The index of the quote that closes the string whose content starts at {@code from}, checking its escapes, that
     * it holds no control bytes and that it is strict UTF-8; {@link #escaped} says whether it had escapes. Eight
     * bytes at a time while none of them is a quote, a backslash, a control byte or above 0x7F (see {@link ByteScan}
     * for the method: the lowest byte each test marks is exact).
     */
    private int scanString(int from) throws Unreadable {
        escaped = false;
        int j = from;
        while (true) {
            for (; j + Long.BYTES <= end; j += Long.BYTES) {
                long x = (long) LONGS.get(b, j);
                long quote = x ^ QUOTES;
                long backslash = x ^ BACKSLASHES;
                long special = ((quote - LOW_BITS) & ~quote) | ((backslash - LOW_BITS) & ~backslash)
                        | ((x - SPACES) & ~x) | x;
                special &= HIGH_BITS;
                if (special != 0) {
                    j += ByteScan.firstMarked(special);
                    break;
                }
            }
            if (j >= end) throw fail("a string that does not end");
            int c = b[j];
            if (c == '"') return j;
            if (c == '\\') {
                escaped = true;
                j = escape(j);
            } else if (c < 0) {
                int length = StrictUtf8.sequence(b, j, end);
                if (length < 0) throw fail("a string that is not UTF-8");
                j += length;
            } else if (c < ' ') {
                throw fail("a control character in a string");
            } else {
                j++;
            }
        }
    }

    /** Past the escape at {@code at} (its backslash). */
    private int escape(int at) throws Unreadable {
        if (at + 1 >= end) throw fail("a string that does not end");
        switch (b[at + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return at + 2;
            }
            case 'u' -> {
                if (at + 5 >= end) throw fail("a string that does not end");
                for (int k = at + 2; k < at + 6; k++) {
                    if (Character.digit(b[k], 16) < 0) throw fail("a \\u escape without four hex digits");
                }
                return at + 6;
            }
            default -> throw fail("an unknown escape");
        }
    }

    /** The checked string content {@code [from, to)} with its escapes replaced. */
    private String decode(int from, int to) {
        StringBuilder s = new StringBuilder(to - from);
        int run = from;
        int j = from;
        while (j < to) {
            if (b[j] != '\\') {
                j++;
                continue;
            }
            s.append(new String(b, run, j - run, StandardCharsets.UTF_8));
            byte e = b[j + 1];
            switch (e) {
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> s.append((char) Integer.parseInt(new String(b, j + 2, 4, StandardCharsets.US_ASCII), 16));
                default -> s.append((char) e);
            }
            j += e == 'u' ? 6 : 2;
            run = j;
        }
        return s.append(new String(b, run, to - run, StandardCharsets.UTF_8)).toString();
    }

    /** The bytes of a name to compare with {@link #nameIs}. */
    public static byte[] ascii(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    /** An {@link Unreadable} at the cursor, for a caller that meets a shape it leaves to Jackson. */
    public Unreadable unreadable(String why) {
        return new Unreadable(why, i);
    }

    private Unreadable fail(String why) {
        return new Unreadable(why, i);
    }
}

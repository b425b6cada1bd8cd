package dev.discard.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A script of the site's search index being built, as UTF-8 bytes in memory, then written to its file in one go.
 * Strings are written as JSON strings (which JavaScript reads as they are): quote, backslash, control characters,
 * U+2028/U+2029 and surrogates escaped, so that any text (a lone surrogate left by a cut included) stays valid.
 * Reused for the next script after {@link #writeTo}.
 */
final class ScriptBytes {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private byte[] bytes = new byte[1 << 16];
    private int size;

    /** Appends text known to need no escaping (names of calls, punctuation, shard names). */
    ScriptBytes raw(String ascii) {
        ensure(ascii.length());
        for (int i = 0; i < ascii.length(); i++) bytes[size++] = (byte) ascii.charAt(i);
        return this;
    }

    ScriptBytes raw(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
        return this;
    }

    /** Appends a number in base 36, as {@code parseInt(s, 36)} reads it; not negative. */
    ScriptBytes base36(int n) {
        ensure(7);
        if (n < 36) {
            bytes[size++] = digit(n);
            return this;
        }
        int end = size + digits36(n);
        for (int at = end - 1; n > 0; n /= 36) bytes[at--] = digit(n % 36);
        size = end;
        return this;
    }

    private static int digits36(int n) {
        int digits = 0;
        for (; n > 0; n /= 36) digits++;
        return digits;
    }

    private static byte digit(int d) {
        return (byte) (d < 10 ? '0' + d : 'a' + d - 10);
    }

    /** Appends a decimal number. */
    ScriptBytes decimal(int n) {
        return raw(Integer.toString(n));
    }

    /** Appends a JSON string of {@code text} (null as the empty string). */
    ScriptBytes string(String text) {
        return string(text, 0, text == null ? 0 : text.length());
    }

    /** Appends a JSON string of {@code text[from, to)}. */
    ScriptBytes string(CharSequence text, int from, int to) {
        ensure(2 + 6 * (to - from));
        bytes[size++] = '"';
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    bytes[size++] = (byte) c;
                } else if (c == '"' || c == '\\') {
                    bytes[size++] = '\\';
                    bytes[size++] = (byte) c;
                } else if (c == '\n') {
                    bytes[size++] = '\\';
                    bytes[size++] = 'n';
                } else {
                    escape(c);
                }
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xc0 | c >> 6);
                bytes[size++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                escape(c);
            } else {
                bytes[size++] = (byte) (0xe0 | c >> 12);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3f);
                bytes[size++] = (byte) (0x80 | c & 0x3f);
            }
        }
        bytes[size++] = '"';
        return this;
    }

    private void escape(char c) {
        bytes[size++] = '\\';
        bytes[size++] = 'u';
        bytes[size++] = HEX[c >> 12];
        bytes[size++] = HEX[c >> 8 & 0xf];
        bytes[size++] = HEX[c >> 4 & 0xf];
        bytes[size++] = HEX[c & 0xf];
    }

    private void ensure(int more) {
        if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }

    /** Bytes appended since the last {@link #writeTo}. */
    int size() {
        return size;
    }

    /** Writes the script to a file (replacing it), empties this for the next one and returns the bytes written. */
    long writeTo(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes, 0, size);
        }
        long written = size;
        size = 0;
        return written;
    }
}

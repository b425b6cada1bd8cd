package dev.discard.format;

/**
 * Whether bytes are well-formed UTF-8 as the JDK's decoder with {@code REPORT} judges it (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), without decoding them: a body that passes can be embedded as it is.
 */
public final class StrictUtf8 {
    private StrictUtf8() {}

    public static boolean isValid(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (true) {
            i = ByteScan.skipAscii(bytes, i, n);
            if (i == n) return true;
            int length = sequence(bytes, i, n);
            if (length < 0) return false;
            i += length;
        }
    }

    /**
     * The length of the well-formed multi-byte sequence that starts at {@code bytes[i]} (a byte above 0x7F) and ends
     * before {@code n}, or -1 when there is none.
     */
    public static int sequence(byte[] bytes, int i, int n) {
        int b = bytes[i] & 0xFF;
        if (b < 0xC2 || b > 0xF4) return -1;
        if (b < 0xE0) return i + 1 < n && continuation(bytes[i + 1]) ? 2 : -1;
        if (b < 0xF0) {
            if (i + 2 >= n || !continuation(bytes[i + 2])) return -1;
            int second = bytes[i + 1] & 0xFF;
            int low = b == 0xE0 ? 0xA0 : 0x80; // below: overlong
            int high = b == 0xED ? 0x9F : 0xBF; // above: UTF-16 surrogates
            return second < low || second > high ? -1 : 3;
        }
        if (i + 3 >= n || !continuation(bytes[i + 2]) || !continuation(bytes[i + 3])) return -1;
        int second = bytes[i + 1] & 0xFF;
        int low = b == 0xF0 ? 0x90 : 0x80; // below: overlong
        int high = b == 0xF4 ? 0x8F : 0xBF; // above: past U+10FFFF
        return second < low || second > high ? -1 : 4;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}

package dev.discard.discord;

import dev.discard.format.ByteScan;

/**
 * Whether bytes are well-formed UTF-8 as the JDK's decoder with {@code REPORT} judges it (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), without decoding them: a body that passes can be embedded as it is.
 */
final class StrictUtf8 {
    private StrictUtf8() {}

    static boolean isValid(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (true) {
            i = ByteScan.skipAscii(bytes, i, n);
            if (i == n) return true;
            int b = bytes[i] & 0xFF;
            if (b < 0xC2 || b > 0xF4) return false;
            if (b < 0xE0) {
                if (i + 1 >= n || !continuation(bytes[i + 1])) return false;
                i += 2;
            } else if (b < 0xF0) {
                if (i + 2 >= n || !continuation(bytes[i + 2])) return false;
                int second = bytes[i + 1] & 0xFF;
                int low = b == 0xE0 ? 0xA0 : 0x80; // below: overlong
                int high = b == 0xED ? 0x9F : 0xBF; // above: UTF-16 surrogates
                if (second < low || second > high) return false;
                i += 3;
            } else {
                if (i + 3 >= n || !continuation(bytes[i + 2]) || !continuation(bytes[i + 3])) return false;
                int second = bytes[i + 1] & 0xFF;
                int low = b == 0xF0 ? 0x90 : 0x80; // below: overlong
                int high = b == 0xF4 ? 0x8F : 0xBF; // above: past U+10FFFF
                if (second < low || second > high) return false;
                i += 4;
            }
        }
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}

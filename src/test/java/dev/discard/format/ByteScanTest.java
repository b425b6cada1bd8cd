package dev.discard.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteScanTest {
    /** Bytes drawn from a few values, so that matches fall at every position of a word, near each other and not at all. */
    private static byte[] randomBytes(Random random, int length) {
        byte[] values = {'\n', '\r', 'a', '"', (byte) 0x80, (byte) 0xC3, (byte) 0xFF, 0};
        byte[] b = new byte[length];
        int kinds = 1 + random.nextInt(values.length);
        for (int i = 0; i < length; i++) b[i] = random.nextInt(8) == 0 ? values[random.nextInt(kinds)] : (byte) 'x';
        return b;
    }

    @Test
    void agreesWithByteByByteLoops() {
        Random random = new Random(18);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = randomBytes(random, random.nextInt(40));
            int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            for (byte value : new byte[] {'\n', (byte) 0xFF, 0, (byte) 0x80}) {
                assertEquals(naiveIndexOf(b, from, to, value, value), ByteScan.indexOf(b, from, to, value));
            }
            assertEquals(naiveIndexOf(b, from, to, (byte) '\n', (byte) '\r'),
                    ByteScan.indexOfEither(b, from, to, (byte) '\n', (byte) '\r'));
            assertEquals(naiveIndexOf(b, from, to, (byte) 0, (byte) 0xFF),
                    ByteScan.indexOfEither(b, from, to, (byte) 0, (byte) 0xFF));
            int ascii = from;
            while (ascii < to && b[ascii] >= 0) ascii++;
            assertEquals(ascii, ByteScan.skipAscii(b, from, to));
        }
    }

    @Test
    void firstMarkedIsTheLowestMarkedByteForEverySetOfMarks() {
        for (int set = 1; set < 256; set++) {
            long marks = 0;
            for (int k = 0; k < 8; k++) {
                if ((set & (1 << k)) != 0) marks |= 0x80L << (8 * k);
            }
            assertEquals(Long.numberOfTrailingZeros(marks) >>> 3, ByteScan.firstMarked(marks), Long.toHexString(marks));
        }
    }

    @Test
    void findsTheFirstOfTwoMatchesInOneWord() {
        byte[] b = "ab\ncd\nefgh".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(2, ByteScan.indexOf(b, 0, b.length, (byte) '\n'));
        assertEquals(5, ByteScan.indexOf(b, 3, b.length, (byte) '\n'));
        assertEquals(-1, ByteScan.indexOf(b, 6, b.length, (byte) '\n'));
        // 0x01 after a zero byte: the borrow of the subtraction must not hide or invent the first match
        byte[] borrow = {1, 0, 1, 1, 1, 1, 1, 1, 1};
        assertEquals(1, ByteScan.indexOf(borrow, 0, borrow.length, (byte) 0));
        assertEquals(-1, ByteScan.indexOf(borrow, 2, borrow.length, (byte) 0));
    }

    private static int naiveIndexOf(byte[] b, int from, int to, byte x, byte y) {
        for (int i = from; i < to; i++) {
            if (b[i] == x || b[i] == y) return i;
        }
        return -1;
    }
}

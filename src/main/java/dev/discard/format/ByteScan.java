package dev.discard.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searches in bytes eight at a time, for loops that run over every byte of every archived body: the per-byte loops
 * were a tenth of the archiver's samples. A byte equal to {@code v} becomes zero after {@code x ^ v * 0x01…01}, and
 * {@code (x - 0x01…01) & ~x & 0x80…80} marks the lowest zero byte exactly (bytes above it may be marked falsely, which
 * does not matter for the first); the words are read little-endian, so the lowest marked byte is the first.
 */
public final class ByteScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private ByteScan() {}

    /** The index of the first byte in {@code [from, to)} equal to {@code value}; -1 when there is none. */
    public static int indexOf(byte[] bytes, int from, int to, byte value) {
        long pattern = (value & 0xFFL) * LOW_BITS;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long found = zeroBytes((long) LONGS.get(bytes, i) ^ pattern);
            if (found != 0) return i + firstMarked(found);
        }
        for (; i < to; i++) {
            if (bytes[i] == value) return i;
        }
        return -1;
    }

    /** The index of the first byte in {@code [from, to)} equal to {@code a} or {@code b}; -1 when there is none. */
    public static int indexOfEither(byte[] bytes, int from, int to, byte a, byte b) {
        long patternA = (a & 0xFFL) * LOW_BITS;
        long patternB = (b & 0xFFL) * LOW_BITS;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i);
            long found = zeroBytes(x ^ patternA) | zeroBytes(x ^ patternB);
            if (found != 0) return i + firstMarked(found);
        }
        for (; i < to; i++) {
            if (bytes[i] == a || bytes[i] == b) return i;
        }
        return -1;
    }

    /** The index of the first byte in {@code [from, to)} that is not ASCII (above 0x7F); {@code to} when none is. */
    public static int skipAscii(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long high = (long) LONGS.get(bytes, i) & HIGH_BITS;
            if (high != 0) return i + firstMarked(high);
        }
        while (i < to && bytes[i] >= 0) i++;
        return i;
    }

    /**
     * The index (0 to 7) of the lowest byte of {@code marks} whose high bit is set, {@code marks} having only high bits
     * set and at least one. Isolating the lowest mark and multiplying it down gives the index in the top byte: the
     * same as {@code numberOfTrailingZeros(marks) >>> 3}, without the call C1 makes for it (no intrinsic there).
     */
    static int firstMarked(long marks) {
        return 7 - (int) ((((marks & -marks) >>> 7) * 0x0706050403020100L) >>> 56);
    }

    /** The high bit of the lowest zero byte of {@code x} (and maybe of bytes above it); 0 when no byte is zero. */
    private static long zeroBytes(long x) {
        return (x - LOW_BITS) & ~x & HIGH_BITS;
    }
}

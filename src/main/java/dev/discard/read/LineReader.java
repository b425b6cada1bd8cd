package dev.discard.read;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at {@code '\n'} without decoding them. A line is the bytes before its newline
 * (a {@code '\r'} before it is dropped); the last line may lack a newline. The buffer grows to the longest line and
 * is reused: a line's bytes are valid until the next call of {@link #next}.
 */
final class LineReader {
    private static final int INITIAL_SIZE = 1024 * 1024; // bytes

    private final InputStream in;
    private byte[] buffer = new byte[INITIAL_SIZE];
    /** Unconsumed bytes are buffer[start, end). */
    private int start;
    private int end;
    private boolean eof;
    private int lineStart;
    private int lineLength;
    private long lineNumber;
    /** Byte offset in the stream of the current line; after it, of the next one. */
    private long lineOffset;
    private long nextOffset;
    private boolean terminated;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        int scan = start;
        while (true) {
            int newline = indexOfNewline(buffer, scan, end);
            if (newline >= 0) {
                take(newline, newline + 1);
                return true;
            }
            scan = end;
            if (eof) {
                if (start == end) return false;
                take(end, end);
                return true;
            }
            scan -= start;
            fill();
            scan += start;
        }
    }

    private void take(int lineEnd, int consumedTo) {
        lineStart = start;
        int stop = lineEnd;
        if (stop > lineStart && buffer[stop - 1] == '\r') stop--;
        lineLength = stop - lineStart;
        terminated = consumedTo > lineEnd;
        lineNumber++;
        lineOffset = nextOffset;
        nextOffset += consumedTo - start;
        start = consumedTo;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Eight bytes at a time: a byte equal to '\n' becomes zero after the XOR, and the bit trick finds the first. */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
        }
        for (; i < to; i++) {
            if (b[i] == '\n') return i;
        }
        return -1;
    }

    /** Moves the unconsumed bytes to the front, grows the buffer when they fill it, and reads more. */
    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) buffer = Arrays.copyOf(buffer, buffer.length * 2);
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) eof = true;
        else end += n;
    }

    byte[] buffer() {
        return buffer;
    }

    int lineStart() {
        return lineStart;
    }

    int lineLength() {
        return lineLength;
    }

    /** Whether the current line ended with a newline; only the last line of a stream may not. */
    boolean terminated() {
        return terminated;
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    long lineOffset() {
        return lineOffset;
    }

    /** Bytes read after the end of the current line: the start of a line not yet complete. */
    long pendingBytes() {
        return end - start;
    }

    /** Bytes of the stream consumed so far, including a line not yet complete. */
    long bytesRead() {
        return nextOffset + (end - start);
    }
}

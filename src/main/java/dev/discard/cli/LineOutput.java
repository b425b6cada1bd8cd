package dev.discard.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Buffered UTF-8 lines onto the console's stdout, for commands that print millions of lines: a {@link PrintStream}
 * flushing every line would spend more time in system calls than in reading. A closed pipe or a full disk stops
 * the command ({@link Closed}) instead of going unnoticed, as {@code PrintStream} would let it.
 */
final class LineOutput {
    static final int BUFFER_SIZE = 64 * 1024; // bytes

    /** The output cannot be written any more. */
    static final class Closed extends RuntimeException {
        Closed() {
            super("cannot write the output (closed pipe or full disk); stopped", null, false, false);
        }
    }

    private final PrintStream out;
    /** Whether control characters are shown visibly ({@link VisibleControls}): text for people, not --json. */
    private final boolean visibleControls;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int length;

    LineOutput(PrintStream out) {
        this(out, false);
    }

    LineOutput(PrintStream out, boolean visibleControls) {
        this.out = out;
        this.visibleControls = visibleControls;
    }

    void line(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        line(bytes, 0, bytes.length);
    }

    void line(byte[] bytes, int offset, int count) {
        if (visibleControls) {
            byte[] visible = VisibleControls.of(bytes, offset, count);
            if (visible != null) {
                bytes = visible;
                offset = 0;
                count = visible.length;
            }
        }
        if (length + count + 1 > buffer.length) flushBuffer();
        if (count + 1 > buffer.length) {
            write(bytes, offset, count);
            write(new byte[] {'\n'}, 0, 1);
            return;
        }
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
        buffer[length++] = '\n';
    }

    void flush() {
        flushBuffer();
        out.flush();
        if (out.checkError()) throw new Closed();
    }

    private void flushBuffer() {
        if (length > 0) write(buffer, 0, length);
        length = 0;
    }

    private void write(byte[] bytes, int offset, int count) {
        out.write(bytes, offset, count);
        if (out.checkError()) throw new Closed();
    }
}

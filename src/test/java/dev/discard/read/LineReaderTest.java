package dev.discard.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    /** Hands out at most 7 bytes per read, so lines straddle every refill. */
    static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    static List<String> lines(LineReader r) throws Exception {
        List<String> lines = new ArrayList<>();
        while (r.next()) lines.add(new String(r.buffer(), r.lineStart(), r.lineLength(), StandardCharsets.UTF_8));
        return lines;
    }

    @Test
    void splitsLinesAcrossRefillsDropsCarriageReturnsAndKeepsAnUnterminatedLastLine() throws Exception {
        byte[] text = "first\r\nsecond line é\n\nlast".getBytes(StandardCharsets.UTF_8);
        LineReader r = new LineReader(trickle(text));
        assertEquals(List.of("first", "second line é", "", "last"), lines(r));
        assertEquals(4, r.lineNumber());
    }

    @Test
    void reportsLineOffsets() throws Exception {
        LineReader r = new LineReader(new ByteArrayInputStream("ab\ncde\nf\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(r.next());
        assertEquals(0, r.lineOffset());
        assertTrue(r.next());
        assertEquals(3, r.lineOffset());
        assertTrue(r.next());
        assertEquals(7, r.lineOffset());
        assertFalse(r.next());
    }

    @Test
    void growsForLinesLongerThanItsBuffer() throws Exception {
        String longLine = "x".repeat(3 * 1024 * 1024 + 5);
        LineReader r = new LineReader(new ByteArrayInputStream((longLine + "\nshort\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(longLine, "short"), lines(r));
    }

    @Test
    void wordAtATimeSearchAgreesWithAPlainLoop() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) b[i] = (byte) (random.nextInt(8) == 0 ? '\n' : random.nextInt(256));
            int from = b.length == 0 ? 0 : random.nextInt(b.length);
            int expected = -1;
            for (int i = from; i < b.length; i++) {
                if (b[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertEquals(expected, LineReader.indexOfNewline(b, from, b.length));
        }
    }
}

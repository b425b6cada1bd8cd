package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bottom of the terminal: bars redrawn in place, lines printed above them, from many threads at once. */
class ProgressBoardTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProgressBoard board = new ProgressBoard(new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> 60);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void barsAreRedrawnInPlaceBelowThePrintedLines() {
        ProgressBoard.Slot a = board.add();
        ProgressBoard.Slot b = board.add();
        assertEquals(59, a.getMaxRenderedLength(), "one column short of the width");
        a.accept("A 10%");
        b.accept("B 20%");
        board.line("#done: 3 messages");
        a.accept("A 30%");
        board.replace(a, "#a: 1,234 messages");
        board.clear();
        Screen screen = Screen.of(output());
        assertEquals(List.of("#done: 3 messages", "#a: 1,234 messages"), screen.lines(),
                "bars leave no trace; printed lines stay, in order:\n" + output());
    }

    @Test
    void aBarRenderedAfterItWasTakenAwayIsNotDrawn() {
        ProgressBoard.Slot a = board.add();
        board.replace(a, "#a: 5 messages");
        a.accept("A 100%"); // the library's last rendering on close may come late
        assertEquals(List.of("#a: 5 messages"), Screen.of(output()).lines());
    }

    @Test
    void linesAndBarsFromManyThreadsNeverTearEachOther() throws Exception {
        int threads = 4;
        int linesPerThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                ProgressBoard.Slot slot = board.add();
                go.await();
                for (int i = 0; i < linesPerThread; i++) {
                    slot.accept("bar " + thread + " at " + i);
                    board.line("line " + thread + "." + i);
                }
                board.replace(slot, "channel " + thread + " done");
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) f.get(10, TimeUnit.SECONDS);
        pool.shutdown();
        List<String> lines = Screen.of(output()).lines();
        assertEquals(threads * (linesPerThread + 1), lines.size(), "every line once, no bar left over");
        for (int t = 0; t < threads; t++) {
            int thread = t;
            List<String> own = lines.stream().filter(l -> l.startsWith("line " + thread + ".")).toList();
            for (int i = 0; i < linesPerThread; i++) assertEquals("line " + thread + "." + i, own.get(i));
            assertTrue(lines.contains("channel " + thread + " done"));
        }
    }

    /** A tiny terminal: rows of text, a cursor, and the escape sequences the board uses (up, erase line, erase below). */
    static final class Screen {
        private final List<StringBuilder> rows = new ArrayList<>();
        private int row;
        private int column;

        static Screen of(String output) {
            Screen screen = new Screen();
            for (int i = 0; i < output.length(); i++) {
                char c = output.charAt(i);
                if (c == '\u001b') {
                    int end = i + 2;
                    while (!Character.isLetter(output.charAt(end))) end++;
                    screen.escape(output.substring(i + 2, end), output.charAt(end));
                    i = end;
                } else {
                    screen.put(c);
                }
            }
            return screen;
        }

        private StringBuilder current() {
            while (rows.size() <= row) rows.add(new StringBuilder());
            return rows.get(row);
        }

        private void put(char c) {
            if (c == '\r') {
                column = 0;
            } else if (c == '\n') {
                row++;
                column = 0;
            } else {
                StringBuilder line = current();
                while (line.length() < column) line.append(' ');
                if (column < line.length()) line.setCharAt(column, c); else line.append(c);
                column++;
            }
        }

        private void escape(String argument, char command) {
            switch (command) {
                case 'A' -> row = Math.max(0, row - Integer.parseInt(argument));
                case 'K' -> current().setLength(0);
                case 'J' -> {
                    StringBuilder line = current();
                    if (column < line.length()) line.setLength(column);
                    while (rows.size() > row + 1) rows.remove(rows.size() - 1);
                }
                default -> throw new AssertionError("unexpected escape sequence " + argument + command);
            }
        }

        /** The rows that hold text, top to bottom. */
        List<String> lines() {
            return rows.stream().map(StringBuilder::toString).filter(r -> !r.isEmpty()).toList();
        }
    }
}

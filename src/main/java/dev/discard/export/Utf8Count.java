package dev.discard.export;

import java.io.Writer;

/** A writer that keeps nothing and counts the bytes its text would take in UTF-8. */
final class Utf8Count extends Writer {
    private long count;

    long count() {
        return count;
    }

    void reset() {
        count = 0;
    }

    @Override
    public void write(char[] chars, int off, int len) {
        for (int i = off; i < off + len; i++) add(chars[i]);
    }

    @Override
    public void write(String text, int off, int len) {
        for (int i = off; i < off + len; i++) add(text.charAt(i));
    }

    @Override
    public void write(int c) {
        add((char) c);
    }

    private void add(char c) {
        // A surrogate pair is four bytes: two for each half.
        count += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}

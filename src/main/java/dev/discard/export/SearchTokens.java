package dev.discard.export;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How the site's search cuts text into words, the same way in Java (building the index) and in
 * {@code assets/search.js} (reading a query): decomposed (NFKD), accents dropped, lower-cased, split at every
 * character that is not a letter or digit. Words longer than {@value #MAX} characters are cut.
 *
 * <p>Each word is handed over in a buffer that is reused for the next one (no string per word: a million messages
 * hold some ten million words). Not thread-safe: one instance per thread.
 */
final class SearchTokens {
    /** Characters of a word kept: longer ones (hashes, URLs glued together) are cut, both when indexed and asked. */
    static final int MAX = 40;

    /** Hears each word of a text in turn: {@code chars[0, length)}, valid only during the call. */
    interface Sink {
        void word(char[] chars, int length);
    }

    /** Code points of at most two chars each. */
    private final char[] word = new char[2 * MAX];

    /** Hands each word of {@code text} (null is none) to the sink, in order, repeats included. */
    void cut(String text, Sink sink) {
        if (text == null || text.isEmpty()) return;
        // Pieces between ASCII white space are folded one by one, and only those that are not ASCII: an emoji or an
        // accent does not send a whole message through the normalizer. The same words as folding the whole text:
        // white space holds no word, NFKD decomposes each character alone and reorders marks only between starters
        // (white space is one), and lower-casing looks across letters and case-ignorable characters only (a final
        // sigma), never across white space.
        int from = 0;
        while (from < text.length()) {
            int to = from;
            boolean ascii = true;
            char c;
            while (to < text.length() && !isAsciiSpace(c = text.charAt(to))) {
                ascii &= c < 0x80;
                to++;
            }
            if (to > from) {
                if (ascii) ascii(text, from, to, sink);
                else folded(text.substring(from, to), sink);
            }
            from = to + 1;
        }
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /** The same cut for ASCII text, which NFKD leaves as it is: most messages, without normalizing. */
    private void ascii(String text, int from, int to, Sink sink) {
        int length = 0;
        boolean in = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (length < MAX) word[length++] = c;
                in = true;
            } else if (c >= 'A' && c <= 'Z') {
                if (length < MAX) word[length++] = (char) (c + ('a' - 'A'));
                in = true;
            } else if (in) {
                sink.word(word, length);
                length = 0;
                in = false;
            }
        }
        if (in) sink.word(word, length);
    }

    private void folded(String text, Sink sink) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        int length = 0;
        int codePoints = 0;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (codePoints < MAX) length += Character.toChars(c, word, length);
                codePoints++;
            } else if (codePoints > 0) {
                sink.word(word, length);
                length = 0;
                codePoints = 0;
            }
        }
        if (codePoints > 0) sink.word(word, length);
    }

    /**
     * The shard a word's postings go in: its first two characters as hex code points ({@code re} → {@code 72-65}),
     * so that a prefix of two characters or more finds every word it begins in one file per block.
     */
    static String shard(char[] word, int from, int to) {
        StringBuilder b = new StringBuilder(12);
        int taken = 0;
        for (int i = from; i < to && taken < 2; taken++) {
            int c = Character.codePointAt(word, i, to);
            i += Character.charCount(c);
            if (b.length() > 0) b.append('-');
            b.append(Integer.toHexString(c));
        }
        return b.toString();
    }
}

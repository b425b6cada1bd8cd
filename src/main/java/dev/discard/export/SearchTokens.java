package dev.discard.export;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the site's search cuts text into words, the same way in Java (building the index) and in
 * {@code assets/search.js} (reading a query): decomposed (NFKD), accents dropped, lower-cased, split at every
 * character that is not a letter or digit. Words longer than {@value #MAX} characters are cut.
 */
final class SearchTokens {
    /** Characters of a word kept: longer ones (hashes, URLs glued together) are cut, both when indexed and asked. */
    static final int MAX = 40;

    private SearchTokens() {}

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        if (isAscii(text)) return asciiWords(text, out);
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        int length = 0;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (length < MAX) word.appendCodePoint(c);
                length++;
            } else if (word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
                length = 0;
            }
        }
        if (word.length() > 0) out.add(word.toString());
        return out;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) >= 0x80) return false;
        return true;
    }

    /** The same cut for ASCII text, which NFKD leaves as it is: most messages, without normalizing. */
    private static List<String> asciiWords(String text, List<String> out) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean word = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (word && start < 0) start = i;
            if (!word && start >= 0) {
                out.add(text.substring(start, Math.min(i, start + MAX)).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return out;
    }

    /**
     * The shard a word's postings go in: its first two characters as hex code points ({@code re} → {@code 72-65}),
     * so that a prefix of two characters or more finds every word it begins in one file per block.
     */
    static String shard(String word) {
        StringBuilder b = new StringBuilder();
        int taken = 0;
        for (int i = 0; i < word.length() && taken < 2; taken++) {
            int c = word.codePointAt(i);
            i += Character.charCount(c);
            if (b.length() > 0) b.append('-');
            b.append(Integer.toHexString(c));
        }
        return b.toString();
    }
}

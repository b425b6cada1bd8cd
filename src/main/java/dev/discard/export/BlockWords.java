package dev.discard.export;

import java.util.Arrays;

/**
 * The words of one block of the search index, each with the documents (numbers within the block, ascending) that
 * hold it. An open-addressing table over the words' characters, so that a word met again (nearly every word of
 * every message) costs a hash and a compare, never a string; a word's characters are kept once, when first met.
 * {@link #clear} empties it for the next block and keeps its arrays.
 */
final class BlockWords implements SearchTokens.Sink {
    private char[] chars = new char[1 << 14];
    private int charsUsed;
    private int[] start = new int[1024];
    private int[] length = new int[1024];
    private int[] hash = new int[1024];
    private int[][] docs = new int[1024][];
    private int[] docCount = new int[1024];
    /** Word number + 1 by slot, 0 for a free slot; at most half full. */
    private int[] table = new int[2048];
    private int words;
    private int doc;

    /** The document the next words belong to; documents come in ascending order. */
    void document(int number) {
        doc = number;
    }

    /** A word of the current document (called by {@link SearchTokens#cut}); a repeat in the document counts once. */
    @Override
    public void word(char[] word, int wordLength) {
        int h = 0;
        for (int i = 0; i < wordLength; i++) h = 31 * h + word[i];
        int mask = table.length - 1;
        int slot = mix(h) & mask;
        while (true) {
            int found = table[slot] - 1;
            if (found < 0) break;
            if (hash[found] == h && same(found, word, wordLength)) {
                post(found);
                return;
            }
            slot = slot + 1 & mask;
        }
        int number = add(word, wordLength, h);
        table[slot] = number + 1;
        post(number);
        if (2 * words > table.length) rehash(table.length * 2);
    }

    private static int mix(int h) {
        return h ^ h >>> 16;
    }

    private boolean same(int number, char[] word, int wordLength) {
        if (length[number] != wordLength) return false;
        int at = start[number];
        for (int i = 0; i < wordLength; i++) if (chars[at + i] != word[i]) return false;
        return true;
    }

    private int add(char[] word, int wordLength, int h) {
        if (words == start.length) {
            int grown = words * 2;
            start = Arrays.copyOf(start, grown);
            length = Arrays.copyOf(length, grown);
            hash = Arrays.copyOf(hash, grown);
            docs = Arrays.copyOf(docs, grown);
            docCount = Arrays.copyOf(docCount, grown);
        }
        if (charsUsed + wordLength > chars.length) chars = Arrays.copyOf(chars, 2 * (charsUsed + wordLength));
        System.arraycopy(word, 0, chars, charsUsed, wordLength);
        start[words] = charsUsed;
        length[words] = wordLength;
        hash[words] = h;
        docCount[words] = 0;
        charsUsed += wordLength;
        return words++;
    }

    private void post(int number) {
        int n = docCount[number];
        int[] list = docs[number];
        if (n > 0 && list[n - 1] == doc) return;
        if (list == null) {
            list = docs[number] = new int[4];
        } else if (n == list.length) {
            list = docs[number] = Arrays.copyOf(list, 2 * n);
        }
        list[n] = doc;
        docCount[number] = n + 1;
    }

    private void rehash(int size) {
        table = new int[size];
        int mask = size - 1;
        for (int number = 0; number < words; number++) {
            int slot = mix(hash[number]) & mask;
            while (table[slot] != 0) slot = slot + 1 & mask;
            table[slot] = number + 1;
        }
    }

    /** How many different words. */
    int size() {
        return words;
    }

    /** Word {@code number} (in the order first met) as a string. */
    String word(int number) {
        return new String(chars, start[number], length[number]);
    }

    /** The shard of word {@code number} ({@link SearchTokens#shard}). */
    String shard(int number) {
        return SearchTokens.shard(chars, start[number], start[number] + length[number]);
    }

    /** The documents holding word {@code number}: the first {@link #count} of the array, ascending. */
    int[] documents(int number) {
        return docs[number];
    }

    int count(int number) {
        return docCount[number];
    }

    /** Empties it for the next block; the arrays are kept (a block of ordinary words makes them no larger). */
    void clear() {
        Arrays.fill(table, 0);
        words = 0;
        charsUsed = 0;
    }
}

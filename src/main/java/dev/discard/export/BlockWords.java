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
    private int[] docCount = new int[1024];
    /**
     * Every word's documents, in chunks of {@value #CHUNK} numbers and the position of the next chunk (0: none), in
     * one array kept from block to block: no array per word for the collector to carry from one young collection to
     * the next (a block of real text has tens of thousands of words, all live until the block is written).
     */
    private int[] pool = new int[1 << 16];
    private int poolUsed = CHUNK + 1; // position 0 means "no chunk"
    private int[] head = new int[1024];
    private int[] tail = new int[1024];
    private int[] listed = new int[256];
    private static final int CHUNK = 7;
    /** The last document each word was posted for: a repeat in a document is seen without reading its list. */
    private int[] last = new int[1024];
    /**
     * Two ints a slot: word number + 1 (0 for a free slot), then the word's hash, so that a probe compares hashes
     * without reaching into the words' arrays (most of the time of a block of many words went to those memory
     * reads); at most half the slots are used.
     */
    private int[] table = new int[2 * 2048];
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
        int slots = table.length / 2;
        int mask = slots - 1;
        int slot = mix(h) & mask;
        while (true) {
            int found = table[2 * slot] - 1;
            if (found < 0) break;
            if (table[2 * slot + 1] == h && same(found, word, wordLength)) {
                post(found);
                return;
            }
            slot = slot + 1 & mask;
        }
        int number = add(word, wordLength, h);
        table[2 * slot] = number + 1;
        table[2 * slot + 1] = h;
        post(number);
        if (2 * words > slots) rehash(2 * slots);
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
            docCount = Arrays.copyOf(docCount, grown);
            head = Arrays.copyOf(head, grown);
            tail = Arrays.copyOf(tail, grown);
            last = Arrays.copyOf(last, grown);
        }
        if (charsUsed + wordLength > chars.length) chars = Arrays.copyOf(chars, 2 * (charsUsed + wordLength));
        System.arraycopy(word, 0, chars, charsUsed, wordLength);
        start[words] = charsUsed;
        length[words] = wordLength;
        hash[words] = h;
        docCount[words] = 0;
        last[words] = -1;
        charsUsed += wordLength;
        return words++;
    }

    private void post(int number) {
        if (last[number] == doc) return;
        last[number] = doc;
        int n = docCount[number];
        int at = n % CHUNK;
        if (at == 0) {
            int chunk = newChunk();
            if (n == 0) head[number] = chunk;
            else pool[tail[number] + CHUNK] = chunk;
            tail[number] = chunk;
        }
        pool[tail[number] + at] = doc;
        docCount[number] = n + 1;
    }

    private int newChunk() {
        if (poolUsed + CHUNK + 1 > pool.length) pool = Arrays.copyOf(pool, 2 * pool.length);
        int chunk = poolUsed;
        pool[chunk + CHUNK] = 0;
        poolUsed += CHUNK + 1;
        return chunk;
    }

    /** A table of {@code slots} slots holding every word. */
    private void rehash(int slots) {
        table = new int[2 * slots];
        int mask = slots - 1;
        for (int number = 0; number < words; number++) {
            int slot = mix(hash[number]) & mask;
            while (table[2 * slot] != 0) slot = slot + 1 & mask;
            table[2 * slot] = number + 1;
            table[2 * slot + 1] = hash[number];
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

    /**
     * The documents holding word {@code number}: the first {@link #count} of the array, ascending. The array is
     * reused by the next call.
     */
    int[] documents(int number) {
        int n = docCount[number];
        if (listed.length < n) listed = new int[Math.max(n, 2 * listed.length)];
        int chunk = head[number];
        for (int i = 0; i < n; i += CHUNK) {
            System.arraycopy(pool, chunk, listed, i, Math.min(CHUNK, n - i));
            chunk = pool[chunk + CHUNK];
        }
        return listed;
    }

    int count(int number) {
        return docCount[number];
    }

    /** Empties it for the next block; the arrays are kept (a block of ordinary words makes them no larger). */
    void clear() {
        Arrays.fill(table, 0);
        words = 0;
        charsUsed = 0;
        poolUsed = CHUNK + 1;
    }
}

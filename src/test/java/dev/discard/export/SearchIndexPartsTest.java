package dev.discard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.format.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the site's search index below the browser tests: strings, words, postings, the writing thread. */
class SearchIndexPartsTest {
    @TempDir Path root;

    @Test
    void stringsReadBackAsWrittenWhateverTheyHold() throws Exception {
        List<String> texts = List.of("plain", "quote \" and back \\ slash", "tab\tnew\nline\r\u0001\u001f\u007f",
                "é ž 漢字 Ω", "emoji 😀 and 🇨🇿", "line\u2028paragraph\u2029", "lone \ud800 high", "lone \udc00 low",
                "</script><img src=x>", "");
        ScriptBytes script = new ScriptBytes().raw('[');
        for (int i = 0; i < texts.size(); i++) script.raw(i > 0 ? "," : "").string(texts.get(i));
        Path file = root.resolve("strings.js");
        script.raw(']').writeTo(file);
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) assertTrue(b != '\n' && b != '\r', "no raw line break in a script's string");
        List<String> read = new ArrayList<>();
        Json.newMapper().readTree(bytes).forEach(n -> read.add(n.asText()));
        assertEquals(texts, read);
        assertTrue(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).contains("\\u2028"), "U+2028 escaped");
    }

    @Test
    void numbersInBase36() throws Exception {
        ScriptBytes script = new ScriptBytes();
        int[] numbers = {0, 1, 35, 36, 1295, 1296, 65_535, Integer.MAX_VALUE};
        for (int n : numbers) script.base36(n).raw(',');
        Path file = root.resolve("numbers.js");
        script.writeTo(file);
        String[] written = Files.readString(file).split(",");
        for (int i = 0; i < numbers.length; i++) assertEquals(Integer.toString(numbers[i], 36), written[i]);
    }

    @Test
    void wordsAreCutFoldedAndShortened() {
        String long50 = "a".repeat(50);
        assertEquals(List.of("hello", "world", "42", "a", "b", "zlutoucky", "kun", "漢字テスト", "x", "a".repeat(40),
                "cafe", "fine"), words("Hello, WORLD! 42 a_b žluťoučký kůň 漢字テスト x " + long50 + " Café ﬁne"));
        assertEquals(List.of("a".repeat(40), "b"), words(long50 + " b"), "a long ASCII word is cut, not split");
        assertEquals(List.of(), words(null));
        assertEquals(List.of(), words(" ,.;-- "));
        assertEquals("72-65", SearchTokens.shard("release".toCharArray(), 0, 7));
        assertEquals("1f600", SearchTokens.shard("😀".toCharArray(), 0, 2));
    }

    /** The cut of the whole text at once, which the index's piece-by-piece folding must equal. */
    private static List<String> wholeTextWords(String text) {
        String folded = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD)
                .toLowerCase(java.util.Locale.ROOT);
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
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
                if (codePoints++ < SearchTokens.MAX) word.appendCodePoint(c);
            } else if (codePoints > 0) {
                out.add(word.toString());
                word.setLength(0);
                codePoints = 0;
            }
        }
        if (codePoints > 0) out.add(word.toString());
        return out;
    }

    @Test
    void textIsCutAsIfFoldedWhole() {
        // Final sigmas next to punctuation and spaces, marks after a space, ligatures, circled and full-width digits,
        // emoji, CJK, and an accent in a long word.
        String[] pieces = {"ΟΔΟΣ", "Σ", "ΑΣ.Β", "ΑΣ'Β", "ΑΣ Β", "\u0301a", "e\u0301", "ﬁ", "①②", "Ｆｕｌｌ", "😀", "漢字",
            "žluťoučký", "Straße", "İstanbul", "a", "Z9", ".", ",", "'", "-", "\u00ad", "\u200b", "ǅ", "ﬀ"};
        String[] spaces = {" ", "\n", "\t", "\r\n", "", "  ", "\u00a0", "\u3000"};
        java.util.Random random = new java.util.Random(28);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]).append(spaces[random.nextInt(spaces.length)]);
            }
            if (random.nextInt(10) == 0) text.append("é".repeat(45));
            assertEquals(wholeTextWords(text.toString()), words(text.toString()), text.toString());
        }
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        new SearchTokens().cut(text, (chars, length) -> out.add(new String(chars, 0, length)));
        return out;
    }

    @Test
    void eachWordHoldsTheDocumentsItIsIn() {
        BlockWords words = new BlockWords();
        Map<String, List<Integer>> expected = new HashMap<>();
        for (int doc = 0; doc < 20_000; doc += 2) {
            words.document(doc);
            for (String w : List.of("w" + doc % 3_001, "common", "common", "w" + doc % 7)) {
                words.word(w.toCharArray(), w.length());
                List<Integer> docs = expected.computeIfAbsent(w, k -> new ArrayList<>());
                if (docs.isEmpty() || docs.get(docs.size() - 1) != doc) docs.add(doc);
            }
        }
        assertEquals(expected.size(), words.size());
        for (int number = 0; number < words.size(); number++) {
            List<Integer> docs = new ArrayList<>();
            for (int i = 0; i < words.count(number); i++) docs.add(words.documents(number)[i]);
            assertEquals(expected.get(words.word(number)), docs, words.word(number));
        }
        words.clear();
        assertEquals(0, words.size());
        words.document(3);
        words.word("common".toCharArray(), 6);
        assertEquals("common", words.word(0));
        assertEquals(1, words.count(0));
        assertEquals(3, words.documents(0)[0]);
    }

    @Test
    void aFailureToWriteTheIndexIsThrownToTheExport() throws Exception {
        Path site = root.resolve("site");
        SearchIndexThread index = new SearchIndexThread(new SearchIndexWriter(site));
        try (index) {
            // The folder of documents becomes a file: the first file of documents cannot be written.
            Path docs = site.resolve(SearchIndexWriter.FOLDER).resolve("d");
            Files.delete(docs);
            Files.writeString(docs, "not a folder");
            int channel = index.channel("guild", "general", "g/c/");
            IOException failure = assertThrows(IOException.class, () -> {
                for (int i = 0; i < 10 * SearchIndexWriter.DOCS; i++) {
                    index.add(channel, Integer.toString(1000 + i), "1", "someone", "2024-01-01 00:00", "hello");
                }
                index.finish();
            });
            assertTrue(failure.getMessage().contains("0.js"), failure.getMessage());
        }
    }
}

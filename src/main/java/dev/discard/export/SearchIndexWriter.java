package dev.discard.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The site's search index, written beside the pages in {@code search/} as JavaScript files that call
 * {@code DiscardSearch.*} (browsers refuse {@code fetch} of {@code file://}, but load local {@code <script>}s).
 * Messages are numbered in the order they are written (documents), in blocks of {@value #BLOCK}:
 * <ul>
 *   <li>{@code search/t/<block>/<shard>.js}: each word of the block's messages with the documents holding it, the
 *       words grouped by their first two characters ({@link SearchTokens#shard}), so that a word or a prefix of two
 *       characters loads one small file per block;
 *   <li>{@code search/m/<block>.js}: the channel and author of each document, loaded only to filter;
 *   <li>{@code search/d/<n>.js}: {@value #DOCS} documents each: message id, channel, page, author, time and the
 *       first {@value #TEXT} characters, to show a hit and to check a phrase;
 *   <li>{@code search/index.js}: the number of documents and blocks, the shard files of each block, the channels
 *       and the authors.
 * </ul>
 * Numbers are base 36, document numbers within a block given as gaps from the previous one. Memory holds one block's
 * words (flat for any archive size) and the list of authors.
 */
final class SearchIndexWriter {
    static final String FOLDER = "search";
    /** Documents of a block: a query reads the blocks one after the other and stops once it has enough hits. */
    static final int BLOCK = 65_536;
    /** Documents per file of documents. */
    static final int DOCS = 256;
    /** Characters of a message kept for showing a hit and checking a phrase. */
    static final int TEXT = 300;

    private final Path folder;
    private final JsonFactory json = new JsonFactory();
    private final Map<String, Integer> authorIndex = new HashMap<>();
    private final List<String> authors = new ArrayList<>();
    private final List<String[]> channels = new ArrayList<>();
    private final Map<String, Postings> postings = new HashMap<>();
    private final StringBuilder channelsOfBlock = new StringBuilder();
    private final StringBuilder authorsOfBlock = new StringBuilder();
    private final List<Object[]> docs = new ArrayList<>(DOCS);
    /** The shard files of each block, so a query asks only for files that exist (a missing script is an error). */
    private final List<String> shardsOfBlocks = new ArrayList<>();
    private int doc;
    private long bytes;

    SearchIndexWriter(Path site) throws IOException {
        this.folder = site.resolve(FOLDER);
        deleteTree(folder);
        Files.createDirectories(folder.resolve("d"));
        Files.createDirectories(folder.resolve("t"));
        Files.createDirectories(folder.resolve("m"));
    }

    /** A channel of the site: returns its number. {@code href} is its first page relative to the site. */
    int channel(String guild, String label, String folderPath) {
        channels.add(new String[] {guild, label, folderPath});
        return channels.size() - 1;
    }

    /** The next message (in site order) of a channel, on a page, with its author's id and shown name. */
    void add(int channel, int page, String messageId, String authorId, String authorName, String time,
            String content) throws IOException {
        String key = authorId == null ? "" : authorId;
        Integer author = authorIndex.get(key);
        if (author == null) {
            author = authors.size();
            authorIndex.put(key, author);
            authors.add(authorName == null ? "(unknown)" : authorName);
        }
        int inBlock = doc % BLOCK;
        for (String word : SearchTokens.words(content)) {
            Postings list = postings.get(word);
            if (list == null) {
                list = new Postings();
                postings.put(word, list);
            }
            list.add(inBlock);
        }
        if (channelsOfBlock.length() > 0) {
            channelsOfBlock.append(',');
            authorsOfBlock.append(',');
        }
        channelsOfBlock.append(Integer.toString(channel, 36));
        authorsOfBlock.append(Integer.toString(author, 36));
        String text = content == null ? "" : content.length() > TEXT ? content.substring(0, TEXT) : content;
        docs.add(new Object[] {messageId, channel, page, author, time == null ? "" : time, text});
        doc++;
        if (docs.size() == DOCS) writeDocs();
        if (doc % BLOCK == 0) writeBlock();
    }

    /** Writes what is pending and {@code index.js}; returns the bytes of the whole index. */
    long finish() throws IOException {
        if (!docs.isEmpty()) writeDocs();
        if (doc % BLOCK != 0) writeBlock();
        write(folder.resolve("index.js"), "DiscardSearch.index(", g -> {
            g.writeStartObject();
            g.writeNumberField("docs", doc);
            g.writeNumberField("block", BLOCK);
            g.writeNumberField("docsPerFile", DOCS);
            g.writeNumberField("blocks", (doc + BLOCK - 1) / BLOCK);
            g.writeArrayFieldStart("channels");
            for (String[] c : channels) {
                g.writeStartArray();
                for (String s : c) g.writeString(s);
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("shards");
            for (String s : shardsOfBlocks) g.writeString(s);
            g.writeEndArray();
            g.writeArrayFieldStart("authors");
            for (String a : authors) g.writeString(a);
            g.writeEndArray();
            g.writeEndObject();
        });
        return bytes;
    }

    private void writeDocs() throws IOException {
        int file = (doc - 1) / DOCS;
        write(folder.resolve("d").resolve(file + ".js"), "DiscardSearch.docs(" + file + ",", g -> {
            g.writeStartArray();
            for (Object[] d : docs) {
                g.writeStartArray();
                g.writeString((String) d[0]);
                g.writeNumber((Integer) d[1]);
                g.writeNumber((Integer) d[2]);
                g.writeNumber((Integer) d[3]);
                g.writeString((String) d[4]);
                g.writeString((String) d[5]);
                g.writeEndArray();
            }
            g.writeEndArray();
        });
        docs.clear();
    }

    private void writeBlock() throws IOException {
        int block = (doc - 1) / BLOCK;
        Path dir = folder.resolve("t").resolve(Integer.toString(block));
        Files.createDirectories(dir);
        Map<String, Map<String, String>> shards = new TreeMap<>();
        for (Map.Entry<String, Postings> e : postings.entrySet()) {
            Postings list = e.getValue();
            StringBuilder b = new StringBuilder(list.size * 3);
            int previous = 0;
            for (int i = 0; i < list.size; i++) {
                if (i > 0) b.append(',');
                b.append(Integer.toString(list.docs[i] - previous, 36));
                previous = list.docs[i];
            }
            shards.computeIfAbsent(SearchTokens.shard(e.getKey()), k -> new LinkedHashMap<>()).put(e.getKey(),
                    b.toString());
        }
        for (Map.Entry<String, Map<String, String>> shard : shards.entrySet()) {
            write(dir.resolve(shard.getKey() + ".js"), "DiscardSearch.words(" + block + ",\"" + shard.getKey()
                    + "\",", g -> {
                        g.writeStartObject();
                        for (Map.Entry<String, String> w : shard.getValue().entrySet()) {
                            g.writeStringField(w.getKey(), w.getValue());
                        }
                        g.writeEndObject();
                    });
        }
        write(folder.resolve("m").resolve(block + ".js"), "DiscardSearch.meta(" + block + ",", g -> {
            g.writeStartArray();
            g.writeString(channelsOfBlock.toString());
            g.writeString(authorsOfBlock.toString());
            g.writeEndArray();
        });
        shardsOfBlocks.add(String.join(" ", shards.keySet()));
        postings.clear();
        channelsOfBlock.setLength(0);
        authorsOfBlock.setLength(0);
    }

    /** The documents of a block holding a word, ascending; a document given twice (a word repeated) counts once. */
    private static final class Postings {
        int[] docs = new int[2];
        int size;

        void add(int doc) {
            if (size > 0 && docs[size - 1] == doc) return;
            if (size == docs.length) docs = Arrays.copyOf(docs, size * 2);
            docs[size++] = doc;
        }
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** A script: {@code prefix}, the JSON the body writes, {@code );}. */
    private void write(Path file, String prefix, Body body) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(prefix.getBytes(StandardCharsets.UTF_8));
            try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                body.write(g);
            }
            out.write(");\n".getBytes(StandardCharsets.UTF_8));
        }
        bytes += Files.size(file);
    }

    /** Removes the search index of a previous export from a site. */
    static void delete(Path site) throws IOException {
        deleteTree(site.resolve(FOLDER));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

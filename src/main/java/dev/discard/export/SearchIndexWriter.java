package dev.discard.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's search index, written beside the pages in {@code search/} as JavaScript files that call
 * {@code DiscardSearch.*} (browsers refuse {@code fetch} of {@code file://}, but load local {@code <script>}s).
 * Messages are numbered in the order they are written (documents), in blocks of {@value #BLOCK}:
 * <ul>
 *   <li>{@code search/t/<block>/<n>.js}: each word of the block's messages with the documents holding it, the
 *       words grouped by their first two characters ({@link SearchTokens#shard}), so that a word or a prefix of two
 *       characters loads one file per block; the groups in the order of their names, as many to a file as make
 *       {@value #WORDS_FILE} bytes (a file costs about as much to create as 100 KB to write, and real text has
 *       hundreds of groups a block);
 *   <li>{@code search/m/<block>.js}: the channel and author of each document, loaded only to filter;
 *   <li>{@code search/d/<n>.js}: {@value #DOCS} documents each: message id, channel, author, time and the first
 *       {@value #TEXT} characters, to show a hit and to check a phrase;
 *   <li>{@code search/p/<channel>.js}: the id of the first message of each page of a channel from its second page
 *       on (a channel of one page has none), so that a hit links to its page; written once the channel's pages
 *       are, so a document never depends on how its channel was cut into pages;
 *   <li>{@code search/index.js}: the number of documents and blocks, the groups of each block and where each file
 *       of them starts, the channels (guild, name, folder, pages) and the authors.
 * </ul>
 * Numbers are base 36, document numbers within a block given as gaps from the previous one. Memory holds one block's
 * words (flat for any archive size), the channel and author of each of its documents, and the list of authors.
 */
final class SearchIndexWriter {
    static final String FOLDER = "search";
    /** Documents of a block: a query reads the blocks one after the other and stops once it has enough hits. */
    static final int BLOCK = 65_536;
    /** Documents per file of documents. */
    static final int DOCS = 512;
    /** Characters of a message kept for showing a hit and checking a phrase. */
    static final int TEXT = 300;
    /** Bytes of a file of words after which the next group starts a new file. */
    static final int WORDS_FILE = 32 * 1024;

    private final Path folder;
    private final SearchTokens tokens = new SearchTokens();
    private final BlockWords words = new BlockWords();
    private final Map<String, Integer> authorIndex = new HashMap<>();
    private final List<String> authors = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();
    private final int[] channelOf = new int[BLOCK];
    private final int[] authorOf = new int[BLOCK];
    /** The file of documents being filled; {@link #script} is every other file, one at a time. */
    private final ScriptBytes docs = new ScriptBytes();
    private final ScriptBytes script = new ScriptBytes();
    /** The shards of each block, so a query asks only for files that exist (a missing script is an error). */
    private final List<String> shardsOfBlocks = new ArrayList<>();
    /** Per block, where each file of words after the first starts: positions in its list of shards, base 36. */
    private final List<String> filesOfBlocks = new ArrayList<>();
    private int doc;
    private long bytes;

    /** A channel of the site: its guild, name, folder (relative to the site, ending in '/') and pages. */
    private static final class Channel {
        final String guild;
        final String label;
        final String folder;
        int pages = 1;

        Channel(String guild, String label, String folder) {
            this.guild = guild;
            this.label = label;
            this.folder = folder;
        }
    }

    SearchIndexWriter(Path site) throws IOException {
        this.folder = site.resolve(FOLDER);
        deleteTree(folder);
        for (String sub : List.of("d", "t", "m", "p")) Files.createDirectories(folder.resolve(sub));
    }

    /** A channel of the site: returns its number. {@code folderPath} holds its pages, relative to the site. */
    int channel(String guild, String label, String folderPath) {
        channels.add(new Channel(guild, label, folderPath));
        return channels.size() - 1;
    }

    /** The next message (in site order) of a channel, with its author's id and shown name. */
    void add(int channel, String messageId, String authorId, String authorName, String time, String content)
            throws IOException {
        String key = authorId == null ? "" : authorId;
        Integer author = authorIndex.get(key);
        if (author == null) {
            author = authors.size();
            authorIndex.put(key, author);
            authors.add(authorName == null ? "(unknown)" : authorName);
        }
        int inBlock = doc % BLOCK;
        words.document(inBlock);
        tokens.cut(content, words);
        channelOf[inBlock] = channel;
        authorOf[inBlock] = author;
        docs.raw(doc % DOCS == 0 ? "DiscardSearch.docs(" + doc / DOCS + ",[[" : ",[").string(messageId).raw(',')
                .decimal(channel).raw(',').decimal(author).raw(',').string(time);
        String text = content == null ? "" : content;
        docs.raw(',').string(text, 0, Math.min(text.length(), TEXT)).raw(']');
        doc++;
        if (doc % DOCS == 0) writeDocs();
        if (doc % BLOCK == 0) writeBlock();
    }

    /**
     * The pages of a channel, once they are written: the (display) id of the first message of each, in order.
     * Hits of the channel link to the page whose first id is the greatest not above theirs.
     */
    void pages(int channel, List<String> firstIds) throws IOException {
        channels.get(channel).pages = Math.max(1, firstIds.size());
        if (firstIds.size() <= 1) return;
        script.raw("DiscardSearch.pages(").decimal(channel).raw(",[");
        for (int i = 1; i < firstIds.size(); i++) {
            if (i > 1) script.raw(',');
            script.string(firstIds.get(i));
        }
        bytes += script.raw("]);\n").writeTo(folder.resolve("p").resolve(channel + ".js"));
    }

    /** Writes what is pending and {@code index.js}; returns the bytes of the whole index. */
    long finish() throws IOException {
        if (doc % DOCS != 0) writeDocs();
        if (doc % BLOCK != 0) writeBlock();
        script.raw("DiscardSearch.index({\"docs\":").decimal(doc).raw(",\"block\":").decimal(BLOCK)
                .raw(",\"docsPerFile\":").decimal(DOCS).raw(",\"blocks\":").decimal((doc + BLOCK - 1) / BLOCK)
                .raw(",\"channels\":[");
        for (int i = 0; i < channels.size(); i++) {
            Channel c = channels.get(i);
            script.raw(i > 0 ? ",[" : "[").string(c.guild).raw(',').string(c.label).raw(',').string(c.folder)
                    .raw(',').decimal(c.pages).raw(']');
        }
        script.raw("],\"shards\":[");
        for (int i = 0; i < shardsOfBlocks.size(); i++) script.raw(i > 0 ? "," : "").string(shardsOfBlocks.get(i));
        script.raw("],\"files\":[");
        for (int i = 0; i < filesOfBlocks.size(); i++) script.raw(i > 0 ? "," : "").string(filesOfBlocks.get(i));
        script.raw("],\"authors\":[");
        for (int i = 0; i < authors.size(); i++) script.raw(i > 0 ? "," : "").string(authors.get(i));
        bytes += script.raw("]});\n").writeTo(folder.resolve("index.js"));
        return bytes;
    }

    private void writeDocs() throws IOException {
        bytes += docs.raw("]);\n").writeTo(folder.resolve("d").resolve((doc - 1) / DOCS + ".js"));
    }

    private void writeBlock() throws IOException {
        int block = (doc - 1) / BLOCK;
        int count = (doc - 1) % BLOCK + 1;
        Path dir = folder.resolve("t").resolve(Integer.toString(block));
        Files.createDirectories(dir);
        // The block's words sorted by shard (then as first met), so that each shard's file is written in one go.
        String[] shardOf = new String[words.size()];
        Integer[] order = new Integer[words.size()];
        for (int w = 0; w < order.length; w++) {
            shardOf[w] = words.shard(w);
            order[w] = w;
        }
        Arrays.sort(order, Comparator.<Integer, String>comparing(w -> shardOf[w]).thenComparing(w -> w));
        StringBuilder shards = new StringBuilder();
        StringBuilder files = new StringBuilder();
        int shardCount = 0;
        int file = 0;
        for (int i = 0; i < order.length; i++) {
            int w = order[i];
            String shard = shardOf[w];
            boolean first = i == 0 || !shardOf[order[i - 1]].equals(shard);
            if (first) {
                if (script.size() >= WORDS_FILE) {
                    bytes += script.writeTo(dir.resolve(file++ + ".js"));
                    if (files.length() > 0) files.append(',');
                    files.append(Integer.toString(shardCount, 36));
                }
                script.raw("DiscardSearch.words(").decimal(block).raw(",\"").raw(shard).raw("\",{");
                if (shards.length() > 0) shards.append(' ');
                shards.append(shard);
                shardCount++;
            } else {
                script.raw(',');
            }
            script.string(words.word(w)).raw(":\"");
            int[] list = words.documents(w);
            int previous = 0;
            for (int d = 0; d < words.count(w); d++) {
                if (d > 0) script.raw(',');
                script.base36(list[d] - previous);
                previous = list[d];
            }
            script.raw('"');
            boolean last = i == order.length - 1 || !shardOf[order[i + 1]].equals(shard);
            if (last) script.raw("});\n");
        }
        if (script.size() > 0) bytes += script.writeTo(dir.resolve(file + ".js"));
        script.raw("DiscardSearch.meta(").decimal(block).raw(",[\"");
        for (int d = 0; d < count; d++) script.raw(d > 0 ? "," : "").base36(channelOf[d]);
        script.raw("\",\"");
        for (int d = 0; d < count; d++) script.raw(d > 0 ? "," : "").base36(authorOf[d]);
        bytes += script.raw("\"]);\n").writeTo(folder.resolve("m").resolve(block + ".js"));
        shardsOfBlocks.add(shards.toString());
        filesOfBlocks.add(files.toString());
        words.clear();
    }

    /** Removes the search index of a previous export from a site. */
    static void delete(Path site) throws IOException {
        deleteTree(site.resolve(FOLDER));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

package dev.discard.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.format.Json;
import dev.discard.index.Index;
import dev.discard.index.IndexException;
import dev.discard.index.SearchHit;
import dev.discard.index.SearchQuery;
import dev.discard.index.Searcher;
import dev.discard.read.MessageRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code discard search}: full-text search of the index that {@code discard index} made. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = false,
        description = {
            "Search the messages in an index made by discard index.",
            "Matches their text, attachment names, embed titles and descriptions. QUERY",
            "is SQLite FTS5 syntax: words (all must match), \"a phrase\", a OR b, NOT,",
            "prefix*. Prints each hit as discard read does, after a line naming its",
            "guild, #channel and message id; newest first. Times are UTC.",
            "Every version of an edited message is searched, and deleted messages too;",
            "a hit names the version that matched and how the deletion is known.",
            "With --deleted or --edited the QUERY may be left out."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  done, hits or none",
            "  1  the index is missing, locked or damaged, or FTS5 rejects the query",
            "  2  usage error (bad option)"
        })
final class SearchCommand implements Callable<Integer> {
    private static final String MATCH_ON = "\u001b[1;33m";
    private static final String MATCH_OFF = "\u001b[0m";

    @ParentCommand DiscardCommand parent;

    /** Where {@code discard index out/} puts the index: out/ is where runs go by default. */
    private static final Path UNDER_OUT = Path.of("out", Index.DEFAULT_NAME);

    @Option(names = "--db", paramLabel = "FILE", description = "The index; default index.sqlite here, else"
            + " out/index.sqlite (where discard index out puts it).")
    Path db;

    @Option(names = "--guild", paramLabel = "GUILD", description = "Only this guild (id or name).")
    String guild;

    @Option(names = "--channel", paramLabel = "CHANNEL", description = "Only this channel or thread (id or name).")
    String channel;

    @Option(names = "--author", paramLabel = "AUTHOR", description = "Only this author (id, user name, display"
            + " name or name#1234).")
    String author;

    @Mixin MessageTimeRange range;

    @Option(names = "--limit", paramLabel = "N", description = "At most N hits (default: ${DEFAULT-VALUE}).")
    int limit = SearchQuery.DEFAULT_LIMIT;

    @Option(names = "--oldest", description = "Oldest hits first.")
    boolean oldest;

    @Option(names = "--deleted", description = "Only messages known to be deleted (live records, or gone between"
            + " two runs).")
    boolean deleted;

    @Option(names = "--edited", description = "Only messages with more than one version, or marked edited.")
    boolean edited;

    @Option(names = "--json", description = "One JSON object a line: id, guild_id, guild_name, channel_id,"
            + " channel_name, author_id, author_name, timestamp, content, version, versions, edited, deleted.")
    boolean json;

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "The FTS5 query; several words are joined"
            + " with spaces.")
    List<String> words = List.of();

    /** index.sqlite in the working directory, else out/index.sqlite when only that one exists. */
    private Path defaultIndex() {
        Path dir = parent.terminal.workingDir();
        Path here = dir.resolve(Index.DEFAULT_NAME);
        Path underOut = dir.resolve(UNDER_OUT);
        return !Files.exists(here) && Files.exists(underOut) ? underOut : here;
    }

    @Override
    public Integer call() throws IOException {
        Console console = parent.console;
        if (limit < 1) throw new UsageException("--limit must be at least 1 but was " + limit);
        String text = String.join(" ", words);
        if (text.isBlank() && !deleted && !edited) {
            throw new UsageException("the query is empty: give words to search for, or --deleted or --edited");
        }
        // One hit more than shown tells whether there are more.
        SearchQuery query = new SearchQuery(text, guild, channel, author, range.after, range.before, Math.max(limit, limit + 1),
                oldest, deleted, edited);
        List<SearchHit> hits;
        try (Index index = Index.open(db != null ? db : defaultIndex())) {
            hits = new Searcher(index).search(query);
        } catch (IndexException e) {
            console.error(e.getMessage());
            return ExitCode.FAILED;
        }
        boolean more = hits.size() > limit;
        if (more) hits = hits.subList(0, limit);
        LineOutput out = new LineOutput(console.out);
        ObjectMapper mapper = Json.newMapper();
        MessageRenderer renderer = new MessageRenderer();
        JsonFactory factory = new JsonFactory();
        try {
            for (SearchHit hit : hits) {
                if (json) out.line(mapper.writeValueAsString(jsonOf(mapper, hit)));
                else text(out, renderer, factory, hit, console.terminal);
            }
            out.flush();
        } catch (LineOutput.Closed e) {
            console.error(e.getMessage());
            return ExitCode.FAILED;
        }
        // On stderr: stdout stays the hits alone, for pipes and --json.
        if (more) console.err.println("(the first " + RunReport.number(limit) + " hits; there are more: --limit N shows"
                + " more)");
        return ExitCode.OK;
    }

    private static void text(LineOutput out, MessageRenderer renderer, JsonFactory factory, SearchHit hit,
            boolean terminal) {
        String guildName = hit.guildId() == null ? "Direct messages"
                : hit.guildName() != null ? hit.guildName() : "guild " + hit.guildId();
        String channelName = hit.channelName() != null ? hit.channelName() : hit.channelId();
        String version = hit.versions() > 1 ? "version " + hit.version() + " of " + hit.versions() : null;
        String deletion = hit.deletion() == null ? null : hit.deletion().mark();
        String notes = version != null && deletion != null ? version + "; " + deletion
                : version != null ? version : deletion;
        out.line(VisibleControls.of(guildName + " #" + channelName + " message " + hit.id()
                + (notes == null ? "" : " (" + notes + ")")));
        String line;
        try {
            line = renderer.render(hit.json().getBytes(StandardCharsets.UTF_8), factory);
        } catch (IOException e) {
            line = "[" + hit.timestamp() + "] <" + hit.authorName() + "> " + hit.content();
        }
        // Visible before the highlight's own colours go in, which must stay codes.
        line = VisibleControls.of(line);
        if (terminal && hit.highlighted() != null) line = highlight(line, hit);
        if (deletion != null) line += " [" + deletion + "]";
        out.line(line);
    }

    /**
     * The rendered line with the matched words of the content, then of the attachment names and embed texts, in
     * colour: each marked text replaces its plain form where the line shows it (an attachment's name is the end of
     * its URL).
     */
    private static String highlight(String line, SearchHit hit) {
        int from = 0;
        if (hit.content() != null && !hit.content().isEmpty() && hit.highlighted() != null) {
            String plain = VisibleControls.of(hit.content().replace("\n", "\n    "));
            int at = line.indexOf(plain);
            if (at >= 0) {
                String marked = colour(VisibleControls.of(hit.highlighted().replace("\n", "\n    "), MARKERS));
                line = line.substring(0, at) + marked + line.substring(at + plain.length());
                from = at + marked.length();
            }
        }
        for (String column : new String[] {hit.highlightedAttachments(), hit.highlightedEmbeds()}) {
            if (column == null) continue;
            for (String part : column.split("\n")) {
                if (part.indexOf(SearchHit.MATCH_START) < 0) continue;
                String plain = VisibleControls.of(part.replace(String.valueOf(SearchHit.MATCH_START), "")
                        .replace(String.valueOf(SearchHit.MATCH_END), ""));
                int at = line.indexOf(plain, from);
                if (at < 0) continue;
                String marked = colour(VisibleControls.of(part, MARKERS));
                line = line.substring(0, at) + marked + line.substring(at + plain.length());
                from = at + marked.length();
            }
        }
        return line;
    }

    /** The match markers of a highlighted column, which {@link VisibleControls} must leave for {@link #colour}. */
    private static final String MARKERS = "" + SearchHit.MATCH_START + SearchHit.MATCH_END;

    private static String colour(String highlighted) {
        return highlighted.replace(String.valueOf(SearchHit.MATCH_START), MATCH_ON)
                .replace(String.valueOf(SearchHit.MATCH_END), MATCH_OFF);
    }

    private static ObjectNode jsonOf(ObjectMapper mapper, SearchHit hit) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", hit.id());
        o.put("guild_id", hit.guildId());
        o.put("guild_name", hit.guildName());
        o.put("channel_id", hit.channelId());
        o.put("channel_name", hit.channelName());
        o.put("author_id", hit.authorId());
        o.put("author_name", hit.authorName());
        o.put("timestamp", hit.timestamp());
        o.put("content", hit.content());
        o.put("version", hit.version());
        o.put("versions", hit.versions());
        o.put("edited", hit.edited());
        if (hit.deletion() == null) {
            o.putNull("deleted");
        } else {
            ObjectNode d = o.putObject("deleted");
            d.put("how", hit.deletion().how().stored());
            d.put("at", hit.deletion().at());
            d.put("last_seen", hit.deletion().lastSeen());
            d.put("source", hit.deletion().source());
        }
        return o;
    }
}

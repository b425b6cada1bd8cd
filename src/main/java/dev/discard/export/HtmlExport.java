package dev.discard.export;

import dev.discard.export.templates.JteindexGenerated;
import dev.discard.export.templates.JtesearchGenerated;
import dev.discard.format.Json;
import dev.discard.index.MessageLives;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.WriterOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A static HTML site of everything an index holds: {@code index.html} (guilds, channels, threads), then for each
 * channel pages of at most {@code pageSize} messages oldest first, a dates page, the archived media it shows, and the
 * local stylesheet and script. It opens from disk and loads nothing from the network.
 */
public final class HtmlExport {
    /** Messages per page unless asked otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 1000;
    /** The search page, at the site's root. */
    static final String SEARCH_PAGE = "search.html";
    private static final List<String> ASSETS = List.of("discard.css", "discard.js", "search.js");
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Connection db;
    private final Function<String, Path> files;
    private final int pageSize;
    private final Clock clock;
    private final boolean search;

    /**
     * @param db an index built by {@code discard index}
     * @param files the file a stored media path of the index names
     * @param pageSize messages per page, at least 1
     * @param search whether to write the search index and the search page (docs/browse.md)
     */
    public HtmlExport(Connection db, Function<String, Path> files, int pageSize, Clock clock, boolean search) {
        if (pageSize < 1) throw new IllegalArgumentException("expected a page size of at least 1 but was " + pageSize);
        this.db = db;
        this.files = files;
        this.pageSize = pageSize;
        this.clock = clock;
        this.search = search;
    }

    /** What an export wrote; {@code searchBytes} is the size of the search index, 0 without one. */
    public record Result(int channels, long messages, int mediaFiles, Path index, long searchBytes) {}

    /** Writes the site into {@code out} (created when missing); {@code progress} hears of each channel written. */
    public Result write(Path out, Consumer<String> progress) throws IOException {
        try {
            Files.createDirectories(out.resolve("assets"));
            for (String asset : ASSETS) copyAsset(asset, out.resolve("assets").resolve(asset));
            SitePlan plan = SitePlan.read(db);
            UserCache users = new UserCache(db);
            MediaCopies media = new MediaCopies(out, files);
            Colours colours = new Colours();
            try (SearchIndexThread searchIndex = search ? new SearchIndexThread(new SearchIndexWriter(out)) : null) {
                long messages = 0;
                List<ExportChannel> channels = plan.exported();
                try (MessageLives lives = new MessageLives(db)) {
                    MessageViews views = new MessageViews(db, Json.newMapper(), plan, users, media, colours, lives);
                    ChannelExporter exporter = new ChannelExporter(db, out, pageSize, plan, views, lives, searchIndex);
                    for (ExportChannel channel : channels) {
                        messages += exporter.export(channel);
                        progress.accept(plan.guildName(channel.guildId()) + " #" + channel.label());
                    }
                }
                Files.writeString(out.resolve("assets").resolve(Colours.FILE), colours.css(plan.roleColours()));
                IndexPage index = plan.index(messages, GENERATED.format(clock.instant()), media, search);
                Path indexFile = out.resolve("index.html");
                ChannelExporter.render(indexFile, w -> JteindexGenerated.render(new OwaspHtmlTemplateOutput(
                        new WriterOutput(w)), null, index));
                long searchBytes = 0;
                Path searchPage = out.resolve(SEARCH_PAGE);
                if (searchIndex != null) {
                    searchBytes = searchIndex.finish();
                    ChannelExporter.render(searchPage, w -> JtesearchGenerated.render(new OwaspHtmlTemplateOutput(
                            new WriterOutput(w)), null, ""));
                    searchBytes += Files.size(searchPage);
                } else {
                    Files.deleteIfExists(searchPage);
                    SearchIndexWriter.delete(out);
                }
                return new Result(channels.size(), messages, media.files(), indexFile, searchBytes);
            }
        } catch (SQLException e) {
            throw new ExportException("could not read the index: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void copyAsset(String name, Path target) throws IOException {
        try (InputStream in = HtmlExport.class.getResourceAsStream("assets/" + name)) {
            if (in == null) throw new IllegalStateException("asset " + name + " missing from the jar");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

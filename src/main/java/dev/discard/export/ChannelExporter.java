package dev.discard.export;

import dev.discard.export.templates.JtechannelGenerated;
import dev.discard.export.templates.JtedatesGenerated;
import dev.discard.export.templates.JtemessageGenerated;
import dev.discard.index.IndexIds;
import dev.discard.index.MessageLives;
import dev.discard.read.life.MessageLife;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.WriterOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one channel's pages: its messages streamed out of the index in id order (oldest first), a page at a time,
 * so memory holds one page whatever the channel's length; then its dates page.
 */
final class ChannelExporter {
    /** A message's columns, for a channel without deleted messages or earlier versions (most of them). */
    static final String QUERY = "SELECT id, author_id, type, timestamp, edited_timestamp, content, reference_id,"
            + " pinned, json FROM messages WHERE channel_id = ? ORDER BY id";
    /** The same columns, then its deletion's (how, at, last seen, source) and whether it has earlier versions. */
    static final String LIFE_QUERY = "SELECT m.id, m.author_id, m.type, m.timestamp, m.edited_timestamp, m.content,"
            + " m.reference_id, m.pinned, m.json, d.how, d.at, d.last_seen, d.source, EXISTS (SELECT 1 FROM"
            + " message_versions v WHERE v.message_id = m.id) FROM messages m LEFT JOIN message_deletions d"
            + " ON d.message_id = m.id WHERE m.channel_id = ? ORDER BY m.id";

    /** No page is larger than this many bytes, unless one message alone is. */
    static final long PAGE_LIMIT = 1_000_000;
    /** The estimated bytes of a page's messages (see {@link ChannelPlan}). */
    private static final long ESTIMATE_BUDGET = 800_000;
    /** Bytes of a page beyond its messages: head, title, two pagers. */
    private static final long PAGE_CHROME = 16_384;
    /** Bytes a grouped message gains when it opens a page and so shows its avatar and header. */
    private static final long GROUPED_HEADER = 400;

    private final Connection db;
    private final Path out;
    private final int pageSize;
    private final SitePlan plan;
    private final MessageViews views;
    private final MessageLives lives;
    private final SearchIndexThread search;
    /** The channel's number in the search index. */
    private int searchChannel;
    /**
     * Messages of the channel fed to the search index: a channel written again on a new plan goes on after them,
     * so each message is fed once (a document holds no page: the plan is given to the index at the end).
     */
    private long fed;
    private long deletedMessages;
    private String channelDeleted;
    /** The query of the channel being written: {@link #LIFE_QUERY} when it has deletions or versions. */
    private String query = QUERY;

    /** @param search the site's search index, fed as the pages are written; null for a site without one */
    ChannelExporter(Connection db, Path out, int pageSize, SitePlan plan, MessageViews views, MessageLives lives,
            SearchIndexThread search) {
        this.db = db;
        this.out = out;
        this.pageSize = pageSize;
        this.plan = plan;
        this.views = views;
        this.lives = lives;
        this.search = search;
    }

    /** Writes the channel's pages and returns how many messages they hold. */
    long export(ExportChannel channel) throws SQLException, IOException {
        Path folder = out.resolve(channel.folder());
        Files.createDirectories(folder);
        ChannelPlan channelPlan = ChannelPlan.estimate(db, channel, pageSize, ESTIMATE_BUDGET);
        deletedMessages = lives.deletedMessages(channel.id());
        MessageLife.Deletion deletion = lives.channelDeletion(channel.id());
        channelDeleted = deletion == null ? null : MessageViews.deletedLabel(deletion);
        // The plain query measured 20 % faster on a million messages: the join only where there is something to join.
        query = deletedMessages > 0 || lives.hasVersions(channel.id()) ? LIFE_QUERY : QUERY;
        String guild = plan.guildName(channel.guildId());
        if (search != null) searchChannel = search.channel(guild, channel.label(), channel.folder());
        fed = 0;
        long count = writePages(folder, channel, channelPlan);
        if (count < 0) {
            // The estimate let a page pass the limit: plan again from the sizes the messages render to.
            channelPlan = measure(channel, channelPlan);
            count = writePages(folder, channel, channelPlan);
            if (count < 0) throw new IllegalStateException("a page planned from rendered sizes passed the limit");
        }
        removeStalePages(folder, channelPlan.pages());
        if (search != null) search.pages(searchChannel, channelPlan.pageFirstIds().stream().map(IndexIds::display)
                .toList());
        DatesPage dates = new DatesPage(PageNames.ROOT, guild, channel.label(), "1.html", channelPlan.days(),
                search != null);
        render(folder.resolve("dates.html"), w -> JtedatesGenerated.render(new OwaspHtmlTemplateOutput(
                new WriterOutput(w)), null, dates));
        return count;
    }

    /**
     * Writes the pages as planned and returns how many messages they hold, or -1 as soon as a page passes
     * {@link #PAGE_LIMIT} (one message alone larger than a page is let through: it cannot be split).
     */
    private long writePages(Path folder, ExportChannel channel, ChannelPlan channelPlan)
            throws SQLException, IOException {
        String guild = plan.guildName(channel.guildId());
        ExportChannel parent = channel.isThread() && channel.parentId() != null ? plan.channel(channel.parentId())
                : null;
        ChannelPage.Crumb crumb = parent == null ? null : new ChannelPage.Crumb(parent.label(),
                parent.messages() > 0 ? PageNames.ROOT + parent.page(1) : PageNames.ROOT + "index.html");
        long count = 0;
        int page = 0;
        List<MessageView> messages = new ArrayList<>(Math.min(pageSize, 4096));
        try (PreparedStatement s = db.prepareStatement(query)) {
            s.setString(1, channel.id());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (!messages.isEmpty() && channelPlan.startsPage(rs.getString(1))) {
                        Path file = write(folder, ++page, channelPlan.pages(), guild, channel, crumb, messages);
                        if (Files.size(file) > PAGE_LIMIT && messages.size() > 1) return -1;
                        messages.clear();
                    }
                    if (messages.isEmpty()) views.newPage();
                    MessageView view = views.view(rs, query == LIFE_QUERY, channel, channelPlan);
                    messages.add(view);
                    if (search != null && count == fed) {
                        search.add(searchChannel, view.id(), view.authorId(), view.author(), view.time(),
                                view.content());
                        fed++;
                    }
                    count++;
                }
            }
        }
        if (!messages.isEmpty() || page == 0) {
            Path file = write(folder, ++page, channelPlan.pages(), guild, channel, crumb, messages);
            if (Files.size(file) > PAGE_LIMIT && messages.size() > 1) return -1;
        }
        return count;
    }

    /** A plan from the bytes each message renders to, rendered once without writing anything. */
    private ChannelPlan measure(ExportChannel channel, ChannelPlan estimated) throws SQLException {
        ChannelPlan.Builder builder = new ChannelPlan.Builder(pageSize, PAGE_LIMIT - PAGE_CHROME);
        Utf8Count bytes = new Utf8Count();
        OwaspHtmlTemplateOutput output = new OwaspHtmlTemplateOutput(new WriterOutput(bytes));
        views.newPage();
        try (PreparedStatement s = db.prepareStatement(query)) {
            s.setString(1, channel.id());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    MessageView view = views.view(rs, query == LIFE_QUERY, channel, estimated);
                    bytes.reset();
                    JtemessageGenerated.render(output, null, view);
                    // A message that starts a page shows its header; GROUPED_HEADER covers it when it was grouped.
                    builder.add(rs.getString(1), view.datetime(), bytes.count() + GROUPED_HEADER);
                }
            }
        }
        return builder.build();
    }

    private static void removeStalePages(Path folder, int pages) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.html")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.matches("[0-9]{1,9}\\.html") && Integer.parseInt(name.substring(0, name.length() - 5))
                        > pages && isOurPage(file)) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * Whether a file is a channel page an earlier export wrote (its head links the export's stylesheet and its body
     * is a channel page): a file the user put into the folder is never deleted, whatever its name.
     */
    private static boolean isOurPage(Path file) throws IOException {
        byte[] head = new byte[8192];
        int read;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        String start = new String(head, 0, read, StandardCharsets.UTF_8);
        return start.contains("assets/discard.css\"") && start.contains("<body class=\"channel-page\">");
    }

    private Path write(Path folder, int page, int pages, String guild, ExportChannel channel,
            ChannelPage.Crumb parent, List<MessageView> messages) throws IOException {
        ChannelPage.Pager pager = new ChannelPage.Pager(page, pages, page > 1 ? "1.html" : null,
                page > 1 ? (page - 1) + ".html" : null, page < pages ? (page + 1) + ".html" : null,
                page < pages ? pages + ".html" : null, "dates.html");
        ChannelPage view = new ChannelPage(PageNames.ROOT, guild, channel.label(), parent, messages, pager,
                deletedMessages, channelDeleted, search != null, plan.notReadable(channel.id()));
        Path file = folder.resolve(page + ".html");
        render(file, w -> JtechannelGenerated.render(new OwaspHtmlTemplateOutput(new WriterOutput(w)), null, view));
        return file;
    }

    /** Renders into a file. */
    interface Render {
        void to(Writer writer) throws IOException;
    }

    static void render(Path file, Render render) throws IOException {
        try (Writer w = new BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            render.to(w);
        }
    }
}

package dev.discard.export;

import dev.discard.export.templates.JtechannelGenerated;
import dev.discard.export.templates.JtedatesGenerated;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.WriterOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
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
    static final String QUERY = "SELECT id, author_id, type, timestamp, edited_timestamp, content, reference_id,"
            + " pinned, json FROM messages WHERE channel_id = ? ORDER BY id";

    private final Connection db;
    private final Path out;
    private final int pageSize;
    private final SitePlan plan;
    private final MessageViews views;

    ChannelExporter(Connection db, Path out, int pageSize, SitePlan plan, MessageViews views) {
        this.db = db;
        this.out = out;
        this.pageSize = pageSize;
        this.plan = plan;
        this.views = views;
    }

    /** Writes the channel's pages and returns how many messages they hold. */
    long export(ExportChannel channel) throws SQLException, IOException {
        ChannelPlan channelPlan = ChannelPlan.of(db, channel, pageSize);
        Path folder = out.resolve(channel.folder());
        Files.createDirectories(folder);
        String guild = plan.guildName(channel.guildId());
        ExportChannel parent = channel.isThread() && channel.parentId() != null ? plan.channel(channel.parentId())
                : null;
        ChannelPage.Crumb crumb = parent == null ? null : new ChannelPage.Crumb(parent.label(),
                parent.messages() > 0 ? PageNames.ROOT + parent.page(1) : PageNames.ROOT + "index.html");
        long count = 0;
        int page = 0;
        List<MessageView> messages = new ArrayList<>(Math.min(pageSize, 4096));
        try (PreparedStatement s = db.prepareStatement(QUERY)) {
            s.setString(1, channel.id());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (messages.isEmpty()) views.newPage();
                    messages.add(views.view(rs, channel, channelPlan));
                    count++;
                    if (messages.size() == pageSize) {
                        write(folder, ++page, channelPlan.pages(), guild, channel, crumb, messages);
                        messages.clear();
                    }
                }
            }
        }
        if (!messages.isEmpty() || page == 0) write(folder, ++page, channelPlan.pages(), guild, channel, crumb, messages);
        render(folder.resolve("dates.html"), w -> JtedatesGenerated.render(new OwaspHtmlTemplateOutput(
                new WriterOutput(w)), null, new DatesPage(PageNames.ROOT, guild, channel.label(), "1.html",
                        channelPlan.days())));
        return count;
    }

    private void write(Path folder, int page, int pages, String guild, ExportChannel channel,
            ChannelPage.Crumb parent, List<MessageView> messages) throws IOException {
        ChannelPage.Pager pager = new ChannelPage.Pager(page, pages, page > 1 ? "1.html" : null,
                page > 1 ? (page - 1) + ".html" : null, page < pages ? (page + 1) + ".html" : null,
                page < pages ? pages + ".html" : null, "dates.html");
        ChannelPage view = new ChannelPage(PageNames.ROOT, guild, channel.label(), parent, messages, pager);
        render(folder.resolve(page + ".html"), w -> JtechannelGenerated.render(new OwaspHtmlTemplateOutput(
                new WriterOutput(w)), null, view));
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

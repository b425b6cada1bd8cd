package dev.discard.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.Json;
import dev.discard.format.Snowflake;
import dev.discard.index.IndexIds;
import dev.discard.index.MessageLives;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Exports the index as DiscordChatExporter does: one file per channel and thread, in its JSON or CSV, for the tools
 * that read that format. Channels come from the index's plan (small), messages are streamed out of SQLite in id order
 * and written as they come, so memory stays flat for any channel length.
 */
public final class ChatExport {
    /** The formats: that tool's JSON and CSV. */
    public enum Format {
        JSON("json"),
        CSV("csv");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    /** What an export wrote: files, messages and media files, and the folder. */
    public record Result(int files, long messages, int mediaFiles, Path folder) {}

    private final Connection db;
    private final Function<String, Path> files;
    private final Clock clock;
    private final ObjectMapper mapper = Json.newMapper();
    private final JsonFactory factory = new JsonFactory();

    /**
     * @param db an index built by {@code discard index}
     * @param files the file a stored media path of the index names
     */
    public ChatExport(Connection db, Function<String, Path> files, Clock clock) {
        this.db = db;
        this.files = files;
        this.clock = clock;
    }

    /**
     * Writes the selected channels into {@code out}; with {@code mediaDir} archived media are copied (or hard-linked)
     * there and linked relative to each file, without it files link to where media came from.
     *
     * @param progress hears of each file written
     * @throws SelectionException when the selection names a guild or channel the index does not hold
     */
    public Result write(Format format, ChatSelection selection, Path out, Path mediaDir, Consumer<Path> progress)
            throws IOException {
        try {
            SitePlan plan = SitePlan.read(db);
            List<ExportChannel> channels = select(plan, selection);
            Files.createDirectories(out);
            MediaCopies media = mediaDir == null ? null : new MediaCopies(mediaDir, files, true);
            DceContext context = new DceContext(db, plan, new UserCache(db), media, out);
            try (MessageLives lives = new MessageLives(db)) {
                ChatHistory life = new ChatHistory(lives, mapper);
                String exportedAt = DceFormat.timestamp(clock.instant());
                Set<Path> written = new HashSet<>();
                Map<String, Integer> numbers = new HashMap<>();
                long messages = 0;
                for (ExportChannel channel : channels) {
                    int number = numbers.merge(channel.guildId() == null ? "" : channel.guildId(), 1,
                            Integer::sum);
                    ExportChannel parent = channel.parentId() == null ? null : plan.channel(channel.parentId());
                    Path folder = out.resolve(ChatFileNames.guildFolder(channel.guildId(),
                            plan.guildName(channel.guildId())));
                    Files.createDirectories(folder);
                    Path file = folder.resolve(ChatFileNames.channelFile(number,
                            parent == null ? null : parent.label(), channel, format.extension));
                    ChatHeader header = header(plan, context, channel, parent, selection, exportedAt, file);
                    messages += writeChannel(format, selection, life, context, channel, header, file);
                    written.add(file.toAbsolutePath().normalize());
                    progress.accept(file);
                }
                removeStale(out, format, written);
                return new Result(channels.size(), messages, context.mediaFiles(), out);
            }
        } catch (SQLException e) {
            throw new ExportException("could not read the index: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private long writeChannel(Format format, ChatSelection selection, ChatHistory life, DceContext context,
            ExportChannel channel, ChatHeader header, Path file) throws IOException, SQLException {
        String from = selection.after() == null ? "" : IndexIds.of(Snowflake.of(selection.after()));
        String to = selection.before() == null ? "~" : IndexIds.of(Snowflake.of(selection.before()));
        String live = selection.history() ? "1" : ChatHistory.LIVE;
        long count = 0;
        try (ChatWriter writer = format == Format.JSON
                        ? new DceJsonWriter(factory, context, file, header, selection.history())
                        : new DceCsvWriter(context, file, selection.history());
                PreparedStatement s = db.prepareStatement("SELECT id, json FROM messages WHERE channel_id = ?"
                        + " AND id > ? AND id < ? AND " + live + " ORDER BY id")) {
            s.setString(1, channel.id());
            s.setString(2, from);
            s.setString(3, to);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    JsonNode json = parse(rs.getString(2));
                    ChatMessage message = selection.history() ? life.message(id, json)
                            : new ChatMessage(id, json, List.of(), null);
                    writer.message(message);
                    count++;
                }
            }
            writer.finish(count);
        }
        return count;
    }

    private ChatHeader header(SitePlan plan, DceContext context, ExportChannel channel, ExportChannel parent,
            ChatSelection selection, String exportedAt, Path file) throws SQLException {
        context.writing(file);
        String guildId = channel.guildId() == null ? "0" : IndexIds.display(channel.guildId());
        String guildName = channel.guildId() == null ? "Direct Messages" : plan.guildName(channel.guildId());
        String iconHash = channel.guildId() == null ? null : column("SELECT icon FROM guilds WHERE id = ?",
                channel.guildId());
        String icon = context.url(plan.guildIconFile(channel.guildId()), DceFormat.guildIconUrl(guildId, iconHash));
        JsonNode json = parse(column("SELECT json FROM channels WHERE id = ?", channel.id()));
        String channelIcon = json.hasNonNull("icon") ? "https://cdn.discordapp.com/channel-icons/"
                + IndexIds.display(channel.id()) + "/" + json.path("icon").asText() + (json.path("icon").asText()
                .startsWith("a_") ? ".gif" : ".png") + "?size=512" : null;
        return new ChatHeader(guildId, guildName, icon, IndexIds.display(channel.id()),
                DceFormat.channelKind(channel.type()), parent == null ? null : IndexIds.display(parent.id()),
                parent == null ? null : parent.label(), channel.label(),
                json.hasNonNull("topic") ? json.path("topic").asText() : null, channelIcon,
                selection.after() == null ? null : DceFormat.timestamp(selection.after()),
                selection.before() == null ? null : DceFormat.timestamp(selection.before()), exportedAt);
    }

    /** The channels and threads selected, with at least one message, in the order of each guild's channel list. */
    private static List<ExportChannel> select(SitePlan plan, ChatSelection selection) {
        List<ExportChannel> all = plan.exported();
        Set<String> guilds = new HashSet<>();
        for (String g : selection.guilds()) {
            boolean found = false;
            for (ExportChannel c : all) {
                String stored = c.guildId();
                if (stored != null && (stored.equals(IndexIds.of(g)) || plan.guildName(stored).equals(g))) {
                    guilds.add(stored);
                    found = true;
                }
            }
            if (!found) throw new SelectionException("no guild " + g + " with messages in the index: give a guild"
                    + " id or name");
        }
        Set<String> channels = new HashSet<>();
        for (String name : selection.channels()) {
            boolean found = false;
            for (ExportChannel c : all) {
                if (c.id().equals(IndexIds.of(name)) || name.equals(c.name()) || name.equals("#" + c.name())) {
                    channels.add(c.id());
                    found = true;
                }
            }
            if (!found) throw new SelectionException("no channel " + name + " with messages in the index: give a"
                    + " channel or thread id or name");
        }
        List<ExportChannel> out = new ArrayList<>();
        for (ExportChannel c : all) {
            if (!guilds.isEmpty() && !guilds.contains(c.guildId())) continue;
            if (!channels.isEmpty() && !channels.contains(c.id())) continue;
            out.add(c);
        }
        return out;
    }

    /** Files of this format under the guild folders that this export did not write: channels no longer selected. */
    private static void removeStale(Path out, Format format, Set<Path> written) throws IOException {
        try (Stream<Path> walk = Files.walk(out, 2)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (p.getParent().equals(out) || !name.endsWith("." + format.extension)) continue;
                if (!written.contains(p.toAbsolutePath().normalize())) Files.delete(p);
            }
        }
    }

    private String column(String sql, String id) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private JsonNode parse(String json) {
        try {
            return json == null ? mapper.createObjectNode() : mapper.readTree(json);
        } catch (IOException e) {
            return mapper.createObjectNode(); // a damaged row: the message is still counted, with empty fields
        }
    }
}

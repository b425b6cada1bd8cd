package dev.discard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.index.IndexIds;
import dev.discard.index.MessageLives;
import dev.discard.format.SignedUrls;
import dev.discard.read.life.MessageLife;
import dev.discard.read.MessageFields;
import dev.discard.read.SystemMessages;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a message row of the index (with the message's JSON as recorded) into what a channel page shows: names
 * resolved, Markdown rendered and escaped, archived media copied into the export, the reply and thread linked.
 */
final class MessageViews {
    /** Messages by one author within this many seconds are grouped under one header, as Discord does. */
    private static final long GROUP_SECONDS = 7 * 60;
    /** CHANNEL_PINNED_MESSAGE: "… pinned a message to this channel." */
    private static final int PIN = 6;

    private final ObjectMapper mapper;
    private final SitePlan plan;
    private final UserCache users;
    private final MediaCopies media;
    private final Colours colours;
    private final DiscordMarkdown markdown;
    private final PreparedStatement attachmentFiles;
    private final PreparedStatement inChannel;
    private final PreparedStatement embedFiles;
    private String previousAuthor;
    private long previousSeconds;

    private final MessageLives lives;

    MessageViews(Connection db, ObjectMapper mapper, SitePlan plan, UserCache users, MediaCopies media,
            Colours colours, MessageLives lives) throws SQLException {
        this.lives = lives;
        this.colours = colours;
        this.mapper = mapper;
        this.plan = plan;
        this.users = users;
        this.media = media;
        this.markdown = new DiscordMarkdown(new PageNames(plan, users), this::emojiSrc);
        this.attachmentFiles = db.prepareStatement("SELECT id, media_file FROM attachments WHERE message_id = ?");
        this.inChannel = db.prepareStatement("SELECT 1 FROM messages WHERE id = ? AND channel_id = ?");
        this.embedFiles = db.prepareStatement("SELECT media_file FROM embed_files WHERE url = ?");
    }

    private String emojiSrc(String emojiId) {
        String id = IndexIds.of(emojiId);
        return id == null ? null : mediaSrc(plan.emojiFile(id));
    }

    /** Starts a page: its first message always shows its header. */
    void newPage() {
        previousAuthor = null;
    }

    /**
     * The view of the message at the cursor of {@code rs}: columns of {@link ChannelExporter#QUERY}, or of
     * {@link ChannelExporter#LIFE_QUERY} with its deletion and whether it has versions ({@code life}).
     */
    MessageView view(ResultSet rs, boolean life, ExportChannel channel, ChannelPlan channelPlan)
            throws SQLException {
        String storedId = rs.getString(1);
        String authorId = rs.getString(2);
        int type = rs.getInt(3);
        String timestamp = rs.getString(4);
        String edited = rs.getString(5);
        String content = rs.getString(6);
        String referenceId = rs.getString(7);
        boolean pinned = rs.getInt(8) != 0;
        JsonNode json = parse(rs.getString(9));
        JsonNode authorJson = json.path("author");

        UserCache.User user = users.get(authorId);
        String author = user != null ? user.name() : authorFromJson(authorJson);
        boolean bot = user != null ? user.bot() : authorJson.path("bot").asBoolean() || json.has("webhook_id");
        String avatarSrc = user != null ? media.copy(user.avatarFile()) : null;
        String system = SystemMessages.isUserMessage(type) ? null
                : type == PIN ? author + " pinned a message to this channel."
                : SystemMessages.sentence(fields(type, content, timestamp, edited, referenceId, json), author);
        // A pin notice links to the message pinned (discard read names its id; a page can do better).
        String systemHref = type == PIN && referenceId != null ? href(referenceId, channel, channelPlan) : null;

        MessageView.Reply reply = type == 19 || json.has("referenced_message") && referenceId != null
                ? reply(referenceId, json.path("referenced_message"), channel, channelPlan) : null;
        long seconds = seconds(timestamp);
        boolean grouped = system == null && reply == null && authorId != null && authorId.equals(previousAuthor)
                && seconds - previousSeconds >= 0 && seconds - previousSeconds < GROUP_SECONDS;
        previousAuthor = system == null ? authorId : null;
        previousSeconds = seconds;

        MessageView.Avatar avatar = avatarSrc != null ? new MessageView.Avatar(PageNames.ROOT + avatarSrc, null, 0)
                : new MessageView.Avatar(null, initial(author), colour(authorId));
        return new MessageView(IndexIds.display(storedId), timestamp, shortTime(timestamp), author,
                authorClass(json.path("member").path("roles")), avatar, bot,
                system == null ? markdown.toHtml(content) : "", system, systemHref,
                edited == null ? null : shortTime(edited) + " UTC", reply,
                attachments(storedId, json.path("attachments")), embeds(json.path("embeds")), stickers(json),
                reactions(json.path("reactions")), pinned, thread(storedId, json.path("thread")), grouped,
                life ? deletion(rs) : null, life && rs.getBoolean(14) ? versions(storedId) : List.of(), authorId,
                content);
    }

    /** The deletion of the message at the cursor (columns 10 to 13 of the query), as a page says it. */
    private static String deletion(ResultSet rs) throws SQLException {
        String how = rs.getString(10);
        if (how == null) return null;
        return deletedLabel(new MessageLife.Deletion(MessageLife.How.of(how), rs.getString(11), rs.getString(12),
                rs.getString(13)));
    }

    /** {@code Deleted 2026-12-07 10:31:02 UTC}, or {@code Deleted: gone by …, last seen … UTC}. */
    static String deletedLabel(MessageLife.Deletion d) {
        String mark = d.mark();
        return Character.toUpperCase(mark.charAt(0)) + mark.substring(1) + " UTC";
    }

    /** The earlier versions of a message, oldest first, their content rendered as the current one's is. */
    private List<MessageView.Version> versions(String storedId) throws SQLException {
        MessageLife life = lives.life(IndexIds.display(storedId));
        if (life == null) return List.of();
        List<MessageView.Version> out = new ArrayList<>();
        List<MessageLife.Version> all = life.versions();
        for (int i = 0; i < all.size() - 1; i++) {
            MessageLife.Version v = all.get(i);
            JsonNode json = parse(v.json());
            String content = json.path("content").asText("");
            StringBuilder label = new StringBuilder("Version " + (i + 1) + " of " + all.size());
            if (v.seenAt() != null) label.append(", seen ").append(shortTime(v.seenAt())).append(" UTC");
            if (v.editedTimestamp() != null) label.append(", edited ").append(shortTime(v.editedTimestamp()));
            int files = json.path("attachments").size();
            if (files > 0) label.append(", ").append(files).append(files == 1 ? " attachment" : " attachments");
            out.add(new MessageView.Version(label.toString(), content.isEmpty() ? "" : markdown.toHtml(content)));
        }
        return out;
    }

    /** A message's member object (gateway messages carry one; history pages do not) gives the author's roles. */
    private String authorClass(JsonNode roles) {
        if (!roles.isArray() || roles.isEmpty()) return null;
        List<String> ids = new ArrayList<>(roles.size());
        for (JsonNode r : roles) {
            String id = IndexIds.of(r.asText(""));
            if (id != null) ids.add(id);
        }
        return plan.memberClass(ids);
    }

    private MessageView.Reply reply(String referenceId, JsonNode referenced, ExportChannel channel,
            ChannelPlan channelPlan) throws SQLException {
        String href = href(referenceId, channel, channelPlan);
        String author = referenced.isObject() ? authorFromJson(referenced.path("author")) : "";
        String text = referenced.isObject() ? referenced.path("content").asText("") : "";
        if (text.isEmpty()) text = href != null ? "(jump to the message)" : "(original message not archived)";
        if (text.length() > 120) text = text.substring(0, 117) + "…";
        return new MessageView.Reply(href, author, text);
    }

    /** The link to a message of this channel on whatever page it is, null when the export does not hold it. */
    private String href(String referenceId, ExportChannel channel, ChannelPlan channelPlan) throws SQLException {
        inChannel.setString(1, referenceId);
        inChannel.setString(2, channel.id());
        try (ResultSet rs = inChannel.executeQuery()) {
            return rs.next() ? channelPlan.pageOf(referenceId) + ".html#" + IndexIds.display(referenceId) : null;
        }
    }

    private List<MessageView.Attachment> attachments(String storedId, JsonNode list) throws SQLException {
        if (!list.isArray() || list.isEmpty()) return List.of();
        Map<String, String> files = new HashMap<>();
        attachmentFiles.setString(1, storedId);
        try (ResultSet rs = attachmentFiles.executeQuery()) {
            while (rs.next()) files.put(IndexIds.display(rs.getString(1)), rs.getString(2));
        }
        List<MessageView.Attachment> out = new ArrayList<>(list.size());
        for (JsonNode a : list) {
            String name = a.path("filename").asText("attachment");
            String copy = media.copy(files.get(a.path("id").asText()));
            boolean image = copy != null && (a.path("content_type").asText("").startsWith("image/")
                    || name.toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g|gif|webp|avif|bmp)"));
            String size = size(a.path("size").asLong(-1));
            out.add(copy != null ? new MessageView.Attachment(name, PageNames.ROOT + copy, image, true, size)
                    : new MessageView.Attachment(name, a.path("url").asText(""), false, false, size));
        }
        return out;
    }

    private List<MessageView.Embed> embeds(JsonNode list) throws SQLException {
        if (!list.isArray() || list.isEmpty()) return List.of();
        List<MessageView.Embed> out = new ArrayList<>(list.size());
        for (JsonNode e : list) {
            List<MessageView.Field> fields = new ArrayList<>();
            for (JsonNode f : e.path("fields")) {
                fields.add(new MessageView.Field(f.path("name").asText(""), markdown.toHtml(f.path("value").asText(""))));
            }
            String url = e.path("url").asText(null);
            String description = e.has("description") ? markdown.toHtml(e.path("description").asText()) : null;
            String title = e.path("title").asText(null);
            String footer = e.path("footer").path("text").asText(null);
            MessageView.EmbedImage image = embedImage(e.path("image"));
            MessageView.EmbedImage thumbnail = embedImage(e.path("thumbnail"));
            if (title == null && description == null && fields.isEmpty() && footer == null) {
                if (url == null && image == null && thumbnail == null) continue;
                title = url; // a link preview of which the archive kept only the address
            }
            out.add(new MessageView.Embed(title, url != null && Html.isWebLink(url) ? url : null, description, fields,
                    image, thumbnail, footer, e.hasNonNull("color") ? colours.embed(e.path("color").asInt()) : null));
        }
        return out;
    }

    /**
     * An embed's image or thumbnail: the copy of the file a {@code --media} run stored (looked up by the URL without
     * its signature, as {@code media.jsonl} names it), else a link to where it came from; null when there is none.
     */
    private MessageView.EmbedImage embedImage(JsonNode image) throws SQLException {
        String url = image.path("url").asText(null);
        if (url == null) return null;
        embedFiles.setString(1, SignedUrls.key(url));
        String stored = null;
        try (ResultSet rs = embedFiles.executeQuery()) {
            if (rs.next()) stored = rs.getString(1);
        }
        String src = mediaSrc(stored);
        if (src != null) return new MessageView.EmbedImage(src, null);
        return Html.isWebLink(url) ? new MessageView.EmbedImage(null, url) : null;
    }

    private List<MessageView.Sticker> stickers(JsonNode json) {
        JsonNode items = json.has("sticker_items") ? json.path("sticker_items") : json.path("stickers");
        if (!items.isArray() || items.isEmpty()) return List.of();
        List<MessageView.Sticker> out = new ArrayList<>();
        for (JsonNode s : items) {
            String id = IndexIds.of(s.path("id").asText(""));
            out.add(new MessageView.Sticker(s.path("name").asText("sticker"),
                    id == null ? null : mediaSrc(plan.stickerFile(id))));
        }
        return out;
    }

    /** The page's relative URL of an archived file, copied into the export; null when none was archived. */
    private String mediaSrc(String storedFile) {
        String copy = media.copy(storedFile);
        return copy == null ? null : PageNames.ROOT + copy;
    }

    private List<MessageView.Reaction> reactions(JsonNode list) {
        if (!list.isArray() || list.isEmpty()) return List.of();
        List<MessageView.Reaction> out = new ArrayList<>(list.size());
        for (JsonNode r : list) {
            JsonNode emoji = r.path("emoji");
            String name = emoji.path("name").asText("?");
            String id = emoji.hasNonNull("id") ? IndexIds.of(emoji.path("id").asText()) : null;
            String shown = emoji.hasNonNull("id") ? ":" + name + ":" : name;
            out.add(new MessageView.Reaction(shown, id == null ? null : mediaSrc(plan.emojiFile(id)),
                    r.path("count").asLong()));
        }
        return out;
    }

    private MessageView.ThreadLink thread(String storedId, JsonNode json) {
        ExportChannel thread = plan.channel(storedId);
        if (thread == null || !thread.isThread()) {
            if (!json.isObject()) return null;
            thread = plan.channel(IndexIds.of(json.path("id").asText()));
            if (thread == null) {
                return new MessageView.ThreadLink(json.path("name").asText("thread"), null,
                        json.path("message_count").asLong());
            }
        }
        return new MessageView.ThreadLink(thread.label(), thread.messages() > 0 ? PageNames.ROOT + thread.page(1)
                : null, thread.messages());
    }

    private MessageFields fields(int type, String content, String timestamp, String edited, String referenceId,
            JsonNode json) {
        List<String> mentions = new ArrayList<>();
        for (JsonNode m : json.path("mentions")) mentions.add(authorFromJson(m));
        String ended = json.path("call").path("ended_timestamp").asText(null);
        return new MessageFields(type, content, timestamp, edited != null, null, List.of(), List.of(),
                IndexIds.display(referenceId), List.of(), mentions, null, ended, null);
    }

    private JsonNode parse(String json) {
        try {
            return json == null ? mapper.createObjectNode() : mapper.readTree(json);
        } catch (IOException e) {
            return mapper.createObjectNode(); // the row's columns still give the text, time and author
        }
    }

    private static String authorFromJson(JsonNode author) {
        if (!author.isObject()) return "(unknown)";
        return new MessageFields.Author(author.path("username").asText(null), author.path("discriminator")
                .asText(null), author.path("global_name").asText(null)).displayName();
    }

    private static String initial(String name) {
        if (name == null || name.isEmpty()) return "?";
        return new String(Character.toChars(Character.toUpperCase(name.codePointAt(0))));
    }

    private static int colour(String authorId) {
        return authorId == null ? 1 : Math.floorMod(authorId.hashCode(), 8);
    }

    /** {@code 2021-02-01T12:00:00.000000+00:00} → {@code 2021-02-01 12:00}. */
    static String shortTime(String timestamp) {
        if (timestamp == null || timestamp.length() < 16) return timestamp == null ? "" : timestamp;
        return timestamp.substring(0, 10) + " " + timestamp.substring(11, 16);
    }

    private static long seconds(String timestamp) {
        try {
            return dev.discard.format.Timestamps.parse(timestamp).getEpochSecond();
        } catch (RuntimeException e) {
            return Long.MIN_VALUE / 2;
        }
    }

    private static String size(long bytes) {
        if (bytes < 0) return "";
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}

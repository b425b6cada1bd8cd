package dev.discard.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.format.Timestamps;
import dev.discard.index.IndexIds;
import dev.discard.read.life.MessageLife;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One channel's file in DiscordChatExporter's JSON: {@code guild}, {@code channel}, {@code dateRange},
 * {@code exportedAt}, {@code messages}, {@code messageCount}, in that order, each message's keys in the order and
 * with the types that tool writes (its {@code JsonMessageWriter}), indented by two spaces. Streamed: a message is
 * written as it comes and nothing of it is kept.
 *
 * <p>Content is written as Discord sent it (that tool's {@code --markdown false}): mentions stay {@code <@id>}.
 * With {@code --history} a message carries one more key after all of that tool's, {@code discard}: its deletion and
 * earlier versions; readers of the format skip keys they do not know.
 */
final class DceJsonWriter implements ChatWriter {
    private final JsonGenerator out;
    private final DceContext context;
    private final String guildId;
    private final boolean history;

    DceJsonWriter(JsonFactory factory, DceContext context, Path file, ChatHeader header, boolean history)
            throws IOException {
        this.context = context;
        this.guildId = header.guildId();
        this.history = history;
        context.writing(file);
        out = factory.createGenerator(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
                JsonEncoding.UTF8);
        out.setPrettyPrinter(new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")));
        out.writeStartObject();
        out.writeObjectFieldStart("guild");
        out.writeStringField("id", header.guildId());
        out.writeStringField("name", header.guildName());
        out.writeStringField("iconUrl", header.guildIconUrl());
        out.writeEndObject();
        out.writeObjectFieldStart("channel");
        out.writeStringField("id", header.channelId());
        out.writeStringField("type", header.channelType());
        out.writeStringField("categoryId", header.categoryId());
        out.writeStringField("category", header.category());
        out.writeStringField("name", header.channelName());
        out.writeStringField("topic", header.topic());
        if (header.channelIconUrl() != null) out.writeStringField("iconUrl", header.channelIconUrl());
        out.writeEndObject();
        out.writeObjectFieldStart("dateRange");
        out.writeStringField("after", header.after());
        out.writeStringField("before", header.before());
        out.writeEndObject();
        out.writeStringField("exportedAt", header.exportedAt());
        out.writeArrayFieldStart("messages");
    }

    @Override
    public void message(ChatMessage message) throws IOException, SQLException {
        JsonNode m = message.json();
        int type = m.path("type").asInt(0);
        out.writeStartObject();
        out.writeStringField("id", IndexIds.display(message.storedId()));
        out.writeStringField("type", DceFormat.messageKind(type));
        out.writeStringField("timestamp", DceFormat.timestamp(text(m, "timestamp")));
        out.writeStringField("timestampEdited", DceFormat.timestamp(text(m, "edited_timestamp")));
        out.writeStringField("callEndedTimestamp", DceFormat.timestamp(text(m.path("call"), "ended_timestamp")));
        out.writeBooleanField("isPinned", m.path("pinned").asBoolean(false));
        out.writeStringField("content", content(m, type));
        out.writeFieldName("author");
        user(m.path("author"), m.path("member"), true);
        attachments(message.storedId(), m.path("attachments"));
        out.writeArrayFieldStart("embeds");
        for (JsonNode e : m.path("embeds")) embed(e);
        out.writeEndArray();
        stickers(m.path("sticker_items"));
        reactions(message.storedId(), m.path("reactions"));
        out.writeArrayFieldStart("mentions");
        for (JsonNode u : m.path("mentions")) {
            if (u.isObject()) user(u, u.path("member"), true);
        }
        out.writeEndArray();
        JsonNode reference = m.path("message_reference");
        if (reference.isObject()) {
            out.writeObjectFieldStart("reference");
            out.writeStringField("type", DceFormat.referenceKind(reference.path("type").asInt(0)));
            out.writeStringField("messageId", text(reference, "message_id"));
            out.writeStringField("channelId", text(reference, "channel_id"));
            out.writeStringField("guildId", text(reference, "guild_id"));
            out.writeEndObject();
        }
        JsonNode forwarded = m.path("message_snapshots").path(0).path("message");
        if (forwarded.isObject()) forwarded(message.storedId(), forwarded);
        JsonNode interaction = m.path("interaction");
        if (interaction.isObject()) {
            out.writeObjectFieldStart("interaction");
            out.writeStringField("id", text(interaction, "id"));
            out.writeStringField("name", interaction.path("name").asText(""));
            out.writeFieldName("user");
            user(interaction.path("user"), interaction.path("member"), true);
            out.writeEndObject();
        }
        inlineEmojis(text(m, "content"));
        if (history) history(message);
        out.writeEndObject();
    }

    /** The key this tool adds with {@code --history}: when and how a message was deleted, its earlier versions. */
    private void history(ChatMessage message) throws IOException {
        out.writeObjectFieldStart("discard");
        MessageLife.Deletion deletion = message.deletion();
        if (deletion == null) {
            out.writeNullField("deleted");
        } else {
            out.writeObjectFieldStart("deleted");
            out.writeStringField("how", deletion.how().stored());
            out.writeStringField("at", DceFormat.timestamp(deletion.at()));
            out.writeStringField("lastSeen", DceFormat.timestamp(deletion.lastSeen()));
            out.writeEndObject();
        }
        out.writeArrayFieldStart("earlierVersions");
        for (ChatHistory.Version v : message.versions()) {
            out.writeStartObject();
            out.writeStringField("timestampEdited", DceFormat.timestamp(v.editedTimestamp()));
            out.writeStringField("content", v.content() == null ? "" : v.content());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private String content(JsonNode m, int type) {
        String content = m.path("content").asText("");
        if (!DceFormat.isSystemNotification(type)) return content;
        JsonNode first = m.path("mentions").path(0);
        String firstName = first.isObject() ? displayName(first) : null;
        boolean self = first.isObject() && text(first, "id") != null
                && text(first, "id").equals(text(m.path("author"), "id"));
        Long minutes = null;
        String ended = text(m.path("call"), "ended_timestamp");
        if (ended != null) {
            try {
                minutes = Math.round(Duration.between(Timestamps.parse(text(m, "timestamp")),
                        Timestamps.parse(ended)).toMillis() / 60_000.0);
            } catch (RuntimeException e) {
                minutes = null;
            }
        }
        return DceFormat.fallbackContent(type, content, firstName, self, minutes);
    }

    /** A user: author, mention, interaction user (with roles) or reaction user (without). */
    private void user(JsonNode user, JsonNode member, boolean withRoles) throws IOException {
        String id = text(user, "id");
        UserCache.User known = id == null ? null : context.users.get(IndexIds.of(id));
        String avatar = text(user, "avatar");
        writeUser(id, user.path("username").asText(known != null ? known.username() : ""),
                text(user, "discriminator"), displayName(user), member, user.path("bot").asBoolean(false),
                avatar, known != null && avatar != null && avatar.equals(known.avatar()) ? known.avatarFile() : null,
                withRoles);
    }

    /** A reaction user the index knows by id only. */
    private void reactionUser(String storedId) throws IOException {
        UserCache.User u = context.users.get(storedId);
        String id = IndexIds.display(storedId);
        if (u == null) {
            writeUser(id, "Unknown", null, "Unknown", null, false, null, null, false);
            return;
        }
        writeUser(id, u.username() == null ? "" : u.username(), u.discriminator(), u.globalName() != null
                && !u.globalName().isBlank() ? u.globalName() : u.username(), null, u.bot(), u.avatar(),
                u.avatarFile(), false);
    }

    private void writeUser(String id, String name, String discriminator, String displayName, JsonNode member,
            boolean bot, String avatar, String avatarFile, boolean withRoles) throws IOException {
        List<SitePlan.Role> roles = roles(member);
        out.writeStartObject();
        out.writeStringField("id", id);
        out.writeStringField("name", name);
        out.writeStringField("discriminator", DceFormat.discriminator(discriminator));
        String nick = member == null ? null : text(member, "nick");
        out.writeStringField("nickname", nick != null && !nick.isBlank() ? nick : displayName);
        String colour = null;
        for (SitePlan.Role r : roles) {
            if (r.color() > 0) {
                colour = DceFormat.colour(r.color());
                break;
            }
        }
        out.writeStringField("color", colour);
        out.writeBooleanField("isBot", bot);
        if (withRoles) {
            out.writeArrayFieldStart("roles");
            for (SitePlan.Role r : roles) {
                out.writeStartObject();
                out.writeStringField("id", r.id());
                out.writeStringField("name", r.name());
                out.writeStringField("color", r.color() > 0 ? DceFormat.colour(r.color()) : null);
                out.writeNumberField("position", r.position());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        String memberAvatar = member == null ? null : text(member, "avatar");
        String original = memberAvatar != null && guildId != null && !guildId.equals("0")
                ? "https://cdn.discordapp.com/guilds/" + guildId + "/users/" + id + "/avatars/" + memberAvatar
                        + (memberAvatar.startsWith("a_") ? ".gif" : ".png") + "?size=512"
                : DceFormat.avatarUrl(id == null ? "0" : id, avatar, discriminator);
        out.writeStringField("avatarUrl", memberAvatar != null ? original : context.url(avatarFile, original));
        out.writeEndObject();
    }

    /** The roles of a member object the index knows, highest first (as Discord orders them). */
    private List<SitePlan.Role> roles(JsonNode member) {
        if (member == null || !member.path("roles").isArray()) return List.of();
        List<SitePlan.Role> out = new ArrayList<>();
        for (JsonNode r : member.path("roles")) {
            String stored = IndexIds.of(r.asText(""));
            SitePlan.Role role = stored == null ? null : context.plan.roleOf(stored);
            if (role != null) out.add(role);
        }
        out.sort((a, b) -> Integer.compare(b.position(), a.position()));
        return out;
    }

    private void attachments(String storedId, JsonNode list) throws IOException, SQLException {
        out.writeArrayFieldStart("attachments");
        Map<String, String> files = list.isArray() && !list.isEmpty() ? context.attachmentFiles(storedId) : Map.of();
        for (JsonNode a : list) {
            out.writeStartObject();
            String id = text(a, "id");
            out.writeStringField("id", id);
            out.writeStringField("url", context.url(files.get(id), text(a, "url")));
            out.writeStringField("fileName", a.path("filename").asText(""));
            out.writeNumberField("fileSizeBytes", a.path("size").asLong(0));
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void embed(JsonNode e) throws IOException {
        out.writeStartObject();
        out.writeStringField("title", e.path("title").asText(""));
        out.writeStringField("url", nonBlank(e, "url"));
        out.writeStringField("timestamp", DceFormat.timestamp(text(e, "timestamp")));
        String description = e.path("description").asText("");
        out.writeStringField("description", description);
        if (e.path("color").isInt()) out.writeStringField("color", DceFormat.colour(e.path("color").asInt()));
        JsonNode author = e.path("author");
        if (author.isObject()) {
            out.writeObjectFieldStart("author");
            out.writeStringField("name", text(author, "name"));
            out.writeStringField("url", nonBlank(author, "url"));
            icon(author);
            out.writeEndObject();
        }
        if (e.path("thumbnail").isObject()) {
            out.writeFieldName("thumbnail");
            image(e.path("thumbnail"));
        }
        if (e.path("image").isObject()) {
            out.writeFieldName("image");
            image(e.path("image"));
        }
        if (e.path("video").isObject()) {
            out.writeFieldName("video");
            image(e.path("video"));
        }
        JsonNode footer = e.path("footer");
        if (footer.isObject()) {
            out.writeObjectFieldStart("footer");
            out.writeStringField("text", footer.path("text").asText(""));
            icon(footer);
            out.writeEndObject();
        }
        out.writeArrayFieldStart("images");
        if (e.path("image").isObject()) image(e.path("image"));
        out.writeEndArray();
        out.writeArrayFieldStart("fields");
        for (JsonNode f : e.path("fields")) {
            out.writeStartObject();
            out.writeStringField("name", f.path("name").asText(""));
            out.writeStringField("value", f.path("value").asText(""));
            out.writeBooleanField("isInline", f.path("inline").asBoolean(false));
            out.writeEndObject();
        }
        out.writeEndArray();
        inlineEmojis(description);
        out.writeEndObject();
    }

    /** An embed author's or footer's icon: the proxied address, then the original, only when it has one. */
    private void icon(JsonNode node) throws IOException {
        String icon = nonBlank(node, "icon_url");
        if (icon == null) return;
        String proxy = nonBlank(node, "proxy_icon_url");
        out.writeStringField("iconUrl", proxy != null ? proxy : icon);
        out.writeStringField("iconCanonicalUrl", icon);
    }

    /** An embed's image, thumbnail or video. */
    private void image(JsonNode node) throws IOException {
        out.writeStartObject();
        String url = nonBlank(node, "url");
        if (url != null) {
            String proxy = nonBlank(node, "proxy_url");
            out.writeStringField("url", proxy != null ? proxy : url);
            out.writeStringField("canonicalUrl", url);
        }
        number("width", node.path("width"));
        number("height", node.path("height"));
        out.writeEndObject();
    }

    private void number(String field, JsonNode value) throws IOException {
        if (value.canConvertToInt() && value.isNumber()) out.writeNumberField(field, value.asInt());
        else out.writeNullField(field);
    }

    private void stickers(JsonNode list) throws IOException {
        out.writeArrayFieldStart("stickers");
        for (JsonNode s : list) {
            String id = text(s, "id");
            int format = s.path("format_type").asInt(1);
            out.writeStartObject();
            out.writeStringField("id", id);
            out.writeStringField("name", s.path("name").asText(""));
            out.writeStringField("format", DceFormat.stickerFormat(format));
            out.writeStringField("sourceUrl", context.url(id == null ? null : context.stickerFile(id),
                    DceFormat.stickerUrl(id, format)));
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void reactions(String storedId, JsonNode list) throws IOException, SQLException {
        out.writeArrayFieldStart("reactions");
        for (JsonNode r : list) {
            JsonNode emoji = r.path("emoji");
            out.writeStartObject();
            out.writeFieldName("emoji");
            String name = emoji.hasNonNull("name") && !emoji.path("name").asText().isBlank()
                    ? emoji.path("name").asText() : "Unknown Emoji";
            emoji(nonBlank(emoji, "id"), name, emoji.path("animated").asBoolean(false));
            out.writeNumberField("count", r.path("count").asLong(0));
            out.writeArrayFieldStart("users");
            for (String user : context.reactionUsers(storedId, emoji)) reactionUser(user);
            out.writeEndArray();
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    /**
     * An emoji as that tool writes it: {@code id} is the empty string for a Unicode emoji, {@code code} the custom
     * emoji's name or the Unicode emoji itself (that tool's table of Unicode names is not carried here).
     */
    private void emoji(String id, String name, boolean animated) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", id == null ? "" : id);
        out.writeStringField("name", name);
        out.writeStringField("code", name);
        out.writeBooleanField("isAnimated", animated);
        out.writeStringField("imageUrl", id == null ? DceFormat.standardEmojiUrl(name)
                : context.url(context.emojiFile(id), DceFormat.customEmojiUrl(id, animated)));
        out.writeEndObject();
    }

    private void inlineEmojis(String text) throws IOException {
        out.writeArrayFieldStart("inlineEmojis");
        for (InlineEmojis.Emoji e : InlineEmojis.of(text)) emoji(e.id(), e.name(), e.animated());
        out.writeEndArray();
    }

    private void forwarded(String storedId, JsonNode f) throws IOException, SQLException {
        out.writeObjectFieldStart("forwardedMessage");
        String timestamp = DceFormat.timestamp(text(f, "timestamp"));
        out.writeStringField("timestamp", timestamp != null ? timestamp : "0001-01-01T00:00:00+00:00");
        out.writeStringField("timestampEdited", DceFormat.timestamp(text(f, "edited_timestamp")));
        out.writeStringField("content", f.path("content").asText(""));
        attachments(storedId, f.path("attachments"));
        out.writeArrayFieldStart("embeds");
        for (JsonNode e : f.path("embeds")) embed(e);
        out.writeEndArray();
        stickers(f.path("sticker_items"));
        out.writeEndObject();
    }

    @Override
    public void finish(long messages) throws IOException {
        out.writeEndArray();
        out.writeNumberField("messageCount", messages);
        out.writeEndObject();
        out.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** The global name, else the user name (Discord's display name). */
    static String displayName(JsonNode user) {
        String global = nonBlank(user, "global_name");
        return global != null ? global : user.path("username").asText("");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static String nonBlank(JsonNode node, String field) {
        String v = text(node, field);
        return v == null || v.isBlank() ? null : v;
    }
}

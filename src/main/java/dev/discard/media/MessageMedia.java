package dev.discard.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.MessagePages;
import dev.discard.format.Snowflake;
import dev.discard.media.MediaRef.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Finds the media in a message object as Discord sends it: attachments ({@code url}, the original), embed images,
 * thumbnails and videos ({@code url}, the full-resolution original; {@code proxy_url}, Discord's resizing proxy, only
 * as a fallback), links in the content, the author's avatar and stickers. Each URL once per message, attachments
 * first. See https://discord.com/developers/docs/resources/message#message-object.
 */
public final class MessageMedia {
    /** Extensions of the images {@code discard media} collects, as DiscordPicExtract does. */
    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp", "bmp", "avif", "heic",
            "heif", "tif", "tiff", "apng", "svg");
    /** A URL in message content; Discord's {@code <url>} (no embed) brackets are not part of it. */
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"'`|]+", Pattern.CASE_INSENSITIVE);

    private MessageMedia() {}

    /** Every image of the message: attachments of an image type, embed images and thumbnails, image links. */
    public static List<MediaRef> images(JsonNode message) {
        Map<String, MediaRef> found = new LinkedHashMap<>();
        long id = Snowflake.of(message, "id");
        for (JsonNode a : message.path("attachments")) {
            if (isImage(text(a, "content_type"), text(a, "filename"))) add(found, attachment(a, id));
        }
        for (JsonNode embed : message.path("embeds")) {
            add(found, embedded(embed.path("image"), Kind.EMBED_IMAGE, id));
            add(found, embedded(embed.path("thumbnail"), Kind.EMBED_THUMBNAIL, id));
        }
        for (String link : links(text(message, "content"))) {
            String name = lastSegment(link);
            if (isImage(null, name)) add(found, new MediaRef(Kind.LINK, link, null, name, null, id));
        }
        return new ArrayList<>(found.values());
    }

    /**
     * Everything an archive keeps of the message: every attachment, embed images, thumbnails and videos that Discord
     * proxies (a video with no {@code proxy_url} is a player page, not a file), the author's avatar and stickers.
     */
    static List<MediaRef> all(JsonNode message, CdnUrls cdn) {
        Map<String, MediaRef> found = new LinkedHashMap<>();
        long id = Snowflake.of(message, "id");
        for (JsonNode a : message.path("attachments")) add(found, attachment(a, id));
        for (JsonNode embed : message.path("embeds")) {
            add(found, embedded(embed.path("image"), Kind.EMBED_IMAGE, id));
            add(found, embedded(embed.path("thumbnail"), Kind.EMBED_THUMBNAIL, id));
            if (text(embed.path("video"), "proxy_url") != null) {
                add(found, embedded(embed.path("video"), Kind.EMBED_VIDEO, id));
            }
        }
        JsonNode author = message.path("author");
        String avatar = text(author, "avatar");
        String authorId = text(author, "id");
        if (avatar != null && authorId != null) {
            String url = cdn.avatar(authorId, avatar);
            add(found, new MediaRef(Kind.AVATAR, url, null, lastSegment(url), null, id));
        }
        for (JsonNode sticker : message.path("sticker_items")) add(found, sticker(sticker, cdn, id));
        return new ArrayList<>(found.values());
    }

    /** The guild's icon, its custom emojis and its stickers. */
    static List<MediaRef> guild(JsonNode guild, JsonNode emojis, JsonNode stickers, CdnUrls cdn) {
        Map<String, MediaRef> found = new LinkedHashMap<>();
        String icon = text(guild, "icon");
        String guildId = text(guild, "id");
        if (icon != null && guildId != null) {
            String url = cdn.guildIcon(guildId, icon);
            add(found, new MediaRef(Kind.GUILD_ICON, url, null, lastSegment(url), null, 0));
        }
        for (JsonNode emoji : emojis.isArray() ? emojis : guild.path("emojis")) {
            String emojiId = text(emoji, "id");
            if (emojiId == null) continue;
            String url = cdn.emoji(emojiId, emoji.path("animated").asBoolean(false));
            add(found, new MediaRef(Kind.EMOJI, url, null, lastSegment(url), null, 0));
        }
        for (JsonNode sticker : stickers.isArray() ? stickers : guild.path("stickers")) {
            add(found, sticker(sticker, cdn, 0));
        }
        return new ArrayList<>(found.values());
    }

    private static MediaRef attachment(JsonNode a, long messageId) {
        String url = text(a, "url");
        if (url == null) return null;
        String name = text(a, "filename");
        return new MediaRef(Kind.ATTACHMENT, url, text(a, "proxy_url"), name != null ? name : lastSegment(url),
                text(a, "content_type"), messageId);
    }

    private static MediaRef embedded(JsonNode media, Kind kind, long messageId) {
        String url = text(media, "url");
        if (url == null || HttpUrl.parse(url) == null) return null;
        return new MediaRef(kind, url, text(media, "proxy_url"), lastSegment(url), text(media, "content_type"),
                messageId);
    }

    private static MediaRef sticker(JsonNode sticker, CdnUrls cdn, long messageId) {
        String stickerId = text(sticker, "id");
        if (stickerId == null) return null;
        String url = cdn.sticker(stickerId, sticker.path("format_type").asInt(1));
        return new MediaRef(Kind.STICKER, url, null, lastSegment(url), null, messageId);
    }

    private static void add(Map<String, MediaRef> found, MediaRef ref) {
        if (ref != null) found.putIfAbsent(ref.key(), ref);
    }

    /** The http(s) links in message content, without the punctuation that usually follows a link in a sentence. */
    static List<String> links(String content) {
        List<String> links = new ArrayList<>();
        if (content == null) return links;
        Matcher m = LINK.matcher(content);
        while (m.find()) {
            String link = m.group();
            while (!link.isEmpty() && ".,;:!?)]}".indexOf(link.charAt(link.length() - 1)) >= 0) {
                link = link.substring(0, link.length() - 1);
            }
            if (HttpUrl.parse(link) != null) links.add(link);
        }
        return links;
    }

    static boolean isImage(String contentType, String name) {
        if (contentType != null) return contentType.toLowerCase(Locale.ROOT).startsWith("image/");
        return IMAGE_EXTENSIONS.contains(extension(name));
    }

    /** The lower-case extension of a name, or an empty string. */
    static String extension(String name) {
        if (name == null) return "";
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The usual extension of a media type ({@code image/jpeg} → {@code jpg}), or {@code fallback}. */
    public static String extensionOf(String contentType, String fallback) {
        if (contentType == null) return fallback;
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "image/jpeg", "image/jpg" -> "jpg";
            case "image/png", "image/apng" -> "png";
            case "image/gif" -> "gif";
            case "image/webp" -> "webp";
            case "image/avif" -> "avif";
            case "image/svg+xml" -> "svg";
            case "video/mp4" -> "mp4";
            case "video/webm" -> "webm";
            case "video/quicktime" -> "mov";
            case "audio/mpeg" -> "mp3";
            case "audio/ogg" -> "ogg";
            case "application/json" -> "json";
            case "application/pdf" -> "pdf";
            case "text/plain" -> "txt";
            default -> fallback;
        };
    }

    /** The URL's last path segment, decoded; empty when the path has none. */
    static String lastSegment(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) return "";
        List<String> segments = parsed.pathSegments();
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (!segments.get(i).isEmpty()) return segments.get(i);
        }
        return "";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }
}

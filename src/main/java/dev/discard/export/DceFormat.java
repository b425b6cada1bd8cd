package dev.discard.export;

import dev.discard.format.Timestamps;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What DiscordChatExporter's JSON and CSV writers write for values that are not Discord's own: the names of its
 * enums (message, channel, sticker and reference kinds), its timestamps, colours and CDN addresses. Facts read from
 * its source (Tyrrrz/DiscordChatExporter, DiscordChatExporter.Core/Discord/Data and Exporting), written anew here.
 */
final class DceFormat {
    private static final String CDN = "https://cdn.discordapp.com/";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private DceFormat() {}

    /** Its MessageKind names; a type it has no name for is written as its number, as .NET writes an unnamed enum. */
    static String messageKind(int type) {
        return switch (type) {
            case 0 -> "Default";
            case 1 -> "RecipientAdd";
            case 2 -> "RecipientRemove";
            case 3 -> "Call";
            case 4 -> "ChannelNameChange";
            case 5 -> "ChannelIconChange";
            case 6 -> "ChannelPinnedMessage";
            case 7 -> "GuildMemberJoin";
            case 18 -> "ThreadCreated";
            case 19 -> "Reply";
            default -> Integer.toString(type);
        };
    }

    /** Types 1 to 18 are system notifications: their content is a sentence ({@link #fallbackContent}). */
    static boolean isSystemNotification(int type) {
        return type >= 1 && type <= 18;
    }

    /** Its ChannelKind names. */
    static String channelKind(int type) {
        return switch (type) {
            case 0 -> "GuildTextChat";
            case 1 -> "DirectTextChat";
            case 2 -> "GuildVoiceChat";
            case 3 -> "DirectGroupTextChat";
            case 4 -> "GuildCategory";
            case 5 -> "GuildNews";
            case 10 -> "GuildNewsThread";
            case 11 -> "GuildPublicThread";
            case 12 -> "GuildPrivateThread";
            case 13 -> "GuildStageVoice";
            case 14 -> "GuildDirectory";
            case 15 -> "GuildForum";
            default -> Integer.toString(type);
        };
    }

    /** Its StickerFormat names (Discord's {@code format_type}). */
    static String stickerFormat(int format) {
        return switch (format) {
            case 1 -> "Png";
            case 2 -> "Apng";
            case 3 -> "Lottie";
            case 4 -> "Gif";
            default -> Integer.toString(format);
        };
    }

    /** The sticker's file on the CDN: Lottie stickers are JSON, GIF stickers GIF, the rest PNG. */
    static String stickerUrl(String id, int format) {
        return CDN + "stickers/" + id + "." + (format == 3 ? "json" : format == 4 ? "gif" : "png");
    }

    /** Its MessageReferenceKind names. */
    static String referenceKind(int type) {
        return type == 1 ? "Forward" : type == 0 ? "Default" : Integer.toString(type);
    }

    /**
     * A timestamp as .NET writes a DateTimeOffset in UTC: seconds, then the fraction without trailing zeros (up to
     * 7 digits), then {@code +00:00}: {@code 2021-02-01T12:00:00.5+00:00}. Null for null or unreadable text.
     */
    static String timestamp(String discordTimestamp) {
        if (discordTimestamp == null) return null;
        String fast = utcFast(discordTimestamp);
        if (fast != null) return fast;
        try {
            return timestamp(Timestamps.parse(discordTimestamp));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The common case without parsing: Discord's {@code 2021-02-01T12:00:00.003000+00:00} has its fraction's
     * trailing zeros dropped; null for any other form (another offset, no seconds), which is parsed instead.
     */
    private static String utcFast(String t) {
        int n = t.length();
        if (n < 25 || !t.endsWith("+00:00") || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != '.' && n != 25) {
            return null;
        }
        if (n == 25) return t;
        int end = n - 6;
        for (int i = 20; i < end; i++) if (t.charAt(i) < '0' || t.charAt(i) > '9') return null;
        if (end - 20 > 7) return null;
        while (end > 20 && t.charAt(end - 1) == '0') end--;
        return end == 20 ? t.substring(0, 19) + "+00:00" : t.substring(0, end) + "+00:00";
    }

    static String timestamp(Instant instant) {
        StringBuilder b = new StringBuilder(33).append(SECONDS.format(instant));
        int nanos = instant.getNano() / 100; // .NET ticks: 100 ns
        if (nanos != 0) {
            String digits = String.format(Locale.ROOT, "%07d", nanos);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') end--;
            b.append('.').append(digits, 0, end);
        }
        return b.append("+00:00").toString();
    }

    /** A colour as {@code #RRGGBB}, upper case; null for none. */
    static String colour(int rgb) {
        return String.format(Locale.ROOT, "#%06X", rgb & 0xFFFFFF);
    }

    /** A user's avatar; without one, Discord's default avatar for the user (index from discriminator or id). */
    static String avatarUrl(String userId, String avatarHash, String discriminator) {
        if (avatarHash != null && !avatarHash.isBlank()) {
            return CDN + "avatars/" + userId + "/" + avatarHash + (avatarHash.startsWith("a_") ? ".gif" : ".png")
                    + "?size=512";
        }
        int d = discriminatorNumber(discriminator);
        long index = d != 0 ? d % 5 : (Long.parseUnsignedLong(userId) >>> 22) % 6;
        return fallbackAvatar(index);
    }

    static String fallbackAvatar(long index) {
        return CDN + "embed/avatars/" + index + ".png";
    }

    static String guildIconUrl(String guildId, String iconHash) {
        if (iconHash == null || iconHash.isBlank()) return fallbackAvatar(0);
        return CDN + "icons/" + guildId + "/" + iconHash + (iconHash.startsWith("a_") ? ".gif" : ".png")
                + "?size=512";
    }

    static String customEmojiUrl(String id, boolean animated) {
        return CDN + "emojis/" + id + (animated ? ".gif" : ".png");
    }

    /**
     * A Unicode emoji's Twemoji image, as that tool links it: the code points in hex joined by {@code -}, without
     * the variation selector U+FE0F unless the sequence has a zero-width joiner.
     */
    static String standardEmojiUrl(String emoji) {
        boolean zwj = emoji.indexOf(0x200D) >= 0;
        StringBuilder id = new StringBuilder();
        emoji.codePoints().filter(c -> zwj || c != 0xFE0F).forEach(c -> {
            if (id.length() > 0) id.append('-');
            id.append(Integer.toHexString(c));
        });
        return "https://cdn.jsdelivr.net/gh/twitter/twemoji@latest/assets/svg/" + id + ".svg";
    }

    /** {@code "0"} and absent mean none (Discord's new user names); otherwise the number. */
    static int discriminatorNumber(String discriminator) {
        if (discriminator == null || discriminator.isBlank()) return 0;
        try {
            return Integer.parseInt(discriminator.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The discriminator written with four digits, {@code 0000} when none. */
    static String discriminator(String discriminator) {
        if (discriminator == null || discriminator.equals("0")) return "0000";
        if (discriminator.length() == 4 && discriminatorNumber(discriminator) > 0) return discriminator;
        return String.format(Locale.ROOT, "%04d", discriminatorNumber(discriminator));
    }

    /** {@code name#1234} for a user with a discriminator, the name alone otherwise (the CSV's Author). */
    static String fullName(String name, String discriminator) {
        int d = discriminatorNumber(discriminator);
        return d == 0 ? name : name + "#" + String.format(Locale.ROOT, "%04d", d);
    }

    /**
     * The content written for a message: system notifications in that tool's sentences, any other its text.
     *
     * @param firstMentionName display name of the first mentioned user, null when none
     * @param authorIsFirstMention whether the author is the first mentioned user (one who left a group)
     * @param callMinutes the call's length in minutes, null when it had not ended
     */
    static String fallbackContent(int type, String content, String firstMentionName, boolean authorIsFirstMention,
            Long callMinutes) {
        return switch (type) {
            case 1 -> firstMentionName != null ? "Added " + firstMentionName + " to the group." : "Added a recipient.";
            case 2 -> firstMentionName == null ? "Removed a recipient." : authorIsFirstMention ? "Left the group."
                    : "Removed " + firstMentionName + " from the group.";
            case 3 -> "Started a call that lasted " + String.format(Locale.ROOT, "%,d", callMinutes == null ? 0
                    : callMinutes) + " minutes.";
            case 4 -> content != null && !content.isBlank() ? "Changed the channel name: " + content
                    : "Changed the channel name.";
            case 5 -> "Changed the channel icon.";
            case 6 -> "Pinned a message.";
            case 7 -> "Joined the server.";
            case 18 -> "Started a thread.";
            default -> content == null ? "" : content;
        };
    }
}

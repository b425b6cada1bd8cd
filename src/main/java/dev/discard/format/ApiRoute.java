package dev.discard.format;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The Discord routes that tools reading an archive recognise in a recorded URL, whatever the base URL and API version
 * ({@code https://discord.com/api/v7/…}, {@code /api/v10/…}, a Discord-compatible server). Immutable.
 *
 * @param kind what the answer holds
 * @param id the guild or channel id of the route (unsigned, see {@link Snowflake}); -1 for {@link Kind#DM_CHANNELS}
 * @param messageId the message id for {@link Kind#REACTION_USERS}, else -1
 * @param emoji the reaction's emoji for {@link Kind#REACTION_USERS} as sent ({@code name:id}, or the character,
 *     decoded), else null
 */
public record ApiRoute(Kind kind, long id, long messageId, String emoji) {
    private static final String CHANNELS = "/channels/";
    private static final String MESSAGES = "/messages";

    /** The routes recognised. */
    public enum Kind {
        /** {@code GET /guilds/{id}}: a guild object. */
        GUILD,
        /** {@code GET /guilds/{id}/channels}: channel objects. */
        GUILD_CHANNELS,
        /** {@code GET /guilds/{id}/roles}: role objects. */
        GUILD_ROLES,
        /** {@code GET /guilds/{id}/emojis}: emoji objects. */
        GUILD_EMOJIS,
        /** {@code GET /guilds/{id}/stickers}: sticker objects. */
        GUILD_STICKERS,
        /** {@code GET /guilds/{id}/members}: member objects. */
        GUILD_MEMBERS,
        /** {@code GET /guilds/{id}/threads/active} and the archived thread lists: {@code {"threads": […]}}. */
        THREADS,
        /** {@code GET /channels/{id}}: a channel object. */
        CHANNEL,
        /** {@code GET /users/@me/channels}: the DM channels. */
        DM_CHANNELS,
        /** {@code GET /channels/{c}/messages/{m}/reactions/{emoji}}: users. */
        REACTION_USERS
    }

    /** The route of a recorded URL, or null when it is none of {@link Kind}. */
    public static ApiRoute of(String url) {
        if (url == null) return null;
        int at = firstOf(url, "/guilds/", CHANNELS, "/users/");
        if (at < 0) return null;
        String[] s = url.substring(at + 1).split("/", -1);
        switch (s[0]) {
            case "guilds" -> {
                long id = Snowflake.parseLenient(s[1]);
                if (id == -1) return null;
                if (s.length == 2) return new ApiRoute(Kind.GUILD, id, -1, null);
                if (s.length == 3 && s[2].equals("channels")) return new ApiRoute(Kind.GUILD_CHANNELS, id, -1, null);
                if (s.length == 3 && s[2].equals("roles")) return new ApiRoute(Kind.GUILD_ROLES, id, -1, null);
                if (s.length == 3 && s[2].equals("emojis")) return new ApiRoute(Kind.GUILD_EMOJIS, id, -1, null);
                if (s.length == 3 && s[2].equals("stickers")) return new ApiRoute(Kind.GUILD_STICKERS, id, -1, null);
                if (s.length == 3 && s[2].equals("members")) return new ApiRoute(Kind.GUILD_MEMBERS, id, -1, null);
                if (s.length == 4 && s[2].equals("threads") && s[3].equals("active")) {
                    return new ApiRoute(Kind.THREADS, id, -1, null);
                }
                return null;
            }
            case "channels" -> {
                long id = Snowflake.parseLenient(s[1]);
                if (id == -1) return null;
                if (s.length == 2) return new ApiRoute(Kind.CHANNEL, id, -1, null);
                if (s.length >= 4 && s[s.length - 2].equals("archived") && url.contains("/threads/")) {
                    return new ApiRoute(Kind.THREADS, id, -1, null);
                }
                if (s.length == 6 && s[2].equals("messages") && s[4].equals("reactions")) {
                    long message = Snowflake.parseLenient(s[3]);
                    return message == -1 ? null : new ApiRoute(Kind.REACTION_USERS, id, message, emojiKey(s[5]));
                }
                return null;
            }
            default -> {
                if (s.length == 3 && s[1].equals("@me") && s[2].equals("channels")) {
                    return new ApiRoute(Kind.DM_CHANNELS, -1, -1, null);
                }
                return null;
            }
        }
    }

    /**
     * Whether the URL is {@code …/channels/{id}/messages} of this channel (any channel when null): the pages of
     * messages. Kept apart from {@link #of} because writers and readers ask it of every record, without allocating.
     */
    public static boolean isMessages(String url, String channelId) {
        if (url == null || !url.endsWith(MESSAGES)) return false;
        int idEnd = url.length() - MESSAGES.length();
        int channels = url.lastIndexOf(CHANNELS, idEnd);
        if (channels < 0) return false;
        int idStart = channels + CHANNELS.length();
        if (idStart >= idEnd) return false;
        if (channelId != null) return url.regionMatches(idStart, channelId, 0, channelId.length())
                && idEnd - idStart == channelId.length();
        for (int i = idStart; i < idEnd; i++) {
            char c = url.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** The emoji of a reaction URL's last segment: {@code name:id} as sent, or the Unicode emoji decoded. */
    private static String emojiKey(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static int firstOf(String url, String... needles) {
        int best = -1;
        for (String n : needles) {
            int i = url.indexOf(n);
            if (i >= 0 && (best < 0 || i < best)) best = i;
        }
        return best;
    }
}

package dev.discard.index;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The Discord routes whose answers the index reads, recognised from a recorded URL whatever the base URL and API
 * version. Immutable.
 *
 * @param kind what the answer holds
 * @param id the guild or channel id of the route (padded), or the message id for {@link Kind#REACTION_USERS}
 * @param emoji the reaction's emoji key for {@link Kind#REACTION_USERS} ({@code name:id}, or the character)
 */
record ApiRoute(Kind kind, String id, String emoji) {
    /** The answers the index reads. */
    enum Kind {
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

    /** The route of a recorded URL, or null when the index does not read its answer. */
    static ApiRoute of(String url) {
        if (url == null) return null;
        int at = firstOf(url, "/guilds/", "/channels/", "/users/");
        if (at < 0) return null;
        String[] s = url.substring(at + 1).split("/", -1);
        switch (s[0]) {
            case "guilds" -> {
                String id = IndexIds.of(s[1]);
                if (id == null) return null;
                if (s.length == 2) return new ApiRoute(Kind.GUILD, id, null);
                if (s.length == 3 && s[2].equals("channels")) return new ApiRoute(Kind.GUILD_CHANNELS, id, null);
                if (s.length == 3 && s[2].equals("roles")) return new ApiRoute(Kind.GUILD_ROLES, id, null);
                if (s.length == 3 && s[2].equals("emojis")) return new ApiRoute(Kind.GUILD_EMOJIS, id, null);
                if (s.length == 3 && s[2].equals("stickers")) return new ApiRoute(Kind.GUILD_STICKERS, id, null);
                if (s.length == 3 && s[2].equals("members")) return new ApiRoute(Kind.GUILD_MEMBERS, id, null);
                if (s.length == 4 && s[2].equals("threads") && s[3].equals("active")) {
                    return new ApiRoute(Kind.THREADS, id, null);
                }
                return null;
            }
            case "channels" -> {
                String id = IndexIds.of(s[1]);
                if (id == null) return null;
                if (s.length == 2) return new ApiRoute(Kind.CHANNEL, id, null);
                if (s.length >= 4 && s[s.length - 2].equals("archived") && url.contains("/threads/")) {
                    return new ApiRoute(Kind.THREADS, id, null);
                }
                if (s.length == 6 && s[2].equals("messages") && s[4].equals("reactions")) {
                    String message = IndexIds.of(s[3]);
                    return message == null ? null : new ApiRoute(Kind.REACTION_USERS, message, emojiKey(s[5]));
                }
                return null;
            }
            default -> {
                if (s.length == 3 && s[1].equals("@me") && s[2].equals("channels")) {
                    return new ApiRoute(Kind.DM_CHANNELS, null, null);
                }
                return null;
            }
        }
    }

    /** The emoji key of a reaction URL's last segment: {@code name:id} as sent, or the Unicode emoji decoded. */
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

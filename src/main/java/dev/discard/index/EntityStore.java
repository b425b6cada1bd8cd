package dev.discard.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes guilds, channels, roles, emojis, stickers, users and reaction users. Objects from API answers replace what is stored (runs
 * are read oldest first, so the latest seen wins); names from meta files only fill gaps. Users are kept in memory
 * until {@link #flushUsers}, each once with the newest message that showed them.
 */
final class EntityStore implements AutoCloseable {
    /** {@code seen_id} of users seen outside a message (reaction lists): any message sighting wins over it. */
    private static final String NOT_IN_A_MESSAGE = IndexIds.of(0);
    /** Users held before a flush: bounds memory on a log of many authors. */
    private static final int USER_BUFFER = 10_000;

    private final PreparedStatement guild;
    private final PreparedStatement guildName;
    private final PreparedStatement channel;
    private final PreparedStatement channelName;
    private final PreparedStatement role;
    private final PreparedStatement guildGap;
    private final PreparedStatement channelGap;
    private final PreparedStatement roleGap;
    private final PreparedStatement emoji;
    private final PreparedStatement existsEmoji;
    private final PreparedStatement existsSticker;
    private final PreparedStatement sticker;
    private final PreparedStatement user;
    private final PreparedStatement reactionUser;
    private final Map<String, UserRow> users = new HashMap<>();

    EntityStore(Connection c) throws SQLException {
        guild = c.prepareStatement("INSERT INTO guilds (id, name, icon, json) VALUES (?, ?, ?, ?) ON CONFLICT (id)"
                + " DO UPDATE SET name = excluded.name,"
                + " icon_file = CASE WHEN excluded.icon IS guilds.icon THEN guilds.icon_file END,"
                + " icon = excluded.icon, json = excluded.json");
        guildName = c.prepareStatement("INSERT INTO guilds (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE"
                + " SET name = excluded.name WHERE guilds.name IS NULL");
        channel = c.prepareStatement("INSERT INTO channels (id, guild_id, parent_id, type, name, position, json)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET guild_id = coalesce(excluded.guild_id,"
                + " channels.guild_id), parent_id = excluded.parent_id, type = excluded.type, name = excluded.name,"
                + " position = coalesce(excluded.position, channels.position), json = excluded.json");
        channelName = c.prepareStatement("INSERT INTO channels (id, guild_id, parent_id, name) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET name = coalesce(channels.name, excluded.name),"
                + " guild_id = coalesce(channels.guild_id, excluded.guild_id),"
                + " parent_id = coalesce(channels.parent_id, excluded.parent_id)");
        role = c.prepareStatement("INSERT OR REPLACE INTO roles (id, guild_id, name, color, position)"
                + " VALUES (?, ?, ?, ?, ?)");
        guildGap = c.prepareStatement("INSERT INTO guilds (id, name, icon, json) VALUES (?, ?, ?, ?) ON CONFLICT (id)"
                + " DO UPDATE SET name = coalesce(guilds.name, excluded.name), icon = coalesce(guilds.icon,"
                + " excluded.icon), json = coalesce(guilds.json, excluded.json)");
        channelGap = c.prepareStatement("INSERT INTO channels (id, guild_id, parent_id, type, name, position, json)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET guild_id = coalesce(channels.guild_id,"
                + " excluded.guild_id), parent_id = coalesce(channels.parent_id, excluded.parent_id),"
                + " type = coalesce(channels.type, excluded.type), name = coalesce(channels.name, excluded.name),"
                + " position = coalesce(channels.position, excluded.position),"
                + " json = coalesce(channels.json, excluded.json)");
        roleGap = c.prepareStatement("INSERT OR IGNORE INTO roles (id, guild_id, name, color, position)"
                + " VALUES (?, ?, ?, ?, ?)");
        // The file stays with the emoji or sticker: its id names one image for good.
        emoji = c.prepareStatement("INSERT INTO emojis (id, guild_id, name, animated) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET guild_id = coalesce(excluded.guild_id, emojis.guild_id),"
                + " name = excluded.name, animated = excluded.animated");
        sticker = c.prepareStatement("INSERT INTO stickers (id, guild_id, name, format_type) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET guild_id = coalesce(excluded.guild_id, stickers.guild_id),"
                + " name = excluded.name, format_type = excluded.format_type");
        existsEmoji = c.prepareStatement("SELECT 1 FROM emojis WHERE id = ? AND name IS NOT NULL");
        existsSticker = c.prepareStatement("SELECT 1 FROM stickers WHERE id = ? AND name IS NOT NULL");
        user = c.prepareStatement("INSERT INTO users (id, username, global_name, discriminator, avatar, bot, seen_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET username = excluded.username,"
                + " global_name = excluded.global_name, discriminator = excluded.discriminator,"
                + " avatar_file = CASE WHEN excluded.avatar IS users.avatar THEN users.avatar_file END,"
                + " avatar = excluded.avatar, bot = excluded.bot, seen_id = excluded.seen_id"
                + " WHERE users.seen_id IS NULL OR excluded.seen_id >= users.seen_id");
        reactionUser = c.prepareStatement("INSERT OR IGNORE INTO reaction_users (message_id, emoji_key, user_id,"
                + " burst) VALUES (?, ?, ?, ?)");
    }

    /** A guild object ({@code GET /guilds/{id}}), with its roles, emojis and stickers. */
    void guild(JsonNode g) throws SQLException {
        String id = IndexIds.of(text(g, "id"));
        if (id == null) return;
        guild.setString(1, id);
        guild.setString(2, text(g, "name"));
        guild.setString(3, text(g, "icon"));
        guild.setString(4, g.toString());
        guild.executeUpdate();
        JsonNode roles = g.get("roles");
        if (roles != null && roles.isArray()) for (JsonNode r : roles) role(id, r);
        JsonNode emojis = g.get("emojis");
        if (emojis != null && emojis.isArray()) for (JsonNode e : emojis) emoji(id, e);
        JsonNode stickers = g.get("stickers");
        if (stickers != null && stickers.isArray()) for (JsonNode st : stickers) sticker(id, st);
    }

    /** A custom emoji of a guild ({@code GET /guilds/{id}/emojis} or the guild object's). */
    void emoji(String guildId, JsonNode e) throws SQLException {
        String id = IndexIds.of(text(e, "id"));
        if (id == null) return;
        emoji.setString(1, id);
        emoji.setString(2, guildId);
        emoji.setString(3, text(e, "name"));
        emoji.setInt(4, e.path("animated").asBoolean(false) ? 1 : 0);
        emoji.executeUpdate();
    }

    /** A sticker of a guild ({@code GET /guilds/{id}/stickers} or the guild object's). */
    void sticker(String guildId, JsonNode st) throws SQLException {
        String id = IndexIds.of(text(st, "id"));
        if (id == null) return;
        String ownGuild = IndexIds.of(text(st, "guild_id"));
        sticker.setString(1, id);
        sticker.setString(2, ownGuild != null ? ownGuild : guildId);
        sticker.setString(3, text(st, "name"));
        setInt(sticker, 4, st.get("format_type"));
        sticker.executeUpdate();
    }

    /**
     * A gateway GUILD_CREATE's guild with its channels, threads, roles, emojis and stickers: it fills only what no
     * REST answer gave, whichever came first, since REST answers are what the rest of the index is made of.
     */
    void guildCreate(JsonNode g) throws SQLException {
        String id = IndexIds.of(text(g, "id"));
        if (id == null) return;
        guildGap.setString(1, id);
        guildGap.setString(2, text(g, "name"));
        guildGap.setString(3, text(g, "icon"));
        guildGap.setString(4, g.toString());
        guildGap.executeUpdate();
        for (String list : new String[] {"channels", "threads"}) {
            for (JsonNode ch : g.path(list)) channel(channelGap, ch, id);
        }
        for (JsonNode r : g.path("roles")) role(roleGap, id, r);
        for (JsonNode e : g.path("emojis")) {
            if (text(e, "id") != null && !exists(e, "emojis")) emoji(id, e);
        }
        for (JsonNode st : g.path("stickers")) {
            if (text(st, "id") != null && !exists(st, "stickers")) sticker(id, st);
        }
    }

    /** A guild's name from its meta file, when no API answer named it. */
    void guildName(String id, String name) throws SQLException {
        if (id == null) return;
        guildName.setString(1, id);
        guildName.setString(2, name);
        guildName.executeUpdate();
    }

    /** A channel or thread object; {@code guildId} when the object has none (a padded id or null). */
    void channel(JsonNode ch, String guildId) throws SQLException {
        channel(channel, ch, guildId);
    }

    private static void channel(PreparedStatement channel, JsonNode ch, String guildId) throws SQLException {
        String id = IndexIds.of(text(ch, "id"));
        if (id == null) return;
        String ownGuild = IndexIds.of(text(ch, "guild_id"));
        channel.setString(1, id);
        channel.setString(2, ownGuild != null ? ownGuild : guildId);
        channel.setString(3, IndexIds.of(text(ch, "parent_id")));
        setInt(channel, 4, ch.get("type"));
        channel.setString(5, channelName(ch));
        setInt(channel, 6, ch.get("position"));
        channel.setString(7, ch.toString());
        channel.executeUpdate();
    }

    /** A channel's name and place from its meta file, filling only what no API answer gave. */
    void channelName(String id, String guildId, String parentId, String name) throws SQLException {
        if (id == null) return;
        channelName.setString(1, id);
        channelName.setString(2, guildId);
        channelName.setString(3, parentId);
        channelName.setString(4, name);
        channelName.executeUpdate();
    }

    void role(String guildId, JsonNode r) throws SQLException {
        role(role, guildId, r);
    }

    private static void role(PreparedStatement role, String guildId, JsonNode r) throws SQLException {
        String id = IndexIds.of(text(r, "id"));
        if (id == null) return;
        role.setString(1, id);
        role.setString(2, guildId);
        role.setString(3, text(r, "name"));
        setInt(role, 4, r.get("color"));
        setInt(role, 5, r.get("position"));
        role.executeUpdate();
    }

    /** A user as a message showed it; kept when it is the newest sighting. */
    void user(UserRow u) throws SQLException {
        if (u == null || u.id == null) return;
        UserRow held = users.get(u.id);
        if (held != null && held.seenId != null && u.seenId != null && held.seenId.compareTo(u.seenId) > 0) return;
        users.put(u.id, u);
        if (users.size() >= USER_BUFFER) flushUsers();
    }

    /** A user object seen outside a message (a reaction's users, a member list). */
    void user(JsonNode u) throws SQLException {
        String id = IndexIds.of(text(u, "id"));
        if (id == null || users.containsKey(id)) return;
        UserRow row = new UserRow();
        row.id = id;
        row.username = text(u, "username");
        row.globalName = text(u, "global_name");
        row.discriminator = text(u, "discriminator");
        row.avatar = text(u, "avatar");
        row.bot = u.path("bot").asBoolean(false);
        row.seenId = NOT_IN_A_MESSAGE;
        users.put(id, row);
        if (users.size() >= USER_BUFFER) flushUsers();
    }

    void reactionUser(String messageId, String emojiKey, String userId, boolean burst) throws SQLException {
        reactionUser.setString(1, messageId);
        reactionUser.setString(2, emojiKey);
        reactionUser.setString(3, userId);
        reactionUser.setInt(4, burst ? 1 : 0);
        reactionUser.executeUpdate();
    }

    /** Writes the users held in memory. */
    void flushUsers() throws SQLException {
        for (UserRow u : users.values()) {
            user.setString(1, u.id);
            user.setString(2, u.username);
            user.setString(3, u.globalName);
            user.setString(4, u.discriminator);
            user.setString(5, u.avatar);
            user.setInt(6, u.bot ? 1 : 0);
            user.setString(7, u.seenId);
            user.executeUpdate();
        }
        users.clear();
    }

    /** Whether a REST answer already gave this emoji or sticker ({@code table}: emojis or stickers). */
    private boolean exists(JsonNode o, String table) throws SQLException {
        PreparedStatement s = table.equals("emojis") ? existsEmoji : existsSticker;
        s.setString(1, IndexIds.of(text(o, "id")));
        try (java.sql.ResultSet r = s.executeQuery()) {
            return r.next();
        }
    }

    /** A DM has no name: its recipients name it. */
    private static String channelName(JsonNode ch) {
        String name = text(ch, "name");
        if (name != null) return name;
        JsonNode recipients = ch.get("recipients");
        if (recipients == null || !recipients.isArray() || recipients.isEmpty()) return null;
        StringBuilder b = new StringBuilder();
        for (JsonNode r : recipients) {
            if (b.length() > 0) b.append(", ");
            String display = text(r, "global_name");
            b.append(display != null ? display : text(r, "username"));
        }
        return b.toString();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static void setInt(PreparedStatement s, int i, JsonNode v) throws SQLException {
        if (v == null || !v.isNumber()) s.setNull(i, Types.INTEGER);
        else s.setLong(i, v.asLong());
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement s : new PreparedStatement[] {guild, guildName, guildGap, channel, channelName,
            channelGap, role, roleGap, emoji, sticker, existsEmoji, existsSticker, user, reactionUser}) {
            s.close();
        }
    }
}

package dev.discard.export;

import dev.discard.index.IndexIds;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the export holds: guilds, their channels and threads with message counts and date ranges, and roles for
 * mentions. Small (one entry per channel and role), read once at the start; messages are streamed later.
 */
final class SitePlan {
    private final Map<String, String> guildNames = new LinkedHashMap<>();
    private final Map<String, ExportChannel> channels = new LinkedHashMap<>();
    private final Map<String, Role> roles = new HashMap<>();
    private final Map<String, String> emojiFiles = new HashMap<>();
    private final Map<String, String> stickerFiles = new HashMap<>();
    private final Map<String, String> guildIcons = new HashMap<>();

    /** Channel types whose name Discord draws after a speaker, not a {@code #}. */
    private static final int VOICE = 2;
    private static final int STAGE = 13;

    private SitePlan() {}

    static SitePlan read(Connection db) throws SQLException {
        SitePlan plan = new SitePlan();
        try (Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, name FROM guilds ORDER BY id")) {
                while (rs.next()) plan.guildNames.put(rs.getString(1), rs.getString(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT id, name, color, position FROM roles")) {
                while (rs.next()) {
                    plan.roles.put(rs.getString(1), new Role(IndexIds.display(rs.getString(1)),
                            rs.getString(2), rs.getInt(3), rs.getInt(4)));
                }
            }
            // Media of guilds: small (a few hundred emojis a guild), kept for every page.
            try (ResultSet rs = s.executeQuery("SELECT id, media_file FROM emojis WHERE media_file IS NOT NULL")) {
                while (rs.next()) plan.emojiFiles.put(rs.getString(1), rs.getString(2));
            }
            // Lottie stickers (format 3) are JSON animations a page cannot show without a player: named instead.
            try (ResultSet rs = s.executeQuery("SELECT id, media_file FROM stickers WHERE media_file IS NOT NULL"
                    + " AND format_type IS NOT 3")) {
                while (rs.next()) plan.stickerFiles.put(rs.getString(1), rs.getString(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT id, icon_file FROM guilds WHERE icon_file IS NOT NULL")) {
                while (rs.next()) plan.guildIcons.put(rs.getString(1), rs.getString(2));
            }
            Map<String, long[]> counts = new HashMap<>();
            Map<String, String[]> ranges = new HashMap<>();
            Map<String, String> guildOf = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT channel_id, guild_id, count(*), min(timestamp), max(timestamp)"
                    + " FROM messages GROUP BY channel_id")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), new long[] {rs.getLong(3)});
                    ranges.put(rs.getString(1), new String[] {rs.getString(4), rs.getString(5)});
                    guildOf.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT id, guild_id, name, type, parent_id, position FROM channels ORDER BY id")) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String[] range = ranges.getOrDefault(id, new String[2]);
                    plan.channels.put(id, new ExportChannel(id, rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getInt(6), counts.getOrDefault(id, new long[1])[0], range[0],
                            range[1]));
                }
            }
            // Messages of channels the index knows no metadata for (a channel run without its guild, DMs).
            for (Map.Entry<String, long[]> e : counts.entrySet()) {
                if (plan.channels.containsKey(e.getKey())) continue;
                String[] range = ranges.get(e.getKey());
                plan.channels.put(e.getKey(), new ExportChannel(e.getKey(), guildOf.get(e.getKey()), null, 0, null,
                        0, e.getValue()[0], range[0], range[1]));
            }
        }
        return plan;
    }

    ExportChannel channel(String storedId) {
        return channels.get(storedId);
    }

    /**
     * A role of a guild: its id as Discord writes it; its colour is 0xRRGGBB, 0 for none; the highest position wins
     * a member's colour.
     */
    record Role(String id, String name, int color, int position) {}

    /** The role of a stored id, null when the index has none. */
    Role roleOf(String storedId) {
        return roles.get(storedId);
    }

    /** The stored media path of a guild's archived icon, null when none. */
    String guildIconFile(String storedId) {
        return storedId == null ? null : guildIcons.get(storedId);
    }

    String role(String storedId) {
        Role role = roles.get(storedId);
        return role == null ? null : role.name();
    }

    /** The class of {@code colours.css} that colours text as the role does, null for a role without a colour. */
    String roleClass(String storedId) {
        Role role = roles.get(storedId);
        return role == null || role.color() == 0 ? null : "r" + IndexIds.display(storedId);
    }

    /** The class of the role colouring a member's name: their highest role with a colour, as Discord shows it. */
    String memberClass(Iterable<String> storedRoleIds) {
        String best = null;
        int position = Integer.MIN_VALUE;
        for (String id : storedRoleIds) {
            Role role = roles.get(id);
            if (role != null && role.color() != 0 && role.position() > position) {
                best = id;
                position = role.position();
            }
        }
        return best == null ? null : roleClass(best);
    }

    /** The classes of the coloured roles ({@link #roleClass}) with their colours, in id order. */
    Map<String, Integer> roleColours() {
        Map<String, Integer> out = new LinkedHashMap<>();
        roles.entrySet().stream().filter(e -> e.getValue().color() != 0).sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(roleClass(e.getKey()), e.getValue().color()));
        return out;
    }

    /** The stored media path of a custom emoji's archived image, null when none. */
    String emojiFile(String storedId) {
        return emojiFiles.get(storedId);
    }

    /** The stored media path of a sticker's archived image, null when none or not an image. */
    String stickerFile(String storedId) {
        return stickerFiles.get(storedId);
    }

    /** Channels and threads with at least one message, in the order of the index page. */
    List<ExportChannel> exported() {
        List<ExportChannel> all = new ArrayList<>();
        for (List<ExportChannel> guild : byGuild().values()) {
            for (ExportChannel c : guild) if (c.messages() > 0) all.add(c);
        }
        return all;
    }

    String guildName(String storedId) {
        if (storedId == null) return "Direct messages";
        String name = guildNames.get(storedId);
        return name != null ? name : "Guild " + IndexIds.display(storedId);
    }

    /** The front page: guilds by id, then categories and channels in Discord's order, threads under their channel. */
    IndexPage index(long messages, String generated, MediaCopies media, boolean search) {
        List<IndexPage.Guild> guilds = new ArrayList<>();
        for (Map.Entry<String, List<ExportChannel>> e : byGuild().entrySet()) {
            List<IndexPage.Channel> lines = new ArrayList<>();
            for (ExportChannel c : e.getValue()) {
                String kind = c.type() == ExportChannel.CATEGORY ? "category" : c.isThread() ? "thread"
                        : c.type() == VOICE || c.type() == STAGE ? "voice" : "channel";
                lines.add(new IndexPage.Channel(kind, c.label(), c.messages() > 0 ? c.page(1) : null, c.messages(),
                        day(c.first()), day(c.last())));
            }
            String id = e.getKey() == null ? "dm" : IndexIds.display(e.getKey());
            String icon = e.getKey() == null ? null : media.copy(guildIcons.get(e.getKey()));
            guilds.add(new IndexPage.Guild(id, guildName(e.getKey()), icon, lines));
        }
        return new IndexPage(guilds, messages, generated, search);
    }

    private Map<String, List<ExportChannel>> byGuild() {
        Map<String, List<ExportChannel>> byGuild = new LinkedHashMap<>();
        for (String g : guildNames.keySet()) byGuild.put(g, new ArrayList<>());
        for (ExportChannel c : channels.values()) {
            byGuild.computeIfAbsent(c.guildId(), k -> new ArrayList<>()).add(c);
        }
        byGuild.replaceAll((guild, list) -> ordered(list));
        return byGuild;
    }

    /** Categories by position with their channels by position under them, threads under their channel. */
    private static List<ExportChannel> ordered(List<ExportChannel> channels) {
        Comparator<ExportChannel> order = Comparator.comparingInt(ExportChannel::position)
                .thenComparing(ExportChannel::id);
        Map<String, List<ExportChannel>> children = new HashMap<>();
        List<ExportChannel> top = new ArrayList<>();
        Map<String, ExportChannel> byId = new HashMap<>();
        for (ExportChannel c : channels) byId.put(c.id(), c);
        for (ExportChannel c : channels) {
            if (c.parentId() != null && byId.containsKey(c.parentId())) {
                children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            } else {
                top.add(c);
            }
        }
        // Discord lists channels outside any category first, then each category.
        top.sort(Comparator.comparing((ExportChannel c) -> c.type() == ExportChannel.CATEGORY).thenComparing(order));
        List<ExportChannel> out = new ArrayList<>();
        for (ExportChannel c : top) add(c, children, order, out);
        return out;
    }

    private static void add(ExportChannel c, Map<String, List<ExportChannel>> children,
            Comparator<ExportChannel> order, List<ExportChannel> out) {
        out.add(c);
        List<ExportChannel> under = children.getOrDefault(c.id(), new ArrayList<>());
        under.sort(c.type() == ExportChannel.CATEGORY ? order : Comparator.comparing(ExportChannel::id));
        for (ExportChannel child : under) add(child, children, order, out);
    }

    private static String day(String timestamp) {
        return timestamp == null || timestamp.length() < 10 ? null : timestamp.substring(0, 10);
    }
}

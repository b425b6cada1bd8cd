package dev.discard.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.RunFiles;
import dev.discard.format.SignedUrls;
import dev.discard.read.RecordProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Links attachments, avatars, guild icons, emojis and stickers to the files a {@code --media} run stored, from its
 * {@code media.jsonl}: an attachment line names its message and the attachment's URL without signature; the CDN
 * URL of the others names what they show ({@code /avatars/{user}/{hash}.png}, {@code /icons/{guild}/{hash}.png},
 * {@code /emojis/{id}.png}, {@code /stickers/{id}.png}). A line's {@code file} is relative to the run: {@code
 * ../media/…} in the store every run of an output directory shares, {@code media/…} in runs before 1.0.0, which kept
 * their own; both resolve the same way.
 */
final class MediaFiles {
    private static final String AVATARS = "/avatars/";
    private static final String ICONS = "/icons/";
    private static final String EMOJIS = "/emojis/";
    private static final String STICKERS = "/stickers/";

    private final Index index;
    private final ObjectMapper mapper;

    MediaFiles(Index index, ObjectMapper mapper) {
        this.index = index;
        this.mapper = mapper;
    }

    /** Lines read and damaged lines reported. */
    record Result(long lines, long problems) {}

    Result apply(Path runDir, Path manifest, IndexListener listener) throws IOException, SQLException {
        Connection c = index.connection();
        long lines = 0;
        long problems = 0;
        try (BufferedReader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8);
                PreparedStatement attachments = c.prepareStatement("SELECT id, url, filename FROM attachments"
                        + " WHERE message_id = ?");
                PreparedStatement attachment = c.prepareStatement("UPDATE attachments SET media_file = ?"
                        + " WHERE id = ?");
                PreparedStatement avatar = c.prepareStatement("UPDATE users SET avatar_file = ? WHERE id = ?"
                        + " AND ? LIKE avatar || '.%'");
                // A guild row made here, before any answer named the guild, takes the icon's hash from its URL.
                PreparedStatement icon = c.prepareStatement("INSERT INTO guilds (id, icon, icon_file) VALUES"
                        + " (?, ?, ?) ON CONFLICT (id) DO UPDATE SET icon = coalesce(guilds.icon, excluded.icon),"
                        + " icon_file = excluded.icon_file WHERE guilds.icon IS NULL OR guilds.icon = excluded.icon");
                PreparedStatement emoji = c.prepareStatement("INSERT INTO emojis (id, guild_id, animated,"
                        + " media_file) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                        + " media_file = excluded.media_file");
                PreparedStatement sticker = c.prepareStatement("INSERT INTO stickers (id, guild_id, media_file)"
                        + " VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET media_file = excluded.media_file")) {
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                if (line.isBlank()) continue;
                JsonNode entry;
                try {
                    entry = mapper.readTree(line);
                } catch (JsonProcessingException e) {
                    listener.problem(RecordProblem.ofLine(manifest, lines, -1, "not a valid JSON line: "
                            + e.getOriginalMessage()));
                    problems++;
                    continue;
                }
                String file = EntityStore.text(entry, "file");
                String url = EntityStore.text(entry, "url");
                if (file == null || url == null) continue;
                String stored = index.storedPath(runDir.resolve(file));
                String kind = EntityStore.text(entry, "kind");
                if ("attachment".equals(kind)) {
                    String message = IndexIds.of(EntityStore.text(entry, "message_id"));
                    if (message != null) linkAttachment(attachments, attachment, message, url,
                            EntityStore.text(entry, "name"), stored);
                } else if ("avatar".equals(kind)) {
                    String[] rest = segmentsAfter(url, AVATARS);
                    if (rest.length < 2 || IndexIds.of(rest[0]) == null) continue;
                    avatar.setString(1, stored);
                    avatar.setString(2, IndexIds.of(rest[0]));
                    avatar.setString(3, rest[1]);
                    avatar.executeUpdate();
                } else if ("guild_icon".equals(kind)) {
                    String[] rest = segmentsAfter(url, ICONS);
                    if (rest.length < 2 || IndexIds.of(rest[0]) == null) continue;
                    icon.setString(1, IndexIds.of(rest[0]));
                    icon.setString(2, withoutExtension(rest[1]));
                    icon.setString(3, stored);
                    icon.executeUpdate();
                } else if ("emoji".equals(kind)) {
                    String[] rest = segmentsAfter(url, EMOJIS);
                    String id = rest.length < 1 ? null : IndexIds.of(withoutExtension(rest[0]));
                    if (id == null) continue;
                    emoji.setString(1, id);
                    emoji.setString(2, IndexIds.of(EntityStore.text(entry, "guild_id")));
                    emoji.setInt(3, rest[0].endsWith(".gif") ? 1 : 0);
                    emoji.setString(4, stored);
                    emoji.executeUpdate();
                } else if ("sticker".equals(kind)) {
                    String[] rest = segmentsAfter(url, STICKERS);
                    String id = rest.length < 1 ? null : IndexIds.of(withoutExtension(rest[0]));
                    if (id == null) continue;
                    sticker.setString(1, id);
                    sticker.setString(2, IndexIds.of(EntityStore.text(entry, "guild_id")));
                    sticker.setString(3, stored);
                    sticker.executeUpdate();
                }
            }
        }
        return new Result(lines, problems);
    }

    /** The path segments of a CDN URL after {@code prefix}, without the query; none when the URL lacks it. */
    private static String[] segmentsAfter(String url, String prefix) {
        int at = url.indexOf(prefix);
        if (at < 0) return new String[0];
        String rest = url.substring(at + prefix.length());
        int query = rest.indexOf('?');
        return (query < 0 ? rest : rest.substring(0, query)).split("/");
    }

    private static String withoutExtension(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static void linkAttachment(PreparedStatement attachments, PreparedStatement attachment, String message,
            String url, String name, String stored) throws SQLException {
        attachments.setString(1, message);
        String match = null;
        try (ResultSet r = attachments.executeQuery()) {
            while (r.next()) {
                String id = r.getString(1);
                String own = r.getString(2);
                if (own != null && SignedUrls.key(own).equals(url)) {
                    match = id;
                    break;
                }
                if (match == null && name != null && name.equals(r.getString(3))) match = id;
            }
        }
        if (match == null) return;
        attachment.setString(1, stored);
        attachment.setString(2, match);
        attachment.executeUpdate();
    }

    /** The manifest's name, for documentation and tests. */
    static final String NAME = RunFiles.MEDIA_MANIFEST;
}

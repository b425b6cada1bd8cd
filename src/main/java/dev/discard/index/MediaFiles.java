package dev.discard.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.media.CdnUrls;
import dev.discard.media.MediaArchiver;
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
 * Links attachments and avatars to the files a {@code --media} run stored, from its {@code media.jsonl}: an attachment
 * line names its message and the attachment's URL without signature; an avatar line's URL names the user
 * ({@code /avatars/{user}/{hash}.png}).
 */
final class MediaFiles {
    private static final String AVATARS = "/avatars/";

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
                        + " AND ? LIKE avatar || '.%'")) {
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
                    int at = url.indexOf(AVATARS);
                    if (at < 0) continue;
                    String[] rest = url.substring(at + AVATARS.length()).split("[/?]");
                    if (rest.length < 2 || IndexIds.of(rest[0]) == null) continue;
                    avatar.setString(1, stored);
                    avatar.setString(2, IndexIds.of(rest[0]));
                    avatar.setString(3, rest[1]);
                    avatar.executeUpdate();
                }
            }
        }
        return new Result(lines, problems);
    }

    private static void linkAttachment(PreparedStatement attachments, PreparedStatement attachment, String message,
            String url, String name, String stored) throws SQLException {
        attachments.setString(1, message);
        String match = null;
        try (ResultSet r = attachments.executeQuery()) {
            while (r.next()) {
                String id = r.getString(1);
                String own = r.getString(2);
                if (own != null && CdnUrls.key(own).equals(url)) {
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
    static final String NAME = MediaArchiver.MANIFEST;
}

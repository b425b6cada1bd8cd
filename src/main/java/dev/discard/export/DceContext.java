package dev.discard.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.index.IndexIds;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the chat-export writers look up beyond a message's own JSON: users (reaction users are ids in the index),
 * roles, the files of archived media and where they land, the users who reacted, and the file being written (media
 * links are relative to it). One per export; the current file changes per channel.
 */
final class DceContext {
    final SitePlan plan;
    final UserCache users;
    private final MediaCopies media;
    private final Path exportRoot;
    private final PreparedStatement attachmentFiles;
    private final PreparedStatement reactionUsers;
    private Path folder;
    /** Links already made from the current file's folder, by stored path: a channel's avatars repeat. */
    private final Map<String, String> links = new HashMap<>();

    /** @param media the media folder's copies, null to keep the original URLs */
    DceContext(Connection db, SitePlan plan, UserCache users, MediaCopies media, Path exportRoot)
            throws SQLException {
        this.plan = plan;
        this.users = users;
        this.media = media;
        this.exportRoot = exportRoot.toAbsolutePath().normalize();
        this.attachmentFiles = db.prepareStatement("SELECT id, media_file FROM attachments WHERE message_id = ?");
        this.reactionUsers = db.prepareStatement("SELECT DISTINCT user_id FROM reaction_users"
                + " WHERE message_id = ? AND emoji_key = ? ORDER BY user_id");
    }

    /** The file now being written: media links are relative to its folder. */
    void writing(Path file) {
        Path next = file.toAbsolutePath().normalize().getParent();
        if (!next.equals(folder)) links.clear();
        folder = next;
    }

    /**
     * The link to an archived file: relative to the file being written, or absolute when the media folder lies
     * outside the export (as that tool does); {@code original} when there is no media folder or no archived file.
     */
    String url(String storedFile, String original) {
        if (media == null || storedFile == null) return original;
        String link = links.get(storedFile);
        if (link == null) {
            Path copy = media.copied(storedFile);
            if (copy == null) {
                link = "";
            } else {
                copy = copy.toAbsolutePath().normalize();
                link = copy.startsWith(exportRoot) ? folder.relativize(copy).toString().replace('\\', '/')
                        : copy.toString();
            }
            links.put(storedFile, link);
        }
        return link.isEmpty() ? original : link;
    }

    /** The stored media file of each archived attachment of a message, by the attachment id as Discord wrote it. */
    Map<String, String> attachmentFiles(String storedMessageId) throws SQLException {
        Map<String, String> files = new HashMap<>();
        attachmentFiles.setString(1, storedMessageId);
        try (ResultSet rs = attachmentFiles.executeQuery()) {
            while (rs.next()) files.put(IndexIds.display(rs.getString(1)), rs.getString(2));
        }
        return files;
    }

    /** The stored ids of the users the archive saw react with an emoji, in id order (as Discord lists them). */
    List<String> reactionUsers(String storedMessageId, JsonNode emoji) throws SQLException {
        String id = emoji.hasNonNull("id") ? emoji.path("id").asText() : null;
        reactionUsers.setString(1, storedMessageId);
        reactionUsers.setString(2, IndexIds.emojiKey(id, emoji.hasNonNull("name") ? emoji.path("name").asText()
                : null));
        List<String> out = new ArrayList<>();
        try (ResultSet rs = reactionUsers.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /** The stored media path of a custom emoji's or sticker's archived image, null when none. */
    String emojiFile(String id) {
        String stored = IndexIds.of(id);
        return stored == null ? null : plan.emojiFile(stored);
    }

    String stickerFile(String id) {
        String stored = IndexIds.of(id);
        return stored == null ? null : plan.stickerFile(stored);
    }

    int mediaFiles() {
        return media == null ? 0 : media.files();
    }
}

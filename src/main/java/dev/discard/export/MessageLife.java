package dev.discard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the index knows of a message's life beyond its newest version, for exports that write it on request
 * ({@code --history}): its earlier versions (the index's {@code message_versions}) and its deletion.
 *
 * <p>The index does not record deletions yet (DESIGN.md, "Versions and deletions", is being built): {@link #LIVE}
 * is then no condition at all and {@link #deletion} always null. When the index marks deleted messages, {@link #LIVE}
 * becomes the condition that leaves them out and {@link #deletion} reads when and how one was deleted; the writers
 * already mark a deletion.
 */
final class MessageLife {
    /** SQL condition on {@code messages} that holds for messages not deleted: what exports write by default. */
    static final String LIVE = "1";

    /** An earlier version of a message: its edited time (null for the first) and content, and its JSON. */
    record Version(String editedTimestamp, String content, JsonNode json) {}

    /** How a message is known to be deleted: {@code at} (ISO 8601, null when unknown) and how it was learnt. */
    record Deletion(String at, String how) {}

    private final PreparedStatement versions;
    private final ObjectMapper mapper;

    MessageLife(Connection db, ObjectMapper mapper) throws SQLException {
        this.mapper = mapper;
        this.versions = db.prepareStatement("SELECT edited_timestamp, content, json FROM message_versions"
                + " WHERE message_id = ? ORDER BY coalesce(edited_timestamp, ''), rowid");
    }

    /** The earlier versions of a message, oldest first; empty when it was never seen otherwise. */
    List<Version> versions(String storedId) throws SQLException {
        versions.setString(1, storedId);
        List<Version> out = new ArrayList<>(0);
        try (ResultSet rs = versions.executeQuery()) {
            while (rs.next()) out.add(new Version(rs.getString(1), rs.getString(2), parse(rs.getString(3))));
        }
        return out;
    }

    /** The deletion of a message, null while it exists (or while the index cannot tell). */
    Deletion deletion(String storedId) {
        return null;
    }

    private JsonNode parse(String json) {
        try {
            return json == null ? mapper.createObjectNode() : mapper.readTree(json);
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }
}

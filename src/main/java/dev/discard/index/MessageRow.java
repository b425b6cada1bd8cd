package dev.discard.index;

import java.util.ArrayList;
import java.util.List;

/** The columns of one message and its child rows, as read from its JSON by {@link MessageRowReader}. */
final class MessageRow {
    String id;
    String guildId;
    String channelId;
    UserRow author;
    int type;
    String timestamp;
    String editedTimestamp;
    String content;
    String referenceId;
    boolean pinned;
    long flags;
    String json;
    final List<AttachmentRow> attachments = new ArrayList<>(2);
    final List<EmbedRow> embeds = new ArrayList<>(2);
    final List<ReactionRow> reactions = new ArrayList<>(2);

    /** One attachment; numbers are null when absent. */
    static final class AttachmentRow {
        String id;
        String filename;
        String contentType;
        Long size;
        Long width;
        Long height;
        String url;
    }

    /** One embed, with its JSON as stored. */
    static final class EmbedRow {
        String type;
        String title;
        String description;
        String url;
        String json;
    }

    /** One reaction: emoji key as in a reaction URL ({@code name:id} for custom emoji, the character otherwise). */
    static final class ReactionRow {
        String emojiId;
        String emojiName;
        long count;
        Long burstCount;

        String key() {
            return emojiKey(emojiId, emojiName);
        }
    }

    /** {@code name:id} for a custom emoji, the Unicode emoji itself otherwise. */
    static String emojiKey(String emojiId, String emojiName) {
        return IndexIds.emojiKey(emojiId, emojiName);
    }

    /** The text FTS5 indexes in its {@code attachments} column: the file names, one a line. */
    String attachmentText() {
        if (attachments.isEmpty()) return null;
        StringBuilder b = new StringBuilder();
        for (AttachmentRow a : attachments) {
            if (a.filename == null) continue;
            if (b.length() > 0) b.append('\n');
            b.append(a.filename);
        }
        return b.toString();
    }

    /** The text FTS5 indexes in its {@code embeds} column: titles and descriptions, one a line. */
    String embedText() {
        if (embeds.isEmpty()) return null;
        StringBuilder b = new StringBuilder();
        for (EmbedRow e : embeds) {
            for (String s : new String[] {e.title, e.description}) {
                if (s == null) continue;
                if (b.length() > 0) b.append('\n');
                b.append(s);
            }
        }
        return b.toString();
    }
}

package dev.discard.index;

import dev.discard.read.life.MessageLife;

/**
 * One message found, with the names of its guild, channel and author as the index knows them. Ids are as Discord
 * writes them (no padding); names are null when the index has none. Immutable.
 *
 * @param id the message id
 * @param guildId the guild id, null for direct messages
 * @param guildName the guild's name
 * @param channelId the channel id
 * @param channelName the channel's name
 * @param authorId the author's id
 * @param authorName the author's name as the message shows it ({@code name#1234}, display name or user name)
 * @param timestamp when it was sent, as Discord wrote it
 * @param content the message text
 * @param highlighted the text with each match between {@link #MATCH_START} and {@link #MATCH_END}
 * @param json the message object as archived
 * @param highlightedAttachments the attachments' file names, one a line, marked likewise; null when none
 * @param highlightedEmbeds the embeds' titles and descriptions, one a line, marked likewise; null when none
 * @param version which version matched, from 1 (the oldest); {@code versions} for the last, current one
 * @param versions how many versions the index holds
 * @param edited whether it has more than one version or Discord marks it edited
 * @param deletion when and how the message is known to be deleted; null when it is not
 */
public record SearchHit(String id, String guildId, String guildName, String channelId, String channelName,
        String authorId, String authorName, String timestamp, String content, String highlighted, String json,
        String highlightedAttachments, String highlightedEmbeds, int version, int versions, boolean edited,
        MessageLife.Deletion deletion) {
    /** Marks the start of a match in {@link #highlighted}. */
    public static final char MATCH_START = '\u0001';
    /** Marks the end of a match in {@link #highlighted}. */
    public static final char MATCH_END = '\u0002';

    /** A hit on the only version of a message not known to be deleted. */
    public SearchHit(String id, String guildId, String guildName, String channelId, String channelName,
            String authorId, String authorName, String timestamp, String content, String highlighted, String json,
            String highlightedAttachments, String highlightedEmbeds) {
        this(id, guildId, guildName, channelId, channelName, authorId, authorName, timestamp, content, highlighted,
                json, highlightedAttachments, highlightedEmbeds, 1, 1, false, null);
    }

    /** Whether the version that matched is the message as it stood last. */
    public boolean current() {
        return version == versions;
    }

    /** A hit without the marked attachment names and embed texts (the components of version 1). */
    public SearchHit(String id, String guildId, String guildName, String channelId, String channelName,
            String authorId, String authorName, String timestamp, String content, String highlighted, String json) {
        this(id, guildId, guildName, channelId, channelName, authorId, authorName, timestamp, content, highlighted,
                json, null, null);
    }
}

package dev.discard.index;

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
 */
public record SearchHit(String id, String guildId, String guildName, String channelId, String channelName,
        String authorId, String authorName, String timestamp, String content, String highlighted, String json,
        String highlightedAttachments, String highlightedEmbeds) {
    /** Marks the start of a match in {@link #highlighted}. */
    public static final char MATCH_START = '\u0001';
    /** Marks the end of a match in {@link #highlighted}. */
    public static final char MATCH_END = '\u0002';

    /** A hit without the marked attachment names and embed texts (the components of version 1). */
    public SearchHit(String id, String guildId, String guildName, String channelId, String channelName,
            String authorId, String authorName, String timestamp, String content, String highlighted, String json) {
        this(id, guildId, guildName, channelId, channelName, authorId, authorName, timestamp, content, highlighted,
                json, null, null);
    }
}

package dev.discard.export;

/**
 * What a chat-export file says before its messages: the guild and channel, the date range asked for and when it was
 * written, as DiscordChatExporter writes them (ids as Discord writes them, type names, timestamps with offset).
 * Immutable; null where that tool writes null.
 */
record ChatHeader(String guildId, String guildName, String guildIconUrl, String channelId, String channelType,
        String categoryId, String category, String channelName, String topic, String channelIconUrl, String after,
        String before, String exportedAt) {}

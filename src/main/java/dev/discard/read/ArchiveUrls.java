package dev.discard.read;

/**
 * Recognises the Discord routes that derived tools read, whatever the base URL and API version
 * ({@code https://discord.com/api/v7/…}, {@code /api/v10/…}, a Discord-compatible server).
 */
public final class ArchiveUrls {
    private static final String CHANNELS = "/channels/";
    private static final String MESSAGES = "/messages";

    private ArchiveUrls() {}

    /**
     * Whether the URL is {@code …/channels/{id}/messages} of this channel (any channel when null). The archiver
     * decides with it which records are message pages, as the readers do.
     */
    public static boolean isMessagesUrl(String url, String channelId) {
        if (url == null || !url.endsWith(MESSAGES)) return false;
        int idEnd = url.length() - MESSAGES.length();
        int channels = url.lastIndexOf(CHANNELS, idEnd);
        if (channels < 0) return false;
        int idStart = channels + CHANNELS.length();
        if (idStart >= idEnd) return false;
        if (channelId != null) return url.regionMatches(idStart, channelId, 0, channelId.length())
                && idEnd - idStart == channelId.length();
        for (int i = idStart; i < idEnd; i++) {
            char c = url.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** The path segments after {@code /channels/}, or null: {@code [c, "messages", m, "reactions", emoji]}. */
    static String[] channelPath(String url) {
        if (url == null) return null;
        int channels = url.indexOf(CHANNELS);
        if (channels < 0) return null;
        return url.substring(channels + CHANNELS.length()).split("/", -1);
    }
}

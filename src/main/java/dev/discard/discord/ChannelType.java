package dev.discard.discord;

/**
 * Channel types (https://discord.com/developers/docs/resources/channel#channel-object-channel-types) and the names
 * discord.py gives them, which Discard wrote into channel meta files ({@code "type": "text"}).
 */
public final class ChannelType {
    public static final int GUILD_TEXT = 0;
    public static final int DM = 1;
    public static final int GUILD_VOICE = 2;
    public static final int GROUP_DM = 3;
    public static final int GUILD_CATEGORY = 4;
    public static final int GUILD_ANNOUNCEMENT = 5;

    private ChannelType() {}

    public static final int ANNOUNCEMENT_THREAD = 10;
    public static final int PUBLIC_THREAD = 11;
    public static final int PRIVATE_THREAD = 12;
    public static final int GUILD_FORUM = 15;
    public static final int GUILD_MEDIA = 16;

    public static final int GUILD_STAGE_VOICE = 13;

    /**
     * Whether a guild run archives this type: text, announcement, forum and media channels (with their threads), and
     * the text chat of voice and stage channels.
     */
    public static boolean hasArchivedHistory(int type) {
        return type == GUILD_TEXT || type == GUILD_ANNOUNCEMENT || type == GUILD_VOICE || type == GUILD_STAGE_VOICE
                || hasOnlyThreads(type);
    }

    /** Whether channels of this type have threads: text, announcement, forum and media channels. */
    public static boolean hasThreads(int type) {
        return type == GUILD_TEXT || type == GUILD_ANNOUNCEMENT || hasOnlyThreads(type);
    }

    /** Forum and media channels hold no messages of their own: their posts are threads. */
    public static boolean hasOnlyThreads(int type) {
        return type == GUILD_FORUM || type == GUILD_MEDIA;
    }

    /** Whether a channel of this type has a message history of its own. */
    public static boolean hasMessages(int type) {
        return !hasOnlyThreads(type) && type != GUILD_CATEGORY;
    }

    public static boolean isThread(int type) {
        return type == ANNOUNCEMENT_THREAD || type == PUBLIC_THREAD || type == PRIVATE_THREAD;
    }

    /** discord.py's name for the type, or {@code "unknown_<n>"}. */
    public static String name(int type) {
        return switch (type) {
            case 0 -> "text";
            case 1 -> "private";
            case 2 -> "voice";
            case 3 -> "group";
            case 4 -> "category";
            case 5 -> "news";
            case 10 -> "news_thread";
            case 11 -> "public_thread";
            case 12 -> "private_thread";
            case 13 -> "stage_voice";
            case 14 -> "directory";
            case 15 -> "forum";
            case 16 -> "media";
            default -> "unknown_" + type;
        };
    }
}

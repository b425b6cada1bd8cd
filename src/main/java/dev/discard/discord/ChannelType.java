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

    /** Whether the messages of this type are archived by a guild run (text and announcement channels). */
    public static boolean hasArchivedHistory(int type) {
        return type == GUILD_TEXT || type == GUILD_ANNOUNCEMENT;
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

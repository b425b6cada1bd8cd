package dev.discard.discord;

import dev.discard.format.Snowflake;

/**
 * Every REST route discard calls, relative to the API root, as the Discord documentation names them
 * (https://discord.com/developers/docs/resources). Ids are written unsigned, so ids at or above 2^63 make the same
 * path Discord expects.
 */
public final class Routes {
    /** The current user: {@code GET /users/@me}. */
    public static final String ME = "/users/@me";
    /** The current user's guilds, paged by {@code after}. */
    public static final String MY_GUILDS = ME + "/guilds";
    /** The current user's DM channels. */
    public static final String MY_CHANNELS = ME + "/channels";
    /** Where a bot's gateway is. */
    public static final String GATEWAY_BOT = "/gateway/bot";
    /** Where a user account's gateway is. */
    public static final String GATEWAY = "/gateway";

    private Routes() {}

    public static String user(long userId) {
        return "/users/" + id(userId);
    }

    /** The profile a user account sees of a user. */
    public static String userProfile(long userId) {
        return user(userId) + "/profile";
    }

    /** The current user's member object in a guild, as user accounts may ask for it. */
    public static String myMember(long guildId) {
        return MY_GUILDS + "/" + id(guildId) + "/member";
    }

    public static String channel(long channelId) {
        return "/channels/" + id(channelId);
    }

    /** A channel by id or by the text the user typed (checked to be digits by the caller). */
    public static String channel(String channelId) {
        return "/channels/" + channelId;
    }

    /** The message history, paged by {@code after}/{@code before}. */
    public static String messages(long channelId) {
        return channel(channelId) + "/messages";
    }

    public static String message(long channelId, long messageId) {
        return messages(channelId) + "/" + id(messageId);
    }

    /** The users who reacted with {@code emoji} ({@code name:id} or the URL-encoded unicode emoji). */
    public static String reactions(long channelId, long messageId, String emoji) {
        return message(channelId, messageId) + "/reactions/" + emoji;
    }

    /** The pins, paged by {@code before} (since 2025). */
    public static String messagePins(long channelId) {
        return messages(channelId) + "/pins";
    }

    /** The pins before paging existed; servers that lack {@link #messagePins} answer this one. */
    public static String oldPins(long channelId) {
        return channel(channelId) + "/pins";
    }

    public static String publicArchivedThreads(long channelId) {
        return channel(channelId) + "/threads/archived/public";
    }

    public static String privateArchivedThreads(long channelId) {
        return channel(channelId) + "/threads/archived/private";
    }

    /** The private archived threads the current user joined. */
    public static String myPrivateArchivedThreads(long channelId) {
        return channel(channelId) + "/users/@me/threads/archived/private";
    }

    public static String guild(long guildId) {
        return "/guilds/" + id(guildId);
    }

    /** A guild by id or by the text the user typed (checked to be digits by the caller). */
    public static String guild(String guildId) {
        return "/guilds/" + guildId;
    }

    public static String guildChannels(long guildId) {
        return guild(guildId) + "/channels";
    }

    public static String guildChannels(String guildId) {
        return guild(guildId) + "/channels";
    }

    public static String roles(long guildId) {
        return guild(guildId) + "/roles";
    }

    public static String emojis(long guildId) {
        return guild(guildId) + "/emojis";
    }

    public static String stickers(long guildId) {
        return guild(guildId) + "/stickers";
    }

    /** The guild's members, paged by {@code after}. */
    public static String members(long guildId) {
        return guild(guildId) + "/members";
    }

    public static String member(long guildId, long userId) {
        return members(guildId) + "/" + id(userId);
    }

    public static String activeThreads(long guildId) {
        return guild(guildId) + "/threads/active";
    }

    public static String webhooks(long guildId) {
        return guild(guildId) + "/webhooks";
    }

    public static String scheduledEvents(long guildId) {
        return guild(guildId) + "/scheduled-events";
    }

    public static String soundboardSounds(long guildId) {
        return guild(guildId) + "/soundboard-sounds";
    }

    public static String invite(String code) {
        return "/invites/" + code;
    }

    private static String id(long id) {
        return Snowflake.toString(id);
    }
}

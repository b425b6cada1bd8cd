package dev.discard.discord.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * The gateway intent bits a bot sends in IDENTIFY, and the set an archive run asks for. User accounts identify without
 * intents.
 *
 * @see <a href="https://discord.com/developers/docs/events/gateway#list-of-intents">List of Intents</a>
 */
public final class GatewayIntents {
    public static final int GUILDS = 1 << 0;
    /** Privileged: "Server Members Intent" in the developer portal. */
    public static final int GUILD_MEMBERS = 1 << 1;
    /** Emoji, sticker and soundboard updates (GUILD_EMOJIS_UPDATE, GUILD_STICKERS_UPDATE). */
    public static final int GUILD_EXPRESSIONS = 1 << 3;
    /** Privileged: "Presence Intent" in the developer portal. */
    public static final int GUILD_PRESENCES = 1 << 8;
    public static final int GUILD_MESSAGES = 1 << 9;
    /** MESSAGE_REACTION_ADD, _REMOVE, _REMOVE_ALL and _REMOVE_EMOJI in guilds. */
    public static final int GUILD_MESSAGE_REACTIONS = 1 << 10;
    /** Privileged: "Message Content Intent" in the developer portal. */
    public static final int MESSAGE_CONTENT = 1 << 15;

    private GatewayIntents() {}

    /**
     * What an archive run asks for: GUILDS, GUILD_MESSAGES and MESSAGE_CONTENT, plus GUILD_MEMBERS when members are
     * to be archived.
     */
    public static int forArchive(boolean members) {
        int intents = GUILDS | GUILD_MESSAGES | MESSAGE_CONTENT;
        return members ? intents | GUILD_MEMBERS : intents;
    }

    /**
     * What a {@code --follow} run asks for: the archive's intents plus GUILD_MESSAGE_REACTIONS and GUILD_EXPRESSIONS,
     * so that reactions and emoji or sticker changes arrive live; GUILD_MEMBERS only when members are archived.
     */
    public static int forFollow(boolean members) {
        return forArchive(members) | GUILD_MESSAGE_REACTIONS | GUILD_EXPRESSIONS;
    }

    /**
     * The privileged intents among {@code intents}, named as the developer portal's Bot page names them, e.g.
     * {@code [MESSAGE CONTENT, SERVER MEMBERS]}.
     */
    public static List<String> privilegedNames(int intents) {
        List<String> names = new ArrayList<>();
        if ((intents & MESSAGE_CONTENT) != 0) names.add("MESSAGE CONTENT");
        if ((intents & GUILD_MEMBERS) != 0) names.add("SERVER MEMBERS");
        if ((intents & GUILD_PRESENCES) != 0) names.add("PRESENCE");
        return names;
    }
}

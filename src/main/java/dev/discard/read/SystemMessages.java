package dev.discard.read;

import dev.discard.format.Timestamps;
/**
 * Readable sentences for Discord's system messages (joins, pins, boosts, threads, calls, …), in the words of the
 * Discord client where it has them. Types that carry user text ({@link #isUserMessage}) are not system messages.
 * See https://discord.com/developers/docs/resources/message#message-object-message-types
 */
public final class SystemMessages {
    static final int DEFAULT = 0;
    static final int RECIPIENT_ADD = 1;
    static final int RECIPIENT_REMOVE = 2;
    static final int CALL = 3;
    static final int CHANNEL_NAME_CHANGE = 4;
    static final int CHANNEL_ICON_CHANGE = 5;
    static final int CHANNEL_PINNED_MESSAGE = 6;
    static final int USER_JOIN = 7;
    static final int GUILD_BOOST = 8;
    static final int GUILD_BOOST_TIER_1 = 9;
    static final int GUILD_BOOST_TIER_3 = 11;
    static final int CHANNEL_FOLLOW_ADD = 12;
    static final int GUILD_DISCOVERY_DISQUALIFIED = 14;
    static final int GUILD_DISCOVERY_REQUALIFIED = 15;
    static final int GUILD_DISCOVERY_GRACE_PERIOD_INITIAL_WARNING = 16;
    static final int GUILD_DISCOVERY_GRACE_PERIOD_FINAL_WARNING = 17;
    static final int THREAD_CREATED = 18;
    static final int REPLY = 19;
    static final int CHAT_INPUT_COMMAND = 20;
    static final int THREAD_STARTER_MESSAGE = 21;
    static final int GUILD_INVITE_REMINDER = 22;
    static final int CONTEXT_MENU_COMMAND = 23;
    static final int AUTO_MODERATION_ACTION = 24;
    static final int ROLE_SUBSCRIPTION_PURCHASE = 25;
    static final int INTERACTION_PREMIUM_UPSELL = 26;
    static final int STAGE_START = 27;
    static final int STAGE_END = 28;
    static final int STAGE_SPEAKER = 29;
    static final int STAGE_RAISE_HAND = 30;
    static final int STAGE_TOPIC = 31;
    static final int GUILD_APPLICATION_PREMIUM_SUBSCRIPTION = 32;
    static final int GUILD_INCIDENT_ALERT_MODE_ENABLED = 36;
    static final int GUILD_INCIDENT_ALERT_MODE_DISABLED = 37;
    static final int GUILD_INCIDENT_REPORT_RAID = 38;
    static final int GUILD_INCIDENT_REPORT_FALSE_ALARM = 39;
    static final int PURCHASE_NOTIFICATION = 44;
    static final int POLL_RESULT = 46;

    private SystemMessages() {}

    /** Types shown as {@code <author> content}: plain messages, replies, and application commands. */
    public static boolean isUserMessage(int type) {
        return type == DEFAULT || type == REPLY || type == CHAT_INPUT_COMMAND || type == CONTEXT_MENU_COMMAND;
    }

    /** The sentence for a system message; {@code author} is the author's display name. */
    public static String sentence(MessageFields m, String author) {
        String content = m.content() == null ? "" : m.content();
        String mentioned = m.mentions().isEmpty() ? "someone" : m.mentions().get(0);
        int type = m.type();
        return switch (type) {
            case RECIPIENT_ADD -> author + " added " + mentioned + " to the group.";
            case RECIPIENT_REMOVE -> mentioned.equals(author) || m.mentions().isEmpty()
                    ? author + " left the group."
                    : author + " removed " + mentioned + " from the group.";
            case CALL -> author + " started a call."
                    + (m.callEndedTimestamp() != null ? " It ended at " + ended(m.callEndedTimestamp()) + "." : "");
            case CHANNEL_NAME_CHANGE -> author + " changed the channel name: " + content;
            case CHANNEL_ICON_CHANGE -> author + " changed the channel icon.";
            case CHANNEL_PINNED_MESSAGE -> author + " pinned "
                    + (m.referencedId() != null ? "message " + m.referencedId() : "a message") + " to this channel.";
            case USER_JOIN -> author + " joined the server.";
            case GUILD_BOOST -> boosted(author, content);
            case GUILD_BOOST_TIER_1, GUILD_BOOST_TIER_1 + 1, GUILD_BOOST_TIER_3 -> boosted(author, content)
                    + " The server has achieved Level " + (type - GUILD_BOOST) + "!";
            case CHANNEL_FOLLOW_ADD -> author + " has added " + content
                    + " to this channel. Its most important updates will show up here.";
            case GUILD_DISCOVERY_DISQUALIFIED -> "This server has been removed from Server Discovery because it no"
                    + " longer passes all the requirements.";
            case GUILD_DISCOVERY_REQUALIFIED -> "This server is eligible for Server Discovery again and has been"
                    + " automatically relisted!";
            case GUILD_DISCOVERY_GRACE_PERIOD_INITIAL_WARNING -> "This server has failed Discovery activity"
                    + " requirements for 1 week. If this server fails for 4 weeks in a row, it will be automatically"
                    + " removed from Discovery.";
            case GUILD_DISCOVERY_GRACE_PERIOD_FINAL_WARNING -> "This server has failed Discovery activity"
                    + " requirements for 3 weeks in a row. If this server fails for 1 more week, it will be removed"
                    + " from Discovery.";
            case THREAD_CREATED -> author + " started a thread: " + content;
            case THREAD_STARTER_MESSAGE -> "Thread started from message "
                    + (m.referencedId() != null ? m.referencedId() : "(unknown)") + ".";
            case GUILD_INVITE_REMINDER -> "Wondering who to invite? Start by inviting anyone who can help you build"
                    + " the server!";
            case AUTO_MODERATION_ACTION -> "AutoMod acted on a message by " + author + "." + colon(content);
            case ROLE_SUBSCRIPTION_PURCHASE -> author + " joined a role subscription." + colon(content);
            case INTERACTION_PREMIUM_UPSELL -> author + " offered a premium upgrade." + colon(content);
            case STAGE_START -> author + " started " + content + ".";
            case STAGE_END -> author + " ended " + content + ".";
            case STAGE_SPEAKER -> author + " is now a speaker.";
            case STAGE_RAISE_HAND -> author + " requested to speak.";
            case STAGE_TOPIC -> author + " changed the Stage topic: " + content;
            case GUILD_APPLICATION_PREMIUM_SUBSCRIPTION -> author + " upgraded an app to premium for this server!";
            case GUILD_INCIDENT_ALERT_MODE_ENABLED -> author + " enabled security actions"
                    + (content.isEmpty() ? "." : " until " + content + ".");
            case GUILD_INCIDENT_ALERT_MODE_DISABLED -> author + " disabled security actions.";
            case GUILD_INCIDENT_REPORT_RAID -> author + " reported a raid.";
            case GUILD_INCIDENT_REPORT_FALSE_ALARM -> author + " reported a false alarm.";
            case PURCHASE_NOTIFICATION -> author + " made a purchase." + colon(content);
            case POLL_RESULT -> "A poll by " + author + " has ended.";
            default -> author + " (system message of type " + type + ")" + colon(content);
        };
    }

    private static String boosted(String author, String times) {
        return times.isEmpty() ? author + " just boosted the server!"
                : author + " just boosted the server " + times + " times!";
    }

    private static String colon(String content) {
        return content.isEmpty() ? "" : " " + content;
    }

    private static String ended(String timestamp) {
        try {
            return Timestamps.display(timestamp);
        } catch (RuntimeException e) {
            return timestamp;
        }
    }
}

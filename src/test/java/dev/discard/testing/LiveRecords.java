package dev.discard.testing;

import dev.discard.read.TestArchive;
import java.util.List;

/**
 * Records of a {@code --follow} run, built in code as DESIGN.md ("Following a guild live") has them: gateway
 * dispatches as {@code ws} records received, history pages as {@code http} records, each with its time. Payloads as
 * the Discord documentation gives them (https://discord.com/developers/docs/topics/gateway-events#messages).
 */
public final class LiveRecords {
    private LiveRecords() {}

    /** A received dispatch {@code t} with sequence {@code s} and payload {@code d} (JSON), recorded at {@code time}. */
    public static String dispatch(String time, String t, long s, String d) {
        return "{\"type\":\"ws\",\"datetime\":\"" + time + "\",\"direction\":\"recv\",\"data\":{\"t\":\"" + t
                + "\",\"s\":" + s + ",\"op\":0,\"d\":" + d + "}}";
    }

    /** {@code MESSAGE_CREATE}: the whole message with {@code guild_id} and the author's {@code member}. */
    public static String create(String time, long s, long id, String content) {
        String message = TestArchive.message(id, 0, content, ",\"guild_id\":\"" + TestArchive.GUILD
                + "\",\"member\":{\"roles\":[],\"joined_at\":\"2021-01-01T00:00:00+00:00\"}");
        return dispatch(time, "MESSAGE_CREATE", s, message);
    }

    /** {@code MESSAGE_UPDATE}: a partial message, id, channel, content and edited time only. */
    public static String update(String time, long s, long id, String content, String edited) {
        return dispatch(time, "MESSAGE_UPDATE", s, "{\"id\":\"" + id + "\",\"channel_id\":\"" + TestArchive.CHANNEL
                + "\",\"guild_id\":\"" + TestArchive.GUILD + "\",\"content\":" + TestArchive.json(content)
                + ",\"edited_timestamp\":\"" + edited + "\"}");
    }

    /** {@code MESSAGE_DELETE}. */
    public static String delete(String time, long s, long id) {
        return dispatch(time, "MESSAGE_DELETE", s, "{\"id\":\"" + id + "\",\"channel_id\":\"" + TestArchive.CHANNEL
                + "\",\"guild_id\":\"" + TestArchive.GUILD + "\"}");
    }

    /** {@code MESSAGE_DELETE_BULK}. */
    public static String deleteBulk(String time, long s, long... ids) {
        StringBuilder list = new StringBuilder();
        for (long id : ids) list.append(list.length() > 0 ? "," : "").append('"').append(id).append('"');
        return dispatch(time, "MESSAGE_DELETE_BULK", s, "{\"ids\":[" + list + "],\"channel_id\":\""
                + TestArchive.CHANNEL + "\",\"guild_id\":\"" + TestArchive.GUILD + "\"}");
    }

    /** {@code MESSAGE_REACTION_ADD} of a Unicode emoji by user {@code user}. */
    public static String reactionAdd(String time, long s, long message, long user, String emoji) {
        return dispatch(time, "MESSAGE_REACTION_ADD", s, "{\"user_id\":\"" + user + "\",\"channel_id\":\""
                + TestArchive.CHANNEL + "\",\"message_id\":\"" + message + "\",\"guild_id\":\"" + TestArchive.GUILD
                + "\",\"emoji\":{\"id\":null,\"name\":\"" + emoji + "\"},\"burst\":false,\"type\":0}");
    }

    /** {@code CHANNEL_DELETE} of a text channel (for {@code guild.jsonl} or the channel's own log). */
    public static String channelDelete(String time, long s, String channel) {
        return dispatch(time, "CHANNEL_DELETE", s, "{\"id\":\"" + channel + "\",\"type\":0,\"guild_id\":\""
                + TestArchive.GUILD + "\",\"name\":\"gone\"}");
    }

    /** A history page of the channel answered at {@code time}. */
    public static String page(String time, long after, List<String> messages) {
        return TestArchive.page(after, messages).replace("2024-01-01T00:00:01.000000+00:00", time)
                .replace("2024-01-01T00:00:01.100000+00:00", time);
    }
}

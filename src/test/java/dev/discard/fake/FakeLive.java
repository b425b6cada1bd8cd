package dev.discard.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * What happens on a fake Discord while a client follows it: each change is made to the REST fake's data (so a later
 * history page shows it, or no longer shows it) and announced on the gateway's live connection as Discord's dispatch
 * for it, with the shapes of the gateway docs. {@code unseen} changes happen on REST only, as while the client had no
 * session. Changes run under the REST fake's lock.
 *
 * @see <a href="https://discord.com/developers/docs/events/gateway-events#messages">Gateway Events: Messages</a>
 */
public final class FakeLive {
    private final FakeDiscord discord;
    private final FakeGateway gateway;

    public FakeLive(FakeDiscord discord) {
        this.discord = discord;
        this.gateway = discord.gateway();
    }

    /** A message posted at {@code time} by the fake's own user, announced by MESSAGE_CREATE; returns its id. */
    public long create(long channelId, Instant time, String content) {
        ObjectNode message = post(channelId, time, content);
        gateway.dispatch("MESSAGE_CREATE", withGuild(message.deepCopy(), channelId).toString());
        return Long.parseUnsignedLong(message.get("id").asText());
    }

    /** A message posted while the client had no session: on REST only, never announced. */
    public long createUnseen(long channelId, Instant time, String content) {
        return Long.parseUnsignedLong(post(channelId, time, content).get("id").asText());
    }

    /** Edits a message's content at {@code time}, announced by MESSAGE_UPDATE with the whole message. */
    public void edit(long channelId, long messageId, Instant time, String content) {
        ObjectNode message;
        synchronized (discord) {
            message = discord.channel(channelId).message(messageId);
            message.put("content", content);
            message.put("edited_timestamp", Fixtures.iso(time));
            message = message.deepCopy();
        }
        gateway.dispatch("MESSAGE_UPDATE", withGuild(message, channelId).toString());
    }

    /** Deletes a message, announced by MESSAGE_DELETE. */
    public void delete(long channelId, long messageId) {
        synchronized (discord) {
            discord.channel(channelId).messages.remove(messageId);
        }
        ObjectNode d = discord.mapper.createObjectNode().put("id", Long.toUnsignedString(messageId));
        gateway.dispatch("MESSAGE_DELETE", withGuild(d, channelId).toString());
    }

    /** Deletes several messages at once, announced by MESSAGE_DELETE_BULK. */
    public void bulkDelete(long channelId, List<Long> messageIds) {
        ObjectNode d = discord.mapper.createObjectNode();
        ArrayNode ids = d.putArray("ids");
        synchronized (discord) {
            for (long id : messageIds) {
                discord.channel(channelId).messages.remove(id);
                ids.add(Long.toUnsignedString(id));
            }
        }
        gateway.dispatch("MESSAGE_DELETE_BULK", withGuild(d, channelId).toString());
    }

    /** The fake's user reacts with a unicode emoji, announced by MESSAGE_REACTION_ADD. */
    public void react(long channelId, long messageId, String emoji) {
        ObjectNode e = discord.mapper.createObjectNode().putNull("id").put("name", emoji);
        long userId = Long.parseLong(discord.self().get("id").asText());
        synchronized (discord) {
            discord.channel(channelId).react(messageId, e, 0, List.of(userId));
        }
        ObjectNode d = discord.mapper.createObjectNode();
        d.put("user_id", Long.toString(userId));
        d.put("channel_id", Long.toString(channelId));
        d.put("message_id", Long.toUnsignedString(messageId));
        d.set("emoji", e);
        d.put("burst", false);
        d.put("type", 0);
        gateway.dispatch("MESSAGE_REACTION_ADD", withGuild(d, channelId).toString());
    }

    /** A new text channel (or thread, with a parent) in a guild, announced by CHANNEL_CREATE or THREAD_CREATE. */
    public FakeChannel newChannel(long guildId, long channelId, String name, Long threadParent) {
        FakeChannel channel;
        synchronized (discord) {
            channel = discord.channel(discord.guild(guildId), channelId, threadParent == null ? 0 : 11, name,
                    threadParent);
        }
        ObjectNode d = channel.json().deepCopy();
        if (threadParent != null) d.put("newly_created", true);
        gateway.dispatch(threadParent == null ? "CHANNEL_CREATE" : "THREAD_CREATE", d.toString());
        return channel;
    }

    private ObjectNode post(long channelId, Instant time, String content) {
        synchronized (discord) {
            FakeChannel channel = discord.channel(channelId);
            long id = Fixtures.snowflake(time, channel.messages.size() & 0xFFF);
            ObjectNode message = Fixtures.message(discord, channelId, id, time, discord.self(), content);
            channel.add(message);
            return message.deepCopy();
        }
    }

    private ObjectNode withGuild(ObjectNode d, long channelId) {
        String guild = discord.channel(channelId).json().path("guild_id").asText(null);
        if (guild != null) d.put("guild_id", guild);
        if (!d.has("channel_id")) d.put("channel_id", Long.toString(channelId));
        return d;
    }
}

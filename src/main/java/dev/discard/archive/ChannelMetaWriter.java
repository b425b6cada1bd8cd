package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.discord.ChannelType;
import dev.discard.format.ChannelMeta;
import dev.discard.format.ChannelMeta.MessageRef;
import dev.discard.format.Snowflake;
import dev.discard.format.Timestamps;

/**
 * {@code <channel_id>.meta.json}: Discard's keys ({@code channel} {id, name, type}, {@code summary} {num_messages,
 * oldest_message, newest_message}) plus what an audit needs: whether the channel completed, the error, the range.
 */
final class ChannelMetaWriter {
    private ChannelMetaWriter() {}

    /**
     * How the walk of the history went, for the audit. Immutable.
     *
     * @param warning why the walk stopped before the history's end, or null
     * @param pageSize the largest history page the server had shown (0: none); a last page below it proves the end
     * @param pinsListed whether the pins list was fetched; false when the archived history proved it empty
     */
    record History(String warning, int pageSize, boolean pinsListed) {}

    /** @param startAfter for --incremental, the id earlier runs had covered up to; null otherwise */
    static ObjectNode of(ObjectMapper mapper, JsonNode channel, ChannelResult result, History history, Range range,
            Long startAfter, boolean finished) {
        ObjectNode meta = mapper.createObjectNode();
        ObjectNode c = meta.putObject(ChannelMeta.CHANNEL);
        Ids.put(c, "id", result.channelId());
        c.put("name", result.name());
        int type = channel.path("type").asInt(-1);
        c.put("type", ChannelType.name(type));
        c.put("type_id", type);
        long guildId = Ids.of(channel, "guild_id");
        if (guildId != -1) Ids.put(c, "guild_id", guildId);
        else c.putNull("guild_id");
        long parentId = Ids.of(channel, "parent_id");
        if (parentId != -1) Ids.put(c, "parent_id", parentId);
        if (channel.has("thread_metadata")) c.set("thread_metadata", channel.get("thread_metadata").deepCopy());
        ObjectNode summary = meta.putObject(ChannelMeta.SUMMARY);
        summary.put(ChannelMeta.NUM_MESSAGES, result.messages());
        putMessage(summary, ChannelMeta.OLDEST_MESSAGE, result.oldest());
        putMessage(summary, ChannelMeta.NEWEST_MESSAGE, result.newest());
        summary.put("num_pins", result.pins());
        // Without a pins request the count is proven by the history: no archived message was pinned.
        summary.put(ChannelMeta.PINS_LISTED, history.pinsListed());
        ObjectNode r = meta.putObject(ChannelMeta.RANGE);
        r.put(ChannelMeta.AFTER, range.after() == null ? null : Timestamps.isoSeconds(range.after()));
        r.put(ChannelMeta.BEFORE, range.before() == null ? null : Timestamps.isoSeconds(range.before()));
        if (startAfter != null) {
            // Incremental: this channel was walked from where earlier runs left it, not from the beginning.
            r.put(ChannelMeta.AFTER, Timestamps.isoMicros(Snowflake.instantOf(startAfter)));
            Ids.put(r, ChannelMeta.AFTER_ID, startAfter);
        }
        meta.put(ChannelMeta.COMPLETED, finished && result.error() == null);
        meta.put(ChannelMeta.ERROR, result.error());
        if (result.refused()) meta.put("skipped", "Discord refused access");
        if (history.warning() != null) meta.put("warning", history.warning());
        if (history.pageSize() > 0) meta.put(ChannelMeta.PAGE_SIZE, history.pageSize());
        return meta;
    }

    private static void putMessage(ObjectNode summary, String key, MessageRef message) {
        if (message == null) {
            summary.putNull(key);
            return;
        }
        ObjectNode m = summary.putObject(key);
        Ids.put(m, "id", message.id());
        m.put("timestamp", message.timestamp());
    }
}

package dev.discard.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded gateway dispatch that changes a message or removes a channel: one {@code ws} record of direction
 * {@code recv}, in the log of the channel it is about (or {@code guild.jsonl}). Immutable.
 * See https://discord.com/developers/docs/topics/gateway-events#messages and #channels.
 *
 * @param kind what happened
 * @param time the record's {@code datetime}: when the archive received it
 * @param sequence the dispatch's {@code s}; -1 when absent
 * @param channelId the channel (or thread) it is about, as Discord writes it; null when absent
 * @param messageIds the messages it is about (one; several for a bulk delete; none for a channel)
 * @param data the dispatch's {@code d}
 * @param record the record it came in
 */
public record LiveEvent(Kind kind, String time, long sequence, String channelId, List<String> messageIds,
        JsonNode data, ArchiveRecord record) {

    /** The dispatches the message model applies, by their gateway names. */
    public enum Kind {
        MESSAGE_CREATE, MESSAGE_UPDATE, MESSAGE_DELETE, MESSAGE_DELETE_BULK, MESSAGE_REACTION_ADD,
        MESSAGE_REACTION_REMOVE, MESSAGE_REACTION_REMOVE_ALL, MESSAGE_REACTION_REMOVE_EMOJI, CHANNEL_DELETE,
        THREAD_DELETE;

        static Kind of(String name) {
            if (name == null) return null;
            for (Kind k : values()) if (k.name().equals(name)) return k;
            return null;
        }

        /** Whether it removes a channel or thread rather than changing messages. */
        public boolean isChannel() {
            return this == CHANNEL_DELETE || this == THREAD_DELETE;
        }
    }

    /** The event a record holds; null for any other record (http, sent frames, other dispatches, no id). */
    public static LiveEvent of(ArchiveRecord record) {
        if (!record.isWs() || !"recv".equals(record.direction()) || !record.hasData()) return null;
        JsonNode data = record.data();
        if (data == null || !data.isObject()) return null;
        Kind kind = Kind.of(data.path("t").asText(null));
        JsonNode d = data.path("d");
        if (kind == null || !d.isObject()) return null;
        List<String> ids = new ArrayList<>(1);
        String channel;
        switch (kind) {
            case MESSAGE_CREATE, MESSAGE_UPDATE, MESSAGE_DELETE -> {
                addId(ids, d.get("id"));
                channel = text(d.get("channel_id"));
            }
            case MESSAGE_DELETE_BULK -> {
                for (JsonNode id : d.path("ids")) addId(ids, id);
                channel = text(d.get("channel_id"));
            }
            case CHANNEL_DELETE, THREAD_DELETE -> channel = text(d.get("id"));
            default -> {
                addId(ids, d.get("message_id"));
                channel = text(d.get("channel_id"));
            }
        }
        if (kind.isChannel() ? channel == null : ids.isEmpty()) return null;
        JsonNode s = data.get("s");
        long sequence = s != null && s.canConvertToLong() ? s.asLong() : -1;
        return new LiveEvent(kind, record.datetime(), sequence, channel, List.copyOf(ids), d, record);
    }

    private static void addId(List<String> ids, JsonNode id) {
        String text = text(id);
        if (text != null && !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) ids.add(text);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    /**
     * What tells a replayed dispatch from a new one: the same {@code s}, name and payload. (A session's replay after
     * a resume repeats {@code s}; a reaction added, removed and added again has the same payload but a new {@code s}.)
     */
    public String replayKey() {
        return sequence + " " + kind + " " + data;
    }

    /** Where the record is, for messages: {@code file:line}. */
    public String source() {
        return record.file().getFileName() + ":" + record.line();
    }
}

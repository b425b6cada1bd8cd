package dev.discard.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What {@code <channel_id>.meta.json} says, with the Python Discard 0.1 mistake undone: it wrote the newest message
 * as {@code oldest_message} and the oldest as {@code newest_message}; when the "oldest" id is the larger, the two are
 * swapped back and {@link #swapped} says so. Immutable.
 *
 * @param file the meta file
 * @param id the channel id
 * @param name the channel name, null for DMs
 * @param type discord.py's name of the channel type ({@code text}, {@code news}, …)
 * @param numMessages {@code summary.num_messages}; null when absent
 * @param oldest the oldest message archived; null when none
 * @param newest the newest message archived; null when none
 * @param swapped whether oldest and newest were written swapped
 * @param completed the Java archiver's {@code completed}; null when absent (Python Discard)
 * @param error the Java archiver's {@code error}; null when none
 * @param rangeAfter where this channel's walk started when it differs from the run's {@code --after}: the Java
 *     archiver's {@code range.after} of an {@code --incremental} run; null otherwise
 */
public record ChannelMeta(
        Path file,
        String id,
        String name,
        String type,
        Long numMessages,
        MessageRef oldest,
        MessageRef newest,
        boolean swapped,
        Boolean completed,
        String error,
        Instant rangeAfter) {

    /** A message named in a meta file. */
    public record MessageRef(long id, String timestamp) {}

    public static ChannelMeta read(Path file, ObjectMapper mapper) throws MetaFileException {
        JsonNode root = MetaJson.read(file, mapper);
        JsonNode channel = root.get("channel");
        if (channel == null || !channel.isObject()) {
            throw MetaFileException.wrongKind(file, "not a channel meta file: it has no 'channel' object");
        }
        JsonNode summary = root.path("summary");
        MessageRef oldest = ref(summary.get("oldest_message"));
        MessageRef newest = ref(summary.get("newest_message"));
        boolean swapped = oldest != null && newest != null && Long.compareUnsigned(oldest.id(), newest.id()) > 0;
        JsonNode completed = root.has("completed") ? root.get("completed") : channel.get("completed");
        JsonNode error = root.has("error") ? root.get("error") : channel.get("error");
        return new ChannelMeta(file, MetaJson.text(channel.get("id")), MetaJson.text(channel.get("name")),
                MetaJson.text(channel.get("type")), MetaJson.number(summary.get("num_messages")),
                swapped ? newest : oldest, swapped ? oldest : newest, swapped,
                completed != null && completed.isBoolean() ? completed.asBoolean() : null,
                error == null || error.isNull() ? null : error.isTextual() ? error.asText() : error.toString(),
                root.path("range").has("after_id")
                        ? MetaJson.time(file, root.path("range").get("after"), "range.after") : null);
    }

    private static MessageRef ref(JsonNode node) {
        if (node == null || !node.isObject()) return null;
        long id = Snowflakes.parse(MetaJson.text(node.get("id")));
        return id == -1 ? null : new MessageRef(id, MetaJson.text(node.get("timestamp")));
    }

    /** Whether the archiver says this channel was not archived completely. */
    public boolean failed() {
        return Boolean.FALSE.equals(completed) || error != null;
    }
}

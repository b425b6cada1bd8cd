package dev.discard.format;

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
 * @param pageSize the Java archiver's {@code page_size}: the largest history page the server had shown when the walk
 *     ended, below which a last page proves the history's end; null when absent (older runs, Python Discard)
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
        Instant rangeAfter,
        Integer pageSize) {

    /** The keys of a channel meta file, shared by the archiver that writes it and the tools that read it. */
    public static final String CHANNEL = "channel";
    public static final String SUMMARY = "summary";
    public static final String RANGE = "range";
    public static final String NUM_MESSAGES = "num_messages";
    public static final String OLDEST_MESSAGE = "oldest_message";
    public static final String NEWEST_MESSAGE = "newest_message";
    public static final String AFTER = "after";
    public static final String BEFORE = "before";
    public static final String AFTER_ID = "after_id";
    public static final String COMPLETED = "completed";
    public static final String ERROR = "error";
    public static final String PAGE_SIZE = "page_size";
    /** In {@code summary}: whether the pins list was fetched (false: the archived history proved it empty). */
    public static final String PINS_LISTED = "pins_listed";
    /** A {@code --follow} run's times without a gateway session: from, to, backfilled (DESIGN.md). */
    public static final String GAPS = "gaps";
    /** What a {@code --follow} run recorded live in the channel. */
    public static final String FOLLOW = "follow";

    /** A message named in a meta file, by id and Discord's timestamp string. */
    public record MessageRef(long id, String timestamp) {}

    public static ChannelMeta read(Path file, ObjectMapper mapper) throws MetaFileException {
        JsonNode root = MetaJson.read(file, mapper);
        JsonNode channel = root.get(CHANNEL);
        if (channel == null || !channel.isObject()) {
            throw MetaFileException.wrongKind(file, "not a channel meta file: it has no 'channel' object");
        }
        JsonNode summary = root.path(SUMMARY);
        MessageRef oldest = ref(summary.get(OLDEST_MESSAGE));
        MessageRef newest = ref(summary.get(NEWEST_MESSAGE));
        boolean swapped = oldest != null && newest != null && Long.compareUnsigned(oldest.id(), newest.id()) > 0;
        JsonNode completed = root.has(COMPLETED) ? root.get(COMPLETED) : channel.get(COMPLETED);
        JsonNode error = root.has(ERROR) ? root.get(ERROR) : channel.get(ERROR);
        return new ChannelMeta(file, MetaJson.text(channel.get("id")), MetaJson.text(channel.get("name")),
                MetaJson.text(channel.get("type")), MetaJson.number(summary.get(NUM_MESSAGES)),
                swapped ? newest : oldest, swapped ? oldest : newest, swapped,
                completed != null && completed.isBoolean() ? completed.asBoolean() : null,
                error == null || error.isNull() ? null : error.isTextual() ? error.asText() : error.toString(),
                root.path(RANGE).has(AFTER_ID)
                        ? MetaJson.time(file, root.path(RANGE).get(AFTER), RANGE + "." + AFTER) : null,
                root.path(PAGE_SIZE).canConvertToInt() && root.path(PAGE_SIZE).asInt() > 0
                        ? root.path(PAGE_SIZE).asInt() : null);
    }

    private static MessageRef ref(JsonNode node) {
        if (node == null || !node.isObject()) return null;
        long id = Snowflake.parseLenient(MetaJson.text(node.get("id")));
        return id == -1 ? null : new MessageRef(id, MetaJson.text(node.get("timestamp")));
    }

    /** Whether the archiver says this channel was not archived completely. */
    public boolean failed() {
        return Boolean.FALSE.equals(completed) || error != null;
    }
}

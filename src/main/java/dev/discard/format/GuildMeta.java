package dev.discard.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code guild.meta.json} says. Immutable. Note: Python Discard 0.1 wrote as {@code num_messages} the count of
 * the guild's last channel only.
 *
 * @param file the meta file
 * @param id the guild id
 * @param name the guild name
 * @param numChannels {@code summary.num_channels}, null when absent
 * @param numMessages {@code summary.num_messages}, null when absent
 * @param numThreads {@code summary.num_threads} (threads have meta files of their own), 0 when absent
 * @param skipped {@code channels_skipped}: the channels the run could not read and why; empty when absent
 */
public record GuildMeta(Path file, String id, String name, Long numChannels, Long numMessages, long numThreads,
        List<Skipped> skipped) {
    /** A channel the run could not read: its id and the reason the run recorded. */
    public record Skipped(String id, String name, String reason) {}


    public static final String FILE_NAME = RunFiles.GUILD_META;

    public static GuildMeta read(Path file, ObjectMapper mapper) throws MetaFileException {
        JsonNode root = MetaJson.read(file, mapper);
        JsonNode guild = root.path("guild");
        JsonNode summary = root.path("summary");
        return new GuildMeta(file, MetaJson.text(guild.get("id")), MetaJson.text(guild.get("name")),
                MetaJson.number(summary.get("num_channels")), MetaJson.number(summary.get("num_messages")),
                summary.path("num_threads").asLong(0), skipped(root.path("channels_skipped")));
    }

    private static List<Skipped> skipped(JsonNode list) {
        List<Skipped> out = new ArrayList<>();
        for (JsonNode s : list) {
            String id = MetaJson.text(s.get("id"));
            if (id != null) out.add(new Skipped(id, MetaJson.text(s.get("name")), MetaJson.text(s.get("reason"))));
        }
        return List.copyOf(out);
    }
}

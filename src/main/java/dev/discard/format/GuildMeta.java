package dev.discard.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;

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
 */
public record GuildMeta(Path file, String id, String name, Long numChannels, Long numMessages, long numThreads) {
    public static final String FILE_NAME = RunFiles.GUILD_META;

    public static GuildMeta read(Path file, ObjectMapper mapper) throws MetaFileException {
        JsonNode root = MetaJson.read(file, mapper);
        JsonNode guild = root.path("guild");
        JsonNode summary = root.path("summary");
        return new GuildMeta(file, MetaJson.text(guild.get("id")), MetaJson.text(guild.get("name")),
                MetaJson.number(summary.get("num_channels")), MetaJson.number(summary.get("num_messages")),
                summary.path("num_threads").asLong(0));
    }
}

package dev.discard.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.discord.MessagePages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The messages of an archive run directory (DESIGN.md), read back for {@code discard media --from-archive}: the channel
 * logs {@code <guild>/<channel>.jsonl[.gz]} and the history pages in them, one line at a time. A minimal private
 * reader, to be replaced by the shared streaming reader ({@code dev.discard.read}) once it exists.
 *
 * <p>A history page is an {@code http} record of {@code GET …/channels/{id}/messages} whose {@code response.data} is
 * an array; records of older archives without {@code status} count as answered.
 */
final class ArchivedMessages {
    private static final Pattern LOG = Pattern.compile("(\\d{1,19})\\.jsonl(\\.gz)?");
    private static final Pattern HISTORY = Pattern.compile(".*/channels/(\\d+)/messages");

    private final ObjectMapper mapper;

    ArchivedMessages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * A channel log of the run. Immutable.
     *
     * @param name the channel's name from its meta file, or null
     */
    record ChannelLog(Path file, long channelId, String name) {
        String describe() {
            return (name != null ? name + " (" + channelId + ")" : Long.toString(channelId));
        }
    }

    /** The channel logs in the run directory, by channel id. */
    List<ChannelLog> channels(Path runDir) throws IOException {
        if (!Files.isDirectory(runDir)) throw new IOException("not an archive run directory: " + runDir);
        List<ChannelLog> logs = new ArrayList<>();
        try (Stream<Path> guilds = Files.list(runDir)) {
            for (Path guild : guilds.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(guild)) {
                    for (Path file : files.sorted().toList()) {
                        Matcher m = LOG.matcher(file.getFileName().toString());
                        if (!m.matches()) continue;
                        long id;
                        try {
                            id = Long.parseLong(m.group(1));
                        } catch (NumberFormatException e) {
                            continue;
                        }
                        logs.add(new ChannelLog(file, id, channelName(guild.resolve(id + ".meta.json"))));
                    }
                }
            }
        }
        logs.sort(Comparator.comparingLong(ChannelLog::channelId));
        return logs;
    }

    /** Hands each history page of the log, sorted by id and cut to {@code afterId < id < beforeId}, to the handler. */
    void read(ChannelLog log, long afterId, long beforeId, MessagePages.PageHandler handler)
            throws IOException, InterruptedException {
        try (InputStream raw = Files.newInputStream(log.file());
                InputStream in = log.file().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            long line = 0;
            for (String text; (text = reader.readLine()) != null; ) {
                line++;
                if (text.isBlank()) continue;
                JsonNode record;
                try {
                    record = mapper.readTree(text);
                } catch (IOException e) {
                    throw new IOException("not a JSON record (" + log.file() + " line " + line + ")", e);
                }
                JsonNode page = historyPage(record, log.channelId());
                if (page == null) continue;
                List<JsonNode> messages = new ArrayList<>();
                for (JsonNode message : page) {
                    long id = MessagePages.id(message);
                    if (id > afterId && id < beforeId) messages.add(message);
                }
                messages.sort(Comparator.comparingLong(MessagePages::id));
                if (!messages.isEmpty()) handler.page(messages);
            }
        }
    }

    /** The messages of a successful history request for this channel, or null for any other record. */
    private static JsonNode historyPage(JsonNode record, long channelId) {
        if (!"http".equals(record.path("type").asText())) return null;
        Matcher m = HISTORY.matcher(record.path("request").path("url").asText());
        if (!m.matches() || !m.group(1).equals(Long.toString(channelId))) return null;
        JsonNode response = record.path("response");
        JsonNode status = response.get("status");
        if (status != null && status.isNumber() && (status.intValue() < 200 || status.intValue() > 299)) return null;
        JsonNode data = response.get("data");
        return data != null && data.isArray() ? data : null;
    }

    private String channelName(Path meta) {
        if (!Files.isRegularFile(meta)) return null;
        try {
            JsonNode name = mapper.readTree(meta.toFile()).path("channel").path("name");
            return name.isTextual() ? name.textValue() : null;
        } catch (IOException e) {
            return null;
        }
    }
}

package dev.discard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * What the original Python Discard's {@code read} and {@code summary} (Sanqui/discard, {@code discard/reader.py}) do
 * with an archive, step by step, failing where they would crash. The Python tool cannot run here; this is the
 * contract our archives keep with it.
 */
public final class OriginalDiscard {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OriginalDiscard() {}

    /**
     * {@code read_chat(path)}: opens {@code <path>.meta.json}, reads {@code channel.id}; reads {@code <path>.jsonl.gz}
     * if it exists, else {@code <path>.jsonl}; for every record of type {@code http} whose {@code request.url} ends
     * in {@code /channels/<id>/messages} it iterates {@code response.data} in reverse as messages. Returns the ids of
     * the messages it prints, in order.
     *
     * @throws AssertionError where the original would raise
     */
    public static List<String> readChat(Path pathWithoutExtension) throws IOException {
        String base = pathWithoutExtension.toString();
        JsonNode meta = MAPPER.readTree(Path.of(base + ".meta.json").toFile());
        if (!meta.has("channel")) throw new AssertionError(base + ": ValueError: Not a channel log");
        String channelId = need(meta.get("channel"), "id", base + ".meta.json").asText();
        need(meta.get("channel"), "name", base + ".meta.json");
        Path gz = Path.of(base + ".jsonl.gz");
        Path file = Files.exists(gz) ? gz : Path.of(base + ".jsonl");
        List<String> printed = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int number = 0;
            while ((text = lines.readLine()) != null) {
                number++;
                String where = file + ":" + number;
                JsonNode line = MAPPER.readTree(text); // json.loads raises on anything that is not JSON
                if (!"http".equals(need(line, "type", where).asText())) continue;
                String url = need(need(line, "request", where), "url", where).asText();
                if (!url.endsWith("/channels/" + channelId + "/messages")) continue;
                JsonNode data = need(need(line, "response", where), "data", where);
                if (!data.isArray()) throw new AssertionError(where + ": TypeError: response.data is " + data.getNodeType());
                for (int i = data.size() - 1; i >= 0; i--) {
                    JsonNode message = data.get(i);
                    if (!message.isObject()) throw new AssertionError(where + ": a message that is not an object");
                    for (String key : List.of("id", "author", "content", "timestamp")) need(message, key, where);
                    printed.add(message.get("id").asText());
                }
            }
        }
        return printed;
    }

    /** Every channel log of {@code runDirectory} read as {@link #readChat} does; returns the messages printed. */
    public static List<String> readRun(Path runDirectory) throws IOException {
        List<String> printed = new ArrayList<>();
        for (Path meta : channelMetas(runDirectory)) {
            String name = meta.getFileName().toString();
            printed.addAll(readChat(meta.resolveSibling(name.substring(0, name.length() - ".meta.json".length()))));
        }
        return printed;
    }

    /**
     * {@code Summarize.parse_directory}: every folder without {@code run.meta.json} is walked into; a guild run that
     * completed, finished without errors counts, with its {@code after}/{@code before} swapped when
     * {@code client.version < '0.3.3'} as strings; every folder inside it must hold a {@code guild.meta.json}, and
     * every other {@code .meta.json} there must have {@code channel.id}.
     *
     * @return the runs it counts, each with the (after, before) it reads
     */
    public static List<Range> summary(Path directory) throws IOException {
        List<Range> runs = new ArrayList<>();
        walk(directory, runs);
        return runs;
    }

    /** A run as the original summary reads it; after is {@code 0000-00-00T00:00:00} for "from the beginning". */
    public record Range(Path run, String after, String before, List<String> channels) {}

    private static void walk(Path directory, List<Range> runs) throws IOException {
        if (Files.exists(directory.resolve("run.meta.json"))) {
            parseRun(directory, runs);
            return;
        }
        for (Path sub : list(directory)) {
            if (!Files.isRegularFile(sub)) walk(sub, runs);
        }
    }

    private static void parseRun(Path run, List<Range> runs) throws IOException {
        JsonNode meta = MAPPER.readTree(run.resolve("run.meta.json").toFile());
        String where = run.resolve("run.meta.json").toString();
        JsonNode settings = need(meta, "settings", where);
        if (!"guild".equals(need(settings, "mode", where).asText())) return;
        JsonNode r = need(meta, "run", where);
        if (!need(r, "completed", where).asBoolean() || !need(r, "finished", where).asBoolean()
                || truthy(need(r, "errors", where))) {
            return;
        }
        JsonNode after = need(settings, "after", where);
        JsonNode before = need(settings, "before", where);
        if (need(need(meta, "client", where), "version", where).asText().compareTo("0.3.3") < 0) {
            JsonNode swap = after;
            after = before;
            before = swap;
        }
        String runAfter = truthy(after) ? after.asText() : "0000-00-00T00:00:00";
        String runBefore = truthy(before) ? before.asText() : need(r, "datetime_start", where).asText();
        List<String> channels = new ArrayList<>();
        for (Path sub : list(run)) {
            if (Files.isRegularFile(sub)) continue;
            Path guildMeta = sub.resolve("guild.meta.json");
            if (!Files.exists(guildMeta)) throw new AssertionError("FileNotFoundError: " + guildMeta);
            JsonNode guild = need(MAPPER.readTree(guildMeta.toFile()), "guild", guildMeta.toString());
            need(guild, "id", guildMeta.toString());
            need(guild, "name", guildMeta.toString());
            for (Path file : list(sub)) {
                String name = file.getFileName().toString();
                if (name.startsWith("guild") || !name.endsWith(".meta.json")) continue;
                JsonNode channel = need(MAPPER.readTree(file.toFile()), "channel", file.toString());
                channels.add(need(channel, "id", file.toString()).asText());
                need(channel, "name", file.toString());
            }
        }
        runs.add(new Range(run, runAfter, runBefore, channels));
    }

    private static List<Path> channelMetas(Path run) throws IOException {
        List<Path> metas = new ArrayList<>();
        for (Path sub : list(run)) {
            if (Files.isRegularFile(sub)) continue;
            for (Path file : list(sub)) {
                String name = file.getFileName().toString();
                if (!name.startsWith("guild") && name.endsWith(".meta.json")) metas.add(file);
            }
        }
        return metas;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }

    /** Python's truth: null, false, 0, "" and empty containers are false. */
    private static boolean truthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) return false;
        if (value.isBoolean()) return value.asBoolean();
        if (value.isNumber()) return value.asDouble() != 0;
        if (value.isTextual()) return !value.asText().isEmpty();
        return value.size() > 0;
    }

    private static JsonNode need(JsonNode node, String key, String where) {
        if (node == null || !node.isObject() || !node.has(key)) {
            throw new AssertionError(where + ": KeyError: '" + key + "' (the original Discard would crash)");
        }
        return node.get(key);
    }
}

package dev.discard.read;

import dev.discard.format.Snowflake;
import dev.discard.format.Timestamps;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Builds archive files in code, in the Java archiver's format (DESIGN.md) or the Python Discard's. */
public final class TestArchive {
    public static final String CHANNEL = "805808489695150183";
    public static final String GUILD = "805808489695150180";

    private TestArchive() {}

    /** The snowflake of a UTC time such as {@code 2021-02-01T14:35:33Z}, plus a sequence number. */
    public static long id(String time, int sequence) {
        return Snowflake.of(Instant.parse(time)) + sequence;
    }

    /** Messages numbered {@code from..to} (ids {@code base + n << 22}), newest first as Discord answers. */
    public static List<String> newestFirst(long base, int from, int to) {
        List<String> list = new ArrayList<>();
        for (int n = to; n >= from; n--) list.add(message(base + ((long) n << 22), "message " + n));
        return list;
    }

    /** A plain message by {@code Sanqui#3248}, timestamp taken from the id. */
    public static String message(long id, String content) {
        return message(id, 0, content, "");
    }

    /** A message; {@code extra} is spliced in as further keys (starting with a comma) or empty. */
    public static String message(long id, int type, String content, String extra) {
        String time = Timestamps.isoCompact(Snowflake.instantOf(id)).replace("+00:00", "").replaceAll("\\.\\d+$", "");
        String millis = String.format("%03d", Snowflake.instantOf(id).toEpochMilli() % 1000);
        return "{\"id\":\"" + id + "\",\"type\":" + type + ",\"content\":" + json(content) + ",\"channel_id\":\""
                + CHANNEL + "\",\"author\":{\"id\":\"83101988983668736\",\"username\":\"Sanqui\","
                + "\"discriminator\":\"3248\",\"global_name\":null},\"attachments\":[],\"embeds\":[],"
                + "\"mentions\":[],\"timestamp\":\"" + time + "." + millis + "000+00:00\",\"edited_timestamp\":null"
                + extra + "}";
    }

    /** Java format: status and headers, API v10. */
    public static String page(long after, List<String> messages) {
        return page(CHANNEL, after, messages, 200);
    }

    public static String page(String channel, long after, List<String> messages, Integer status) {
        String response = status == null ? "{\"data\":[" + String.join(",", messages) + "]}"
                : "{\"status\":" + status + ",\"headers\":{\"content-type\":\"application/json\"},\"data\":["
                        + String.join(",", messages) + "]}";
        return "{\"type\":\"http\",\"datetime_start\":\"2024-01-01T00:00:01.000000+00:00\","
                + "\"datetime_end\":\"2024-01-01T00:00:01.100000+00:00\",\"request\":{\"method\":\"GET\","
                + "\"url\":\"https://discord.com/api/" + (status == null ? "v8" : "v10") + "/channels/" + channel
                + "/messages\",\"params\":{\"limit\":100,\"after\":" + after + "}},\"response\":" + response + "}";
    }

    /** Python Discard format: no status, API v8, ", "-separated. */
    public static String pythonPage(long after, List<String> messages) {
        return page(CHANNEL, after, messages, null).replace(",\"", ", \"").replace(":", ": ")
                .replace("https: //", "https://");
    }

    /** A failed attempt: 429 with a JSON body that is not a page. */
    public static String rateLimited(long after) {
        return "{\"type\":\"http\",\"datetime_start\":\"2024-01-01T00:00:01+00:00\",\"datetime_end\":"
                + "\"2024-01-01T00:00:01+00:00\",\"request\":{\"method\":\"GET\",\"url\":\"https://discord.com/api/v10/"
                + "channels/" + CHANNEL + "/messages\",\"params\":{\"limit\":100,\"after\":" + after + "}},"
                + "\"response\":{\"status\":429,\"headers\":{},\"data\":{\"message\":\"You are being rate limited.\","
                + "\"retry_after\":0.5,\"global\":false}}}";
    }

    /** Reaction users of a message: GET …/reactions/{emoji} (Unicode emoji percent-encoded). */
    public static String reactionUsers(long message, String encodedEmoji, Integer type, long after, long... users) {
        List<String> list = new ArrayList<>();
        for (long u : users) list.add("{\"id\":\"" + u + "\",\"username\":\"u" + u + "\"}");
        return "{\"type\":\"http\",\"datetime_start\":\"2024-01-01T00:00:02+00:00\",\"datetime_end\":"
                + "\"2024-01-01T00:00:02+00:00\",\"request\":{\"method\":\"GET\",\"url\":\"https://discord.com/api/v10/"
                + "channels/" + CHANNEL + "/messages/" + message + "/reactions/" + encodedEmoji + "\",\"params\":"
                + "{\"limit\":100,\"after\":" + after + (type == null ? "" : ",\"type\":" + type) + "}},"
                + "\"response\":{\"status\":200,\"headers\":{},\"data\":[" + String.join(",", list) + "]}}";
    }

    public static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Writes lines, each ended by a newline; gzip when the name ends in {@code .gz}. */
    public static Path write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        if (file.getFileName().toString().endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }
        } else {
            Files.write(file, bytes);
        }
        return file;
    }

    /** The Java archiver's run.meta.json; times ISO with offset or null. */
    public static String runMeta(String start, String after, String before, boolean completed) {
        return "{\n  \"client\": {\"name\": \"discard\", \"version\": \"1.0.0\", \"implementation\": \"java\"},\n"
                + "  \"command\": [\"discard\", \"guild\", \"" + GUILD + "\"],\n"
                + "  \"settings\": {\"mode\": \"guild\", \"token\": null, \"is_user_account\": false,"
                + " \"output_dir\": \"out\", \"after\": " + q(after) + ", \"before\": " + q(before)
                + ", \"no_scrub\": false, \"gzip\": false, \"api_url\": \"https://discord.com/api/v10\"},\n"
                + "  \"run\": {\"datetime_start\": " + q(start) + ", \"datetime_end\": " + q(start)
                + ", \"run_directory\": \"x\", \"ident\": \"abcdefghijklmnopqrstuvwx\", \"completed\": " + completed
                + ", \"finished\": true, \"errors\": " + !completed + ", \"exception\": "
                + (completed ? "null" : "\"DiscordException: 500 Internal Server Error\"") + ", \"traceback\": null},\n"
                + "  \"summary\": {},\n"
                + "  \"user\": {\"id\": 1, \"name\": \"bot\", \"discriminator\": \"0\", \"bot\": true}\n}\n";
    }

    public static String channelMeta(String id, String name, long count, Long oldest, Long newest) {
        return "{\n  \"channel\": {\"id\": " + id + ", \"name\": \"" + name + "\", \"type\": \"text\", \"guild_id\": "
                + GUILD + "},\n  \"summary\": {\"num_messages\": " + count + ", \"oldest_message\": " + ref(oldest)
                + ", \"newest_message\": " + ref(newest) + "}\n}\n";
    }

    private static String ref(Long id) {
        return id == null ? "null" : "{\"id\": " + id + ", \"timestamp\": \"" + Timestamps.isoCompact(Snowflake.instantOf(id))
                + "\"}";
    }

    private static String q(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}

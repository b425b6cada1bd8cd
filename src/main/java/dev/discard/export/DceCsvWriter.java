package dev.discard.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.format.Timestamps;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * One channel's file in DiscordChatExporter's CSV: the header {@code AuthorID,Author,Date,Content,Attachments,
 * Reactions}, then a row per message, every field quoted with quotes doubled, rows ended by CRLF (RFC 4180, as
 * spreadsheets expect). Date is .NET's round-trip form in UTC ({@code 2021-02-01T12:00:00.0000000+00:00}),
 * Attachments the files' links joined by commas, Reactions {@code emoji (count)} joined by commas.
 *
 * <p>With {@code --history} a seventh column, {@code Discard}, says {@code deleted} for a deleted message and
 * {@code earlier version} for each earlier version of an edited message, written as its own row before the message.
 */
final class DceCsvWriter implements ChatWriter {
    private static final DateTimeFormatter ROUND_TRIP = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'+00:00'").withZone(ZoneOffset.UTC);

    private final Writer out;
    private final DceContext context;
    private final boolean history;

    DceCsvWriter(DceContext context, Path file, boolean history) throws IOException {
        this.context = context;
        this.history = history;
        context.writing(file);
        out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 16);
        out.write("AuthorID,Author,Date,Content,Attachments,Reactions" + (history ? ",Discard" : "") + "\r\n");
    }

    @Override
    public void message(ChatMessage message) throws IOException, SQLException {
        JsonNode m = message.json();
        for (ChatHistory.Version v : message.versions()) {
            JsonNode json = v.json().isObject() && v.json().has("author") ? v.json() : m;
            row(json, message.storedId(), v.content() == null ? "" : v.content(), "earlier version");
        }
        row(m, message.storedId(), null, message.deletion() != null ? "deleted" : "");
    }

    private void row(JsonNode m, String storedId, String content, String state) throws IOException, SQLException {
        JsonNode author = m.path("author");
        int type = m.path("type").asInt(0);
        field(author.path("id").asText(""));
        out.write(',');
        field(DceFormat.fullName(author.path("username").asText(""), author.path("discriminator").asText(null)));
        out.write(',');
        field(date(m.path("timestamp").asText(null)));
        out.write(',');
        field(content != null ? content : DceFormat.isSystemNotification(type)
                ? DceFormat.fallbackContent(type, m.path("content").asText(""), null, false, null)
                : m.path("content").asText(""));
        out.write(',');
        StringBuilder attachments = new StringBuilder();
        JsonNode list = m.path("attachments");
        Map<String, String> files = list.isArray() && !list.isEmpty() ? context.attachmentFiles(storedId) : Map.of();
        for (JsonNode a : list) {
            if (attachments.length() > 0) attachments.append(',');
            attachments.append(context.url(files.get(a.path("id").asText()), a.path("url").asText("")));
        }
        field(attachments.toString());
        out.write(',');
        StringBuilder reactions = new StringBuilder();
        for (JsonNode r : m.path("reactions")) {
            if (reactions.length() > 0) reactions.append(',');
            String name = r.path("emoji").path("name").asText("");
            reactions.append(name.isBlank() ? "Unknown Emoji" : name).append(" (").append(r.path("count").asLong())
                    .append(')');
        }
        field(reactions.toString());
        if (history) {
            out.write(',');
            field(state);
        }
        out.write("\r\n");
    }

    private static String date(String timestamp) {
        if (timestamp == null) return "";
        try {
            Instant instant = Timestamps.parse(timestamp);
            return ROUND_TRIP.format(instant);
        } catch (RuntimeException e) {
            return timestamp;
        }
    }

    private void field(String value) throws IOException {
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    @Override
    public void finish(long messages) {}

    @Override
    public void close() throws IOException {
        out.close();
    }
}

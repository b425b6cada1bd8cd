package dev.discard.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.format.Json;
import dev.discard.testing.JsonDamage;
import dev.discard.format.JsonCursor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Records and message pages read with the byte cursor must come out as Jackson reads them: the same envelope, the
 * same messages with the same fields and lines, the same damage, and for a line that is not a record the same error.
 * Thousands of generated lines, with every type each read field may have, escapes, non-ASCII, odd whitespace, and
 * damage, are read both ways, for ids only, with details, and to be printed.
 */
class CursorRecordsAgreeWithJacksonTest {
    private static final Path FILE = Path.of("c.jsonl");
    private static final RecordParser PARSER = new RecordParser(Json.newMapper());
    private static final String[] WORDS = {"hello", "a b", "ž", "😀", "\\n", "line\\r\\nnext", "\\\"", "\\u00e9",
        "\\ud83d\\ude00", "\\/", "\\\\", "\\t", "", "https://x.test/a", "\\u0000", "0", "#", "…"};
    private static final String[] SCALARS = {"null", "true", "false", "0", "-1", "12", "1.5", "-0.0", "1e3", "2E-2",
        "12345678901234567890", "123456789012345678", "2147483648", "-2147483648", "\"12\"", "\"x\"", "\"\"", "{}",
        "[]", "{\"a\":1}", "[1,[2]]", "-0", "\"\\u0031\""};
    private static final String[] TIMESTAMPS = {"2021-02-01T14:35:33.216000+00:00", "2021-02-01T14:35:33+00:00",
        "2021-02-01T14:35:33.000000+00:00", "2021-02-01T14:35:33.5+00:00", "2021-02-01T14:35:33.000+00:00",
        "2021-02-01T14:35:33.216Z", "2021-02-01T16:35:33.216+02:00", "2021-02-01 14:35:33", "yesterday",
        "2021-02-01T14:35:33.21é+00:00", "2021-02-01T14:35:33.2160000+00:00", "\\u0032021-02-01T14:35:33+00:00",
        "abcd-ef-ghTij:kl:mn.op+00:00", ""};

    private final MessagePageParser[] visitors = {
        new MessagePageParser(null, false, Json.newMapper()),
        new MessagePageParser(null, true, Json.newMapper()),
        new MessagePageParser(null, true, new MessageRenderer(), Json.newMapper()),
        new MessagePageParser("555", true, new MessageRenderer(), Json.newMapper())};

    @Test
    void generatedRecordsReadAlikeBothWays() {
        Random random = new Random(18);
        int byCursor = 0;
        int lines = 3_000;
        for (int n = 0; n < lines; n++) {
            byte[] line = record(random).getBytes(StandardCharsets.UTF_8);
            MessagePageParser visitor = visitors[n % visitors.length];
            String jackson = readWithJackson(line, visitor);
            assertEquals(jackson, read(line, visitor), new String(line, StandardCharsets.UTF_8));
            if (readByCursor(line, visitor)) byCursor++;
        }
        // The generator mostly writes what archives hold: most lines must have been read without Jackson.
        assertTrue(byCursor > lines / 2, "lines the cursor read itself: " + byCursor);
    }

    @Test
    void damagedLinesReadAlikeBothWays() {
        Random random = new Random(1818);
        for (int n = 0; n < 12_000; n++) {
            byte[] line = JsonDamage.damage(record(random).getBytes(StandardCharsets.UTF_8), random);
            MessagePageParser visitor = visitors[n % visitors.length];
            assertEquals(readWithJackson(line, visitor), read(line, visitor),
                    new String(line, StandardCharsets.ISO_8859_1));
        }
    }

    private static boolean readByCursor(byte[] line, MessagePageParser visitor) {
        try {
            CursorRecordParser.parse(FILE, 1, 0, line, Json.newMapper(), visitor);
            return true;
        } catch (JsonCursor.Unreadable e) {
            return false;
        }
    }

    private static String read(byte[] line, MessagePageParser visitor) {
        try {
            return describe(PARSER.parse(FILE, 1, 0, line, visitor), visitor, false);
        } catch (Exception e) {
            return "error " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static String readWithJackson(byte[] line, MessagePageParser visitor) {
        try {
            return describe(PARSER.parseWithJackson(FILE, 1, 0, line, visitor), visitor, true);
        } catch (Exception e) {
            return "error " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** Everything a reader can see of the record, and the page as the channel reader takes it. */
    private static String describe(ArchiveRecord r, MessagePageParser visitor, boolean jackson) throws Exception {
        StringBuilder b = new StringBuilder();
        b.append(r.type()).append('|').append(r.datetime()).append('|').append(r.datetimeStart()).append('|')
                .append(r.datetimeEnd()).append('|').append(r.direction()).append('|').append(r.method()).append('|')
                .append(r.url()).append('|').append(new ArrayList<>(r.params().entrySet())).append('|')
                .append(r.hasRequest()).append('|').append(r.hasResponse()).append('|').append(r.status()).append('|')
                .append(new ArrayList<>(r.headers().entrySet())).append('|').append(r.bodyBase64()).append('|')
                .append(r.text()).append('|').append(r.error()).append('|').append(r.scrubbed()).append('|')
                .append(r.dataStart).append('-').append(r.dataEnd).append('|')
                .append(r.visited == null ? "not visited" : describe((MessagePageParser.Page) r.visited));
        if (visitor.isPageRequest(r) && r.isSuccess()) {
            b.append("\npage: ").append(describe(jackson && r.visited == null && r.hasData()
                    ? visitor.pageWithJackson(r) : visitor.page(r)));
        }
        return b.toString();
    }

    private static String describe(MessagePageParser.Page page) {
        StringBuilder b = new StringBuilder().append(page.damage());
        for (Message m : page.messages()) {
            b.append("\n  ").append(Long.toUnsignedString(m.id())).append(' ').append(m.start()).append('-')
                    .append(m.end()).append(' ').append(m.fields()).append(' ')
                    .append(m.text() == null ? null : new String(m.text(), StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static String record(Random r) {
        List<String> fields = new ArrayList<>();
        if (r.nextInt(10) > 0) {
            fields.add(pair(r, "type", r.nextInt(8) > 0 ? (r.nextBoolean() ? "\"http\"" : "\"http_attempt\"")
                    : r.nextInt(3) == 0 ? "\"ws\"" : scalar(r)));
        }
        fields.add(pair(r, "datetime_start", r.nextInt(8) > 0 ? "\"2024-01-01T00:00:01.000000+00:00\"" : scalar(r)));
        if (r.nextInt(4) == 0) fields.add(pair(r, "datetime", r.nextInt(3) > 0 ? text(r) : scalar(r)));
        if (r.nextInt(4) > 0) fields.add(pair(r, "datetime_end", r.nextInt(6) > 0 ? text(r) : scalar(r)));
        if (r.nextInt(6) == 0) fields.add(pair(r, "direction", r.nextInt(3) > 0 ? "\"recv\"" : scalar(r)));
        if (r.nextInt(10) == 0) fields.add(pair(r, "scrubbed", scalar(r)));
        if (r.nextInt(10) == 0) fields.add(pair(r, "error", r.nextInt(3) > 0 ? text(r) : scalar(r)));
        if (r.nextInt(10) > 0) fields.add(pair(r, "request", r.nextInt(12) > 0 ? request(r) : scalar(r)));
        if (r.nextInt(10) > 0) fields.add(pair(r, "response", r.nextInt(12) > 0 ? response(r) : scalar(r)));
        if (r.nextInt(8) == 0) fields.add(pair(r, "data", r.nextBoolean() ? page(r) : scalar(r)));
        if (r.nextInt(8) == 0) fields.add(pair(r, r.nextBoolean() ? "\\u0074ype" : "extra", scalar(r)));
        if (r.nextInt(10) == 0) Collections.shuffle(fields, r);
        return space(r) + "{" + String.join(",", fields) + "}" + space(r);
    }

    private static String request(Random r) {
        List<String> fields = new ArrayList<>();
        fields.add(pair(r, "method", r.nextInt(8) > 0 ? "\"GET\"" : r.nextBoolean() ? "\"POST\"" : scalar(r)));
        String channel = r.nextInt(4) > 0 ? "555" : "556";
        fields.add(pair(r, "url", r.nextInt(10) > 0 ? "\"https://discord.com/api/v10/channels/" + channel
                + "/messages\"" : r.nextBoolean() ? "\"https:\\/\\/x.test\\/channels\\/555\\/messages\"" : scalar(r)));
        if (r.nextInt(5) > 0) {
            List<String> params = new ArrayList<>();
            int count = r.nextInt(4);
            for (int k = 0; k < count; k++) {
                String[] names = {"limit", "after", "before", "li\\u006dit", "ž"};
                params.add(pair(r, names[r.nextInt(names.length)], r.nextBoolean() ? Integer.toString(r.nextInt(200))
                        : scalar(r)));
            }
            fields.add(pair(r, "params", r.nextInt(8) > 0 ? "{" + String.join(",", params) + "}" : scalar(r)));
        }
        return "{" + String.join(",", fields) + "}";
    }

    private static String response(Random r) {
        List<String> fields = new ArrayList<>();
        if (r.nextInt(6) > 0) fields.add(pair(r, "status", r.nextInt(6) > 0 ? "200" : scalar(r)));
        fields.add(pair(r, "headers", r.nextInt(8) > 0 ? "{\"content-type\":\"application/json\","
                + "\"x-ratelimit-remaining\":\"4\",\"via\":\"1.1 \\u0067oogle\",\"retry-after\":" + scalar(r) + "}"
                : scalar(r)));
        if (r.nextInt(8) == 0) fields.add(pair(r, "body_base64", r.nextBoolean() ? "\"/w==\"" : scalar(r)));
        if (r.nextInt(8) == 0) fields.add(pair(r, "text", r.nextBoolean() ? text(r) : scalar(r)));
        if (r.nextInt(10) > 0) fields.add(pair(r, "data", r.nextInt(10) > 0 ? page(r) : scalar(r)));
        if (r.nextInt(10) == 0) Collections.shuffle(fields, r);
        return "{" + String.join(",", fields) + "}";
    }

    private static String page(Random r) {
        StringBuilder b = new StringBuilder("[");
        int messages = r.nextInt(5);
        for (int m = 0; m < messages; m++) {
            if (m > 0) b.append(',').append(space(r));
            if (r.nextInt(30) == 0) b.append(scalar(r));
            else message(r, b);
        }
        return b.append(space(r)).append(']').toString();
    }

    private static void message(Random r, StringBuilder b) {
        String[] names = {"type", "content", "timestamp", "edited_timestamp", "author", "attachments", "embeds",
            "message_reference", "sticker_items", "stickers", "mentions", "interaction_metadata", "interaction",
            "call", "poll", "channel_id", "pinned", "components"};
        List<String> fields = new ArrayList<>();
        fields.add(pair(r, "id", r.nextInt(8) > 0 ? "\"" + Long.toUnsignedString(r.nextLong() >>> r.nextInt(64)) + "\""
                : r.nextBoolean() ? scalar(r) : "\"" + WORDS[r.nextInt(WORDS.length)] + "\""));
        if (r.nextInt(4) > 0) fields.add(pair(r, "content", r.nextInt(12) > 0 ? text(r) : scalar(r)));
        if (r.nextInt(6) > 0) fields.add(pair(r, "timestamp", r.nextInt(12) > 0
                ? "\"" + TIMESTAMPS[r.nextInt(TIMESTAMPS.length)] + "\"" : scalar(r)));
        if (r.nextInt(6) > 0) fields.add(pair(r, "author", r.nextInt(12) > 0 ? user(r) : scalar(r)));
        if (r.nextInt(2) > 0) {
            String[] types = {"0", "0", "19", "20", "7", "6", "3"};
            fields.add(pair(r, "type", r.nextInt(12) > 0 ? types[r.nextInt(types.length)] : scalar(r)));
        }
        int more = r.nextInt(4);
        for (int k = 0; k < more; k++) {
            String name = names[r.nextInt(names.length)];
            fields.add(pair(r, name, r.nextInt(10) == 0 ? scalar(r) : value(r, name)));
        }
        if (r.nextInt(3) == 0) Collections.shuffle(fields, r);
        b.append('{').append(String.join(",", fields)).append('}');
    }

    private static String value(Random r, String name) {
        return switch (name) {
            case "content", "edited_timestamp" -> text(r);
            case "timestamp" -> "\"" + TIMESTAMPS[r.nextInt(TIMESTAMPS.length)] + "\"";
            case "author" -> user(r);
            case "mentions" -> array(r, () -> user(r));
            case "attachments" -> array(r, () -> object(r, "url", "filename", "size"));
            case "embeds" -> array(r, () -> "{" + pair(r, "title", text(r)) + "," + pair(r, "url", text(r))
                    + (r.nextBoolean() ? "," + pair(r, "description", text(r)) : "") + ","
                    + pair(r, r.nextBoolean() ? "provider" : "author", object(r, "name")) + "}");
            case "message_reference" -> object(r, "message_id", "channel_id");
            case "sticker_items", "stickers" -> array(r, () -> object(r, "name", "id"));
            case "interaction_metadata", "interaction" -> object(r, "name", "id");
            case "call" -> object(r, "ended_timestamp", "participants");
            case "poll" -> "{" + pair(r, "question", object(r, "text")) + "}";
            case "type" -> Integer.toString(r.nextInt(30));
            default -> r.nextBoolean() ? "\"" + r.nextInt(1000) + "\"" : "[{\"type\":1,\"components\":[]}]";
        };
    }

    private static String user(Random r) {
        String[] discriminators = {"\"0\"", "\"0\"", "\"1234\"", "\"\"", "null", "\"00\"", "0"};
        List<String> fields = new ArrayList<>();
        if (r.nextInt(6) > 0) fields.add(pair(r, "username", r.nextInt(12) > 0 ? text(r) : scalar(r)));
        if (r.nextInt(4) > 0) fields.add(pair(r, "discriminator", discriminators[r.nextInt(discriminators.length)]));
        if (r.nextInt(3) > 0) fields.add(pair(r, "global_name", r.nextInt(12) > 0 ? text(r) : scalar(r)));
        fields.add(pair(r, "id", "\"80\""));
        if (r.nextBoolean()) Collections.shuffle(fields, r);
        return "{" + String.join(",", fields) + "}";
    }

    /** An object with some of these fields, each a text or now and then another value. */
    private static String object(Random r, String... names) {
        List<String> fields = new ArrayList<>();
        for (String name : names) {
            if (r.nextInt(5) > 0) fields.add(pair(r, name, r.nextInt(6) > 0 ? text(r) : scalar(r)));
        }
        if (r.nextInt(10) == 0 && !fields.isEmpty()) fields.add(fields.get(0)); // a name twice: the last one counts
        return "{" + String.join(",", fields) + "}";
    }

    private static String array(Random r, Supplier<String> element) {
        List<String> elements = new ArrayList<>();
        int count = r.nextInt(3);
        for (int k = 0; k < count; k++) elements.add(r.nextInt(8) > 0 ? element.get() : scalar(r));
        return "[" + String.join("," + space(r), elements) + "]";
    }

    private static String pair(Random r, String name, String value) {
        return space(r) + "\"" + name + "\"" + space(r) + ":" + space(r) + value + space(r);
    }

    private static String text(Random r) {
        StringBuilder s = new StringBuilder("\"");
        int n = r.nextInt(4);
        for (int w = 0; w < n; w++) s.append(w > 0 && r.nextBoolean() ? " " : "").append(WORDS[r.nextInt(WORDS.length)]);
        return s.append('"').toString();
    }

    private static String scalar(Random r) {
        return SCALARS[r.nextInt(SCALARS.length)];
    }

    private static String space(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> " ";
            case 1 -> "\t";
            case 2 -> "\r\n ";
            default -> "";
        };
    }
}

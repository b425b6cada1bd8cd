package dev.discard.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.discard.format.Json;
import dev.discard.testing.JsonDamage;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte cursor must give what Jackson gives: the same verdict on whether a body is JSON, and the same values read
 * from message pages. Thousands of generated pages, with every type the read fields may have, escapes, non-ASCII,
 * odd whitespace, and damage, are scanned both ways.
 */
class CursorAgreesWithJacksonTest {
    private static final JsonScan SCAN = new JsonScan(Json.newMapper().getFactory());
    private static final String[] WORDS = {"hello", "discord.gg/abc", "ž", "😀", "\\n", "\\\"", "\\u00e9", "\\ud83d\\ude00",
        "\\ud800", "\\/", "\\\\", "\\t", "tab\\there", "a b", "", "\\u0000", "https://discord.gg/x", "a/b",
        "\\u002f", "ž/"};
    private static final String[] IDS = {"0", "007", "", "12a", "5", "18446744073709551615", "18446744073709551616",
        "123456789012345678", "\\u0031"};

    @Test
    void generatedPagesReadAlikeBothWays() {
        Random random = new Random(18);
        int fast = 0;
        for (int n = 0; n < 4_000; n++) {
            byte[] body = page(random).getBytes(StandardCharsets.UTF_8);
            MessagePageReader.Page jackson = SCAN.scanWithJackson(body, new MessagePageReader(null));
            MessagePageReader.Page cursor = SCAN.scan(body, new MessagePageReader(null));
            assertNotNull(jackson, new String(body, StandardCharsets.UTF_8));
            assertEquals(jackson, cursor, new String(body, StandardCharsets.UTF_8));
            if (readByCursor(body)) fast++;
        }
        // The generator mostly writes what Discord sends: most pages must have been read without Jackson.
        assertEquals(true, fast > 2_000, "pages the cursor read itself: " + fast);
    }

    @Test
    void damagedBodiesGetTheSameVerdictBothWays() {
        Random random = new Random(1818);
        for (int n = 0; n < 20_000; n++) {
            byte[] body = JsonDamage.damage(page(random).getBytes(StandardCharsets.UTF_8), random);
            String shown = new String(body, StandardCharsets.ISO_8859_1);
            assertEquals(SCAN.scanWithJackson(body, JsonScan.CHECK), SCAN.scan(body, JsonScan.CHECK), shown);
            assertEquals(SCAN.scanWithJackson(body, new MessagePageReader(null)),
                    SCAN.scan(body, new MessagePageReader(null)), shown);
        }
    }

    private static boolean readByCursor(byte[] body) {
        try {
            dev.discard.format.JsonCursor cursor = new dev.discard.format.JsonCursor(body);
            new MessagePageReader(null).read(cursor);
            cursor.end();
            return true;
        } catch (dev.discard.format.JsonCursor.Unreadable e) {
            return false;
        }
    }

    private static String page(Random r) {
        StringBuilder b = new StringBuilder("[");
        int messages = r.nextInt(4);
        for (int m = 0; m < messages; m++) {
            if (m > 0) b.append(',').append(space(r));
            if (r.nextInt(40) == 0) {
                b.append(r.nextBoolean() ? "\"stray\"" : "7");
                continue;
            }
            message(r, b);
        }
        return space(r) + b.append(space(r)).append(']').append(space(r));
    }

    private static void message(Random r, StringBuilder b) {
        b.append('{');
        String[] fields = {"id", "timestamp", "content", "embeds", "reactions", "author", "type", "pinned"};
        int count = 1 + r.nextInt(7);
        for (int f = 0; f < count; f++) {
            if (f > 0) b.append(',');
            String name = fields[r.nextInt(fields.length)];
            b.append(space(r)).append('"').append(name).append('"').append(space(r)).append(':').append(space(r));
            switch (name) {
                case "id" -> b.append(r.nextInt(6) == 0 ? scalar(r) : "\"" + (r.nextInt(4) == 0
                        ? IDS[r.nextInt(IDS.length)] : Long.toUnsignedString(r.nextLong() >>> r.nextInt(64))) + "\"");
                case "timestamp" -> b.append(r.nextInt(5) == 0 ? scalar(r) : "\"2024-01-0" + (1 + r.nextInt(9))
                        + "T00:00:00.000000+00:00\"");
                case "content" -> b.append(r.nextInt(6) == 0 ? scalar(r) : text(r));
                case "embeds" -> embeds(r, b);
                case "reactions" -> reactions(r, b);
                default -> b.append(r.nextInt(3) == 0 ? scalar(r) : "{\"id\":\"1\",\"nested\":[1,{\"a\":[]},\"x\"]}");
            }
            b.append(space(r));
        }
        b.append('}');
    }

    private static void embeds(Random r, StringBuilder b) {
        if (r.nextInt(6) == 0) {
            b.append(scalar(r));
            return;
        }
        b.append('[');
        int n = r.nextInt(3);
        for (int e = 0; e < n; e++) {
            if (e > 0) b.append(',');
            if (r.nextInt(5) == 0) b.append(scalar(r));
            else b.append("{\"title\":").append(text(r)).append(",\"url\":")
                    .append(r.nextInt(4) == 0 ? scalar(r) : "\"https://x.test/" + e + "\"").append('}');
        }
        b.append(']');
    }

    private static void reactions(Random r, StringBuilder b) {
        if (r.nextInt(6) == 0) {
            b.append(scalar(r));
            return;
        }
        b.append('[');
        int n = r.nextInt(3);
        for (int e = 0; e < n; e++) {
            if (e > 0) b.append(',');
            if (r.nextInt(6) == 0) {
                b.append(scalar(r));
                continue;
            }
            b.append("{\"emoji\":");
            b.append(r.nextInt(5) == 0 ? scalar(r) : "{\"id\":" + (r.nextBoolean() ? "null" : r.nextInt(4) == 0
                    ? scalar(r) : "\"55\"") + ",\"name\":" + (r.nextInt(4) == 0 ? scalar(r) : text(r)) + "}");
            b.append(",\"count\":").append(r.nextInt(3) == 0 ? scalar(r) : Integer.toString(r.nextInt(50)));
            if (r.nextBoolean()) {
                b.append(",\"count_details\":").append(r.nextInt(4) == 0 ? scalar(r)
                        : "{\"burst\":" + (r.nextInt(4) == 0 ? scalar(r) : r.nextInt(9)) + ",\"normal\":"
                                + (r.nextInt(4) == 0 ? scalar(r) : r.nextInt(9)) + "}");
            }
            b.append('}');
        }
        b.append(']');
    }

    private static String text(Random r) {
        StringBuilder s = new StringBuilder("\"");
        int n = r.nextInt(4);
        for (int w = 0; w < n; w++) s.append(WORDS[r.nextInt(WORDS.length)]);
        return s.append('"').toString();
    }

    private static String scalar(Random r) {
        String[] values = {"null", "true", "false", "0", "-1", "12", "1.5", "-0.0", "1e3", "2E-2",
            "12345678901234567890", "123456789012345678", "1234567890123456789", "\"12\"", "\"x\"", "{}", "[]",
            "{\"a\":1}", "[1,[2]]", "-0", "9223372036854775808"};
        return values[r.nextInt(values.length)];
    }

    private static String space(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> " ";
            case 1 -> "\n";
            case 2 -> "\r\n\t ";
            default -> "";
        };
    }
}

package dev.discard.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonParser;
import dev.discard.format.Json;
import dev.discard.format.JsonCursor;
import dev.discard.format.Snowflake;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Plain messages are printed from their bytes, exactly as {@link MessageRenderer} prints their fields. */
class MessageTextsTest {
    private static final String AUTHOR = "\"author\":{\"id\":\"80\",\"username\":\"sanqui\",\"global_name\":\"Sanqui\","
            + "\"discriminator\":\"0\"}";

    @Test
    void plainUserMessagesAreMadeFromTheirBytes() throws Exception {
        String[] plain = {
            message("\"content\":\"hello\"," + AUTHOR),
            message("\"content\":\"hello\"," + AUTHOR.replace("\"0\"", "\"3248\"")),
            message("\"content\":\"\"," + AUTHOR.replace("\"Sanqui\"", "null")),
            message("\"content\":\"ž 😀 …\"," + AUTHOR.replace("Sanqui", "Šárka")),
            message("\"content\":\"no author\""),
            message("\"content\":\"a\",\"author\":{\"discriminator\":\"7\"}"),
            message("\"content\":\"a\",\"author\":{}"),
            message("\"content\":\"a\",\"author\":{\"username\":\"\",\"global_name\":\"\"}"),
            message("\"content\":\"edited\",\"edited_timestamp\":\"2021-02-01T15:00:00+00:00\"," + AUTHOR),
            message("\"type\":19,\"content\":\"yes\",\"message_reference\":{\"message_id\":\"42\"}," + AUTHOR),
            message("\"type\":20,\"content\":null," + AUTHOR),
            message("\"content\":\"x\"," + AUTHOR).replace(".216000+", ".000000+"),
            message("\"content\":\"x\"," + AUTHOR).replace(".216000+", ".5+"),
        };
        for (String json : plain) {
            CursorMessageReader cursor = read(json);
            assertNotNull(cursor.line(), json);
            assertEquals(rendered(json), new String(cursor.line(), StandardCharsets.UTF_8), json);
            assertEquals(jackson(json).fields(), cursor.fields(), json);
        }
        assertEquals("[2021-02-01 14:35:33.216000] <sanqui#3248> hello",
                new String(read(plain[1]).line(), StandardCharsets.UTF_8));
        assertEquals("[2021-02-01 14:35:33.216000] <null#7> a", new String(read(plain[5]).line(),
                StandardCharsets.UTF_8));
    }

    @Test
    void otherMessagesAreLeftToTheRenderer() throws Exception {
        String[] other = {
            message("\"content\":\"two\\nlines\"," + AUTHOR),
            message("\"content\":\"\\u00e9\"," + AUTHOR),
            message("\"content\":12," + AUTHOR),
            message("\"content\":\"a\",\"author\":{\"username\":\"\\\"q\\\"\"}"),
            message("\"content\":\"a\",\"author\":{\"username\":\"u\",\"discriminator\":0}"),
            message("\"content\":\"a\"," + AUTHOR).replace("+00:00", "Z"),
            message("\"content\":\"a\"," + AUTHOR).replace(".216000+", "+"),
            message("\"content\":\"a\"," + AUTHOR).replace("\"timestamp\":\"2021-02-01T14:35:33.216000+00:00\",", ""),
            message("\"type\":7," + AUTHOR),
            message("\"content\":\"a\",\"embeds\":[{\"title\":\"t\"}]," + AUTHOR),
            message("\"content\":\"a\",\"attachments\":[{\"url\":\"https://x.test/a.png\"}]," + AUTHOR),
            message("\"content\":\"a\",\"sticker_items\":[{\"name\":\"wave\"}]," + AUTHOR),
            message("\"content\":\"a\",\"poll\":{\"question\":{\"text\":\"?\"}}," + AUTHOR),
            message("\"type\":20,\"content\":\"4\",\"interaction_metadata\":{\"name\":\"roll\"}," + AUTHOR),
            message("\"type\":19,\"content\":\"y\",\"message_reference\":{\"message_id\":\"4\\n2\"}," + AUTHOR),
        };
        for (String json : other) {
            CursorMessageReader cursor = read(json);
            assertNull(cursor.line(), json);
            assertEquals(jackson(json).fields(), cursor.fields(), json);
        }
    }

    @Test
    void idsAreReadAsUnsignedSnowflakes() throws Exception {
        String[] ids = {"9223372036854775808", "9999999999999999999", "18446744073709551614", "0", "007", "12a", "",
            "1\\u0032"};
        for (String id : ids) {
            byte[] bytes = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
            CursorMessageReader reader = new CursorMessageReader(false, bytes);
            reader.read(new JsonCursor(bytes));
            MessageReader jackson = new MessageReader(false);
            try (JsonParser p = Json.newMapper().getFactory().createParser(bytes)) {
                p.nextToken();
                jackson.read(p);
            }
            assertEquals(Snowflake.parseLenient(jackson.id), reader.id, id);
        }
    }

    private static String message(String fields) {
        return "{\"id\":\"805808489695150183\",\"timestamp\":\"2021-02-01T14:35:33.216000+00:00\"," + fields + "}";
    }

    private static CursorMessageReader read(String json) throws JsonCursor.Unreadable {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        CursorMessageReader reader = new CursorMessageReader(true, bytes);
        JsonCursor cursor = new JsonCursor(bytes);
        reader.read(cursor);
        cursor.end();
        assertEquals(805808489695150183L, reader.id);
        return reader;
    }

    private static MessageReader jackson(String json) throws Exception {
        MessageReader reader = new MessageReader(true);
        try (JsonParser p = Json.newMapper().getFactory().createParser(json.getBytes(StandardCharsets.UTF_8))) {
            p.nextToken();
            reader.read(p);
        }
        return reader;
    }

    private static String rendered(String json) throws Exception {
        return new MessageRenderer().render(json.getBytes(StandardCharsets.UTF_8), Json.newMapper().getFactory());
    }
}

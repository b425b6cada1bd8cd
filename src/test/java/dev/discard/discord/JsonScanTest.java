package dev.discard.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.Snowflake;
import dev.discard.format.StrictUtf8;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonScanTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonScan SCAN = new JsonScan(MAPPER.getFactory());

    private static boolean jdkStrict(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void utf8CheckAgreesWithTheJdkDecoderOnEdgesAndRandomBytes() {
        int[][] edges = {{0xC0, 0x80}, {0xC1, 0xBF}, {0xC2, 0x80}, {0xE0, 0x80, 0x80}, {0xE0, 0xA0, 0x80},
            {0xED, 0x9F, 0xBF}, {0xED, 0xA0, 0x80}, {0xEF, 0xBF, 0xBF}, {0xF0, 0x8F, 0xBF, 0xBF}, {0xF0, 0x90, 0x80, 0x80},
            {0xF4, 0x8F, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xE2, 0x82}, {0x80},
            {0xFF}, {0x41, 0xC3}, {0xC3, 0x41}};
        for (int[] edge : edges) {
            byte[] bytes = new byte[edge.length];
            for (int i = 0; i < edge.length; i++) bytes[i] = (byte) edge[i];
            assertEquals(jdkStrict(bytes), StrictUtf8.isValid(bytes), java.util.Arrays.toString(edge));
        }
        Random random = new Random(18);
        byte[] alphabet = {0x41, (byte) 0x80, (byte) 0xBF, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xED,
            (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0x90, (byte) 0xA0, (byte) 0x9F, (byte) 0x8F, (byte) 0xF5};
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = new byte[1 + random.nextInt(6)];
            for (int i = 0; i < bytes.length; i++) bytes[i] = alphabet[random.nextInt(alphabet.length)];
            assertEquals(jdkStrict(bytes), StrictUtf8.isValid(bytes), java.util.Arrays.toString(bytes));
        }
    }

    @Test
    void exactlyOneJsonValueInStrictUtf8() {
        assertEquals(Boolean.TRUE, SCAN.scan(utf8("[1, {\"a\": \"ž\"}]"), JsonScan.CHECK));
        assertEquals(Boolean.TRUE, SCAN.scan(utf8("\uFEFF{}\r\n"), JsonScan.CHECK));
        assertNull(SCAN.scan(utf8("[] []"), JsonScan.CHECK));
        assertNull(SCAN.scan(utf8("  "), JsonScan.CHECK));
        assertNull(SCAN.scan(utf8("{\"a\": 1"), JsonScan.CHECK));
        assertNull(SCAN.scan(utf8("\uFEFF\uFEFF{}"), JsonScan.CHECK));
        assertNull(SCAN.scan(new byte[] {'"', (byte) 0xC0, (byte) 0x80, '"'}, JsonScan.CHECK)); // overlong
        assertNull(SCAN.scan(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, JsonScan.CHECK));
        // Looks like UTF-16 to a parser that guesses encodings; as UTF-8 it starts with a NUL.
        assertNull(SCAN.scan(new byte[] {0, '[', 0, ']'}, JsonScan.CHECK));
    }

    @Test
    void saysWhetherABodyIsAllOnOneLine() {
        assertTrue(SCAN.scanBody(utf8("[1,2,\"a\\nb\"]"), JsonScan.CHECK).oneLine());
        assertEquals(false, SCAN.scanBody(utf8("[1,\n2]"), JsonScan.CHECK).oneLine());
        assertEquals(false, SCAN.scanBody(utf8("{}\r"), JsonScan.CHECK).oneLine());
        // Read by Jackson (a byte order mark): not looked at that closely.
        assertEquals(false, SCAN.scanBody(utf8("\uFEFF[1]"), JsonScan.CHECK).oneLine());
        assertEquals(false, SCAN.scanBody(utf8("[1"), JsonScan.CHECK).oneLine());
    }

    @Test
    void pageReaderReadsWhatATreeWouldAndSkipsTheRest() throws Exception {
        String body = "[{\"id\":\"30\",\"timestamp\":\"2024-01-01T00:00:00+00:00\",\"content\":\"see discord.gg/x\","
                + "\"author\":{\"id\":\"9\",\"content\":\"not this\"},\"embeds\":[{\"url\":\"https://a/1\"},{\"title\":1},5],"
                + "\"reactions\":[{\"emoji\":{\"id\":null,\"name\":\"👍\"},\"count\":3},"
                + "{\"emoji\":{\"id\":77,\"name\":\"party\"},\"count\":\"4\",\"count_details\":{\"normal\":2,\"burst\":1}},"
                + "{\"emoji\":{\"name\":\"x\"}},{\"emoji\":{\"name\":\"y\"},\"count_details\":{\"burst\":2}},7]},"
                + "{\"id\":12345678901234567890,\"content\":5,\"reactions\":{}},"
                + "\"stray\",{\"id\":20,\"timestamp\":7,\"id\":21}]";
        MessagePageReader.Page page = SCAN.scan(utf8(body), new MessagePageReader(null));
        assertEquals("array", page.shape());
        List<PageMessage> m = page.messages();
        assertEquals(4, m.size());
        assertEquals(30, m.get(0).id());
        assertEquals("2024-01-01T00:00:00+00:00", m.get(0).timestamp());
        assertEquals("see discord.gg/x", m.get(0).content());
        assertEquals(List.of("https://a/1"), m.get(0).embedUrls());
        assertEquals(List.of(new PageMessage.Reaction(null, "👍", 3, 0), new PageMessage.Reaction("77", "party", 2, 1),
                new PageMessage.Reaction(null, "x", 1, 0), new PageMessage.Reaction(null, "y", 1, 2)),
                m.get(0).reactions());
        assertNull(m.get(0).tree());
        // The id a tree would give: the low 64 bits, as JsonNode.longValue has it.
        assertEquals(Snowflake.of(MAPPER.readTree("{\"id\":12345678901234567890}"), "id"), m.get(1).id());
        assertNull(m.get(1).content());
        assertEquals(List.of(), m.get(1).reactions());
        assertEquals(-1, m.get(2).id());
        assertEquals(21, m.get(3).id());
        assertEquals("7", m.get(3).timestamp());
    }

    @Test
    void pageReaderKeepsTreesWhenAskedAndNamesOtherShapes() throws Exception {
        String body = "[{\"id\":\"5\",\"attachments\":[{\"url\":\"https://cdn/a.png\"}],\"content\":\"hi https://x.test/\"}]";
        MessagePageReader.Page page = SCAN.scan(utf8(body), new MessagePageReader(MAPPER));
        PageMessage message = page.messages().get(0);
        assertEquals(MAPPER.readTree(body).get(0), message.tree());
        assertEquals(5, message.id());
        assertEquals("hi https://x.test/", message.content());
        assertEquals("object", SCAN.scan(utf8("{\"message\":\"no\"}"), new MessagePageReader(null)).shape());
        assertTrue(SCAN.scan(utf8("null"), new MessagePageReader(null)).messages() == null);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

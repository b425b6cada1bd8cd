package dev.discard.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.discord.HttpExchange;
import dev.discard.discord.JsonScan;
import dev.discard.discord.WsFrame;
import dev.discard.format.Json;
import dev.discard.format.Scrubber;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordEncoderTest {
    private final ObjectMapper mapper = Json.newMapper();
    private final RecordEncoder encoder = new RecordEncoder(mapper.getFactory(), Scrubber.of("s3cret", false));
    private static final Instant T0 = Instant.parse("2021-02-01T17:47:43.374877Z");

    private HttpExchange exchange(int status, String body) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("limit", 100);
        params.put("after", 0L);
        return new HttpExchange("GET", "https://discord.com/api/v10/channels/1/messages", params, T0,
                T0.plusMillis(167), status, Map.of("content-type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void writesDiscardsRecordShape() throws Exception {
        String line = encoder.http(exchange(200, "[]"));
        assertEquals("{\"type\":\"http\",\"datetime_start\":\"2021-02-01T17:47:43.374877+00:00\","
                + "\"datetime_end\":\"2021-02-01T17:47:43.541877+00:00\",\"request\":{\"method\":\"GET\","
                + "\"url\":\"https://discord.com/api/v10/channels/1/messages\",\"params\":{\"limit\":100,\"after\":0}},"
                + "\"response\":{\"status\":200,\"headers\":{\"content-type\":\"application/json\"},\"data\":[]}}",
                line);
    }

    @Test
    void keepsTheBodyTextVerbatimNotReserialized() {
        // Escapes, number spellings, key order and spacing as Discord sent them: byte for byte.
        String body = "[{\"id\": \"1\", \"content\": \"caf\\u00e9 \\/ \\\"q\\\"\", \"n\": 1.50e3, \"z\": -0.0}]";
        String line = encoder.http(exchange(200, body));
        assertTrue(line.contains("\"data\":" + body + "}}"), line);
    }

    @Test
    void lineBreaksBetweenTokensBecomeSpacesSoTheRecordStaysOneLine() throws Exception {
        String line = encoder.http(exchange(200, "{\r\n  \"a\": [1,\n 2]\n}\n"));
        assertFalse(line.contains("\n") || line.contains("\r"));
        assertEquals(mapper.readTree("{\"a\":[1,2]}"), mapper.readTree(line).path("response").path("data"));
    }

    @Test
    void nonJsonBodiesAreText() throws Exception {
        JsonNode html = mapper.readTree(encoder.http(exchange(502, "<html>502</html>")));
        assertEquals("<html>502</html>", html.path("response").path("text").asText());
        assertFalse(html.path("response").has("data"));
        JsonNode twoValues = mapper.readTree(encoder.http(exchange(200, "{} {}")));
        assertEquals("{} {}", twoValues.path("response").path("text").asText());
        JsonNode rawNewlineInString = mapper.readTree(encoder.http(exchange(200, "{\"a\":\"x\ny\"}")));
        assertEquals("{\"a\":\"x\ny\"}", rawNewlineInString.path("response").path("text").asText());
        JsonNode empty = mapper.readTree(encoder.http(exchange(204, "")));
        assertEquals("", empty.path("response").path("text").asText());
    }

    @Test
    void aBodyTheClientCheckedIsRecordedAsAnUncheckedOneWouldBe() {
        byte[][] bodies = {utf8("[{\"id\": \"1\", \"n\": 1.50e3}]"), utf8("\uFEFF{\r\n\"a\": 1}\n"), utf8("{} {}"),
            utf8(""), utf8("<html>502</html>"), utf8("{\"a\":\"x\ny\"}"), utf8("\"caf\u00e9\""),
            {'"', (byte) 0xC0, (byte) 0xAF, '"'}, {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, {0, '[', 0, ']'},
            utf8("[".repeat(5000) + "]".repeat(5000)), utf8("[1,\n2]"), utf8("[1,\r2]"), utf8("{\"a\":[\"b\"]}")};
        for (byte[] body : bodies) {
            HttpExchange unchecked = new HttpExchange("GET", "u", Map.of(), T0, T0, 200, Map.of(), body, null);
            HttpExchange checked = new HttpExchange("GET", "u", Map.of(), T0, T0, 200, Map.of(), body, null,
                    new JsonScan(mapper.getFactory()).scan(body, JsonScan.CHECK) != null);
            JsonScan.Scanned<Boolean> scanned = new JsonScan(mapper.getFactory()).scanBody(body, JsonScan.CHECK);
            HttpExchange lookedAt = new HttpExchange("GET", "u", Map.of(), T0, T0, 200, Map.of(), body, null,
                    scanned.value() != null, scanned.oneLine());
            assertEquals(encoder.http(unchecked), encoder.http(checked), new String(body, StandardCharsets.UTF_8));
            assertEquals(encoder.http(unchecked), encoder.http(lookedAt), new String(body, StandardCharsets.UTF_8));
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void bytesThatAreNotUtf8AreKeptInBase64() throws Exception {
        byte[] body = {'"', (byte) 0xC3, (byte) 0x28, '"'};
        HttpExchange x = new HttpExchange("GET", "u", Map.of(), T0, T0, 200, Map.of(), body, null);
        JsonNode record = mapper.readTree(encoder.http(x));
        assertEquals("IsMoIg==", record.path("response").path("body_base64").asText());
    }

    @Test
    void attemptsWithoutAnswerRecordTheError() throws Exception {
        HttpExchange x = new HttpExchange("GET", "u", Map.of(), T0, T0, null, Map.of(), new byte[0],
                "SocketTimeoutException: timeout");
        JsonNode record = mapper.readTree(encoder.http(x));
        assertEquals("SocketTimeoutException: timeout", record.path("error").asText());
        assertFalse(record.has("response"));
    }

    @Test
    void tokenAnywhereInTheRecordIsScrubbedAndMarked() throws Exception {
        JsonNode record = mapper.readTree(encoder.http(exchange(200, "{\"content\":\"s3cret here\"}")));
        assertEquals("[SCRUBBED] here", record.path("response").path("data").path("content").asText());
        assertTrue(record.path("scrubbed").asBoolean());
        JsonNode clean = mapper.readTree(encoder.http(exchange(200, "{}")));
        assertFalse(clean.has("scrubbed"));
    }

    @Test
    void wsFramesSentAsStringReceivedAsJson() throws Exception {
        String sent = "{\"op\":2,\"d\":{\"token\":\"s3cret\"}}";
        JsonNode send = mapper.readTree(encoder.ws(new WsFrame(T0, WsFrame.Direction.SEND, sent)));
        assertEquals("send", send.path("direction").asText());
        assertEquals("{\"op\":2,\"d\":{\"token\":\"[SCRUBBED]\"}}", send.path("data").asText());
        assertTrue(send.path("scrubbed").asBoolean());
        JsonNode recv = mapper.readTree(encoder.ws(new WsFrame(T0, WsFrame.Direction.RECV,
                "{\"t\":null,\"s\":null,\"op\":11,\"d\":null}")));
        assertEquals(11, recv.path("data").path("op").asInt());
        assertEquals("2021-02-01T17:47:43.374877+00:00", recv.path("datetime").asText());
    }

    @Test
    void noScrubLeavesTheTokenAndNoMark() throws Exception {
        RecordEncoder raw = new RecordEncoder(mapper.getFactory(), Scrubber.of("s3cret", true));
        JsonNode record = mapper.readTree(raw.http(exchange(200, "{\"c\":\"s3cret\"}")));
        assertEquals("s3cret", record.path("response").path("data").path("c").asText());
        assertFalse(record.has("scrubbed"));
    }
}

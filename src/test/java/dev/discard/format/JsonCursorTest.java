package dev.discard.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonCursorTest {
    private static final ObjectMapper JACKSON = Json.newMapper();

    @Test
    void acceptsWhatRfc8259AllowsAndJacksonToo() throws Exception {
        String[] valid = {"0", "-0", "1.5e-3", "1E+2", "-12.0", "\"\"", "\"\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\"",
            "true", "false", "null", " [ ] ", "{}", "{\"a\":[1,{\"b\":null}],\"c\":\"ž😀\"}\r\n", "[\"\\ud800\"]"};
        for (String json : valid) {
            assertTrue(cursorAccepts(json), json);
            assertTrue(jacksonAccepts(json), json);
        }
    }

    @Test
    void leavesToJacksonWhatItDoesNotVouchFor() throws Exception {
        String[] invalid = {"", " ", "01", "1.", ".5", "+1", "1e", "-", "tru", "nul", "[1,]", "[,1]", "{\"a\":1,}",
            "{,\"a\":1}", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "[1 2]", "\"\\x\"", "\"\\u12\"", "\"a\tb\"", "[] []",
            "{\"a\":1", "[", "\"abc", "{'a':1}", "[NaN]", "[truex]", "\u0000[]"};
        for (String json : invalid) {
            assertFalse(cursorAccepts(json), json);
            assertFalse(jacksonAccepts(json), json);
        }
        // Well-formed, but past what the cursor vouches for: Jackson decides.
        String deep = "[".repeat(JsonCursor.MAX_DEPTH + 1) + "]".repeat(JsonCursor.MAX_DEPTH + 1);
        assertFalse(cursorAccepts(deep));
        assertTrue(jacksonAccepts(deep));
        String longName = "{\"" + "n".repeat(JsonCursor.MAX_TOKEN + 1) + "\":1}";
        assertFalse(cursorAccepts(longName));
        assertTrue(cursorAccepts("{\"" + "n".repeat(JsonCursor.MAX_TOKEN) + "\":1}"));
        assertFalse(cursorAccepts("\uFEFF{}"));
        assertFalse(cursorAccepts("[" + "1".repeat(JsonCursor.MAX_TOKEN + 1) + "]"));
    }

    @Test
    void readsNamesStringsIntegersAndIds() throws Exception {
        JsonCursor c = cursor("{\"id\":\"18446744073709551615\",\"n\":-42,\"s\":\"a\\\"b\\u00e9\","
                + "\"plain\":\"no link\",\"link\":\"see https://x\",\"x\":null,\"\\u0069d\":1}");
        c.beginObject();
        assertTrue(c.nextField());
        assertTrue(c.nameIs(bytes("id")));
        assertEquals(-1L, c.snowflakeOr(0)); // 2^64 - 1, unsigned
        assertTrue(c.nextField());
        assertEquals(-42, c.integer());
        assertTrue(c.nextField());
        assertEquals("a\"bé", c.string());
        assertTrue(c.nextField());
        assertEquals(null, c.stringIfItHas((byte) '/'));
        assertTrue(c.nextField());
        assertEquals("see https://x", c.stringIfItHas((byte) '/'));
        assertTrue(c.nextField());
        assertEquals(null, c.stringOrNull());
        assertTrue(c.nextField());
        assertThrows(JsonCursor.Unreadable.class, () -> c.nameIs(bytes("id"))); // escaped: Jackson compares
        c.skipValue();
        assertFalse(c.nextField());
        c.end();
        assertThrows(JsonCursor.Unreadable.class, () -> cursor("12345678901234567890").integer());
        assertThrows(JsonCursor.Unreadable.class, () -> cursor("1.5").integer());
        assertEquals(7, cursor("\"7\"").snowflakeOr(-1));
        assertEquals(-1, cursor("\"0\"").snowflakeOr(-1));
        assertEquals(-1, cursor("\"1x\"").snowflakeOr(-1));
    }

    @Test
    void readsScalarsAsJacksonGivesTheirText() throws Exception {
        String json = "[\"a\\u00e9\",1E5,-0,1.50,-12.5E+03,123456789012345678901234567890,true,false,null,{\"x\":1},[2]]";
        JsonCursor c = cursor(json);
        c.beginArray();
        try (JsonParser p = JACKSON.getFactory().createParser(bytes(json))) {
            p.nextToken();
            while (c.nextElement()) {
                p.nextToken();
                if (p.currentToken().isStructStart()) {
                    assertThrows(JsonCursor.Unreadable.class, c::scalarText);
                    assertEquals(null, c.text()); // skipped
                    p.skipChildren();
                } else {
                    assertEquals(p.currentToken() == JsonToken.VALUE_NULL ? null
                            : p.getText(), c.scalarText());
                }
            }
        }
        c.end();
        assertEquals(-7, cursor("-7").intValue());
        assertThrows(JsonCursor.Unreadable.class, () -> cursor("2147483648").intValue());
    }

    @Test
    void passesOverStringsKeepingTheirBytes() throws Exception {
        JsonCursor c = cursor("{\"a\\u0062\":\"plain ž\",\"n\":\"x\\ny\"}");
        c.beginObject();
        assertTrue(c.nextField());
        assertEquals("ab", c.name());
        assertThrows(JsonCursor.Unreadable.class, c::nameLength); // escaped: its length says nothing
        assertTrue(c.rawString());
        assertEquals("plain ž", new String(bytes("{\"a\\u0062\":\"plain ž\""), c.stringStart(),
                c.stringEnd() - c.stringStart(), StandardCharsets.UTF_8));
        assertEquals("plain ž", c.lastString());
        assertTrue(c.nextField());
        assertEquals(1, c.nameLength());
        assertFalse(c.rawString());
        assertEquals("x\ny", c.lastString());
        assertFalse(c.nextField());
        c.end();
        assertThrows(JsonCursor.Unreadable.class, () -> cursor("12").rawString());
    }

    @Test
    void tellsWhetherLineBreaksStoodBetweenTokens() throws Exception {
        JsonCursor inString = cursor("[\"a\\nb\"]");
        inString.skipValue();
        assertFalse(inString.sawLineBreaks());
        JsonCursor between = cursor("[1,\n2]");
        between.skipValue();
        assertTrue(between.sawLineBreaks());
    }

    private static boolean cursorAccepts(String json) {
        try {
            JsonCursor c = cursor(json);
            c.skipValue();
            c.end();
            return true;
        } catch (JsonCursor.Unreadable e) {
            return false;
        }
    }

    private static boolean jacksonAccepts(String json) {
        try (JsonParser p = JACKSON.getFactory().createParser(bytes(json))) {
            if (p.nextToken() == null) return false;
            p.skipChildren();
            return p.nextToken() == null;
        } catch (Exception e) {
            return false;
        }
    }

    private static JsonCursor cursor(String json) {
        return new JsonCursor(bytes(json));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

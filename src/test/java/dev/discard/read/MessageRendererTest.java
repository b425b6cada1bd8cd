package dev.discard.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.Snowflake;
import dev.discard.format.Timestamps;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageRendererTest {
    static final long ID = 805808565507457035L; // 2021-02-01 14:35:33.216 UTC
    final MessageRenderer renderer = new MessageRenderer();

    /** Renders a message object given as JSON, the way the page parser reads it. */
    String render(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = new ObjectMapper().getFactory().createParser(bytes)) {
            p.nextToken();
            MessageReader reader = new MessageReader(true);
            reader.read(p);
            return renderer.render(new Message(Snowflake.parseLenient(reader.id), bytes, 0, bytes.length, reader.fields()));
        }
    }

    static String msg(int type, String content, String extra) {
        return "{\"id\":\"" + ID + "\",\"type\":" + type + ",\"content\":" + TestArchive.json(content)
                + ",\"author\":{\"username\":\"sanqui\",\"discriminator\":\"0\",\"global_name\":\"Sanqui\"},"
                + "\"timestamp\":\"2021-02-01T14:35:33.216000+00:00\",\"edited_timestamp\":null" + extra + "}";
    }

    static final String TIME = "[2021-02-01 14:35:33.216000] ";

    @Test
    void authorsAreNamedAsDiscordShowsThem() throws Exception {
        assertEquals(TIME + "<Sanqui> hi", render(msg(0, "hi", "")));
        assertEquals(TIME + "<sanqui#3248> hi", render(msg(0, "hi", "").replace("\"discriminator\":\"0\"",
                "\"discriminator\":\"3248\"")));
        assertEquals(TIME + "<sanqui> hi", render(msg(0, "hi", "").replace("\"global_name\":\"Sanqui\"",
                "\"global_name\":null")));
    }

    @Test
    void repliesEditsAttachmentsEmbedsAndStickersAreShownOnTheLine() throws Exception {
        String extra = ",\"message_reference\":{\"message_id\":\"805808565507457000\"},"
                + "\"attachments\":[{\"id\":\"1\",\"filename\":\"cat.png\",\"url\":\"https://cdn.discordapp.com/a/cat.png\"}],"
                + "\"embeds\":[{\"type\":\"rich\",\"title\":\"Release notes\",\"url\":\"https://example.org/r\"},"
                + "{\"type\":\"image\",\"description\":\"line one\\nline two\"}],"
                + "\"sticker_items\":[{\"id\":\"2\",\"name\":\"wave\"}]";
        String edited = msg(19, "look", extra).replace("\"edited_timestamp\":null",
                "\"edited_timestamp\":\"2021-02-01T14:36:00+00:00\"");
        assertEquals(TIME + "<Sanqui> (reply to 805808565507457000) look [sticker: wave]"
                + " https://cdn.discordapp.com/a/cat.png [embed: Release notes https://example.org/r]"
                + " [embed: line one …] (edited)", render(edited));
    }

    @Test
    void slashCommandsSayWhichCommand() throws Exception {
        assertEquals(TIME + "<Sanqui> (used /roll) 4", render(msg(20, "4",
                ",\"interaction_metadata\":{\"id\":\"3\",\"type\":2,\"name\":\"roll\"}")));
    }

    @Test
    void systemMessagesAreSentences() throws Exception {
        assertEquals(TIME + "Sanqui joined the server.", render(msg(7, "", "")));
        assertEquals(TIME + "Sanqui pinned message 42 to this channel.",
                render(msg(6, "", ",\"message_reference\":{\"message_id\":\"42\"}")));
        assertEquals(TIME + "Sanqui just boosted the server!", render(msg(8, "", "")));
        assertEquals(TIME + "Sanqui just boosted the server 3 times! The server has achieved Level 2!",
                render(msg(10, "3", "")));
        assertEquals(TIME + "Sanqui started a thread: Plans", render(msg(18, "Plans", "")));
        assertEquals(TIME + "Sanqui changed the channel name: news", render(msg(4, "news", "")));
        assertEquals(TIME + "Sanqui changed the channel icon.", render(msg(5, "", "")));
        assertEquals(TIME + "Sanqui started a call. It ended at 2021-02-01 14:40:00.",
                render(msg(3, "", ",\"call\":{\"participants\":[],\"ended_timestamp\":\"2021-02-01T14:40:00+00:00\"}")));
        assertEquals(TIME + "Sanqui added Friend to the group.", render(msg(1, "",
                ",\"mentions\":[{\"username\":\"friend\",\"discriminator\":\"0\",\"global_name\":\"Friend\"}]")));
        assertEquals(TIME + "Sanqui has added News #updates to this channel. Its most important updates will show up"
                + " here.", render(msg(12, "News #updates", "")));
        assertEquals(TIME + "Sanqui (system message of type 99) something", render(msg(99, "something", "")));
    }

    @Test
    void furtherLinesOfAMessageAreIndented() throws Exception {
        assertEquals(TIME + "<Sanqui> first\n    second\n    [not a message]",
                render(msg(0, "first\r\nsecond\n[not a message]", "")));
    }

    @Test
    void timestampsAreUtcWithSixFractionDigitsNoneWhenZeroAsPythonPrintsThem() {
        assertEquals("2021-02-01 14:35:33.216000", Timestamps.display("2021-02-01T14:35:33.216000+00:00"));
        assertEquals("2021-02-01 14:35:33.200000", Timestamps.display("2021-02-01T14:35:33.2+00:00"));
        assertEquals("2021-02-01 14:35:33", Timestamps.display("2021-02-01T14:35:33+00:00"));
        assertEquals("2021-02-01 14:35:33", Timestamps.display("2021-02-01T14:35:33.000000+00:00"));
        assertEquals("2021-02-01 13:35:33", Timestamps.display("2021-02-01T14:35:33+01:00"));
        assertEquals("2021-02-01 13:35:33.000001", Timestamps.display("2021-02-01T14:35:33.000001+01:00"));
        assertEquals("2021-02-01 14:35:33.216000", Timestamps.display("2021-02-01T14:35:33.216Z"));
    }

    @Test
    void theCommonFormIsShownFromItsBytesAsFromItsText() {
        String[] common = {"2021-02-01T14:35:33.216000+00:00", "2021-02-01T14:35:33.2+00:00",
            "2021-02-01T14:35:33.000000+00:00", "2021-02-01T14:35:33.+00:00", "2021-02-01T14:35:33.000100+00:00",
            "abcd-ef-ghTij:kl:mn.op+00:00"};
        for (String t : common) {
            byte[] bytes = ("\"" + t + "\"").getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[28];
            int length = Timestamps.displayLength(bytes, 1, bytes.length - 1);
            Timestamps.display(bytes, 1, bytes.length - 1, out, 2, length);
            assertEquals(Timestamps.display(t), new String(out, 2, length, StandardCharsets.US_ASCII), t);
        }
        String[] other = {"2021-02-01T14:35:33+00:00", "2021-02-01T14:35:33.216Z", "2021-02-01T14:35:33.2160000+00:00",
            "2021-02-01T14:35:33.21é+00:00", "2021-02-01T14:35:33.216000+01:00", "2021-02-01 14:35:33.216000+00:00"};
        for (String t : other) {
            byte[] bytes = t.getBytes(StandardCharsets.UTF_8);
            assertEquals(-1, Timestamps.displayLength(bytes, 0, bytes.length), t);
        }
    }

    @Test
    void aMissingTimestampFallsBackToTheIdsTime() throws Exception {
        assertEquals(TIME + "<Sanqui> hi", render(msg(0, "hi", "").replace(
                "\"timestamp\":\"2021-02-01T14:35:33.216000+00:00\"", "\"timestamp\":null")));
    }
}

package dev.discard.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.discard.format.Snowflake;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnowflakeTest {
    @Test
    void datetimeToSnowflakeAsDiscard() {
        // (unix_ms - 1420070400000) << 22, the docs' example id 175928847299117063 was made 2016-04-30T11:18:25.796Z.
        assertEquals(175928847298985984L, Snowflake.of(Instant.parse("2016-04-30T11:18:25.796Z")));
        assertEquals(Instant.parse("2016-04-30T11:18:25.796Z"), Snowflake.instantOf(175928847299117063L));
        assertEquals(0, Snowflake.of(Instant.parse("2010-01-01T00:00:00Z")));
    }

    @Test
    void parseRefusesWhatIsNotAnId() {
        assertEquals(805808489695150183L, Snowflake.parse("805808489695150183"));
        assertThrows(IllegalArgumentException.class, () -> Snowflake.parse("general"));
        assertThrows(IllegalArgumentException.class, () -> Snowflake.parse("-5"));
        assertThrows(IllegalArgumentException.class, () -> Snowflake.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> Snowflake.parse("99999999999999999999"));
    }
}

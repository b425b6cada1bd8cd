package dev.discard.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.ChannelMeta;
import dev.discard.format.GuildMeta;
import dev.discard.format.MetaFileException;
import dev.discard.format.Snowflake;
import dev.discard.format.Timestamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaFilesTest {
    @TempDir Path tmp;
    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void pythonDiscardRunsHaveAfterAndBeforeSwappedBackAndReadAsUtc() throws Exception {
        Files.writeString(tmp.resolve("run.meta.json"), PythonExample.runMeta("2021-01-01T00:00:00",
                "2021-01-15T00:00:00", true));
        RunInfo run = RunInfo.read(tmp, mapper);
        assertTrue(run.legacy());
        assertEquals(Instant.parse("2021-01-01T00:00:00Z"), run.after());
        assertEquals(Instant.parse("2021-01-15T00:00:00Z"), run.before());
        assertEquals(Instant.parse("2021-02-01T17:47:40.375815Z"), run.start());
        assertEquals(run.before(), run.coverageEnd());
        assertTrue(run.completed());
        assertEquals(6, run.summary().get("num_http_requests").asInt());
    }

    @Test
    void javaRunsAreTakenAsWritten() throws Exception {
        Files.writeString(tmp.resolve("run.meta.json"), TestArchive.runMeta("2021-02-01T00:00:00+00:00",
                "2021-01-01T00:00:00+00:00", null, false));
        RunInfo run = RunInfo.read(tmp, mapper);
        assertFalse(run.legacy());
        assertEquals(Instant.parse("2021-01-01T00:00:00Z"), run.after());
        assertNull(run.before());
        assertEquals(Instant.parse("2021-02-01T00:00:00Z"), run.coverageEnd());
        assertFalse(run.completed());
        assertEquals("DiscordException: 500 Internal Server Error", run.exception());
    }

    @Test
    void aDamagedRunMetaNamesTheFile() throws Exception {
        Files.writeString(tmp.resolve("run.meta.json"), "{\"client\": ");
        MetaFileException e = assertThrows(MetaFileException.class, () -> RunInfo.read(tmp, mapper));
        assertTrue(e.getMessage().startsWith(tmp.resolve("run.meta.json") + ": not valid JSON"), e.getMessage());
    }

    @Test
    void version01ChannelMetaHasOldestAndNewestSwappedBack() throws Exception {
        Path file = tmp.resolve("c.meta.json");
        Files.writeString(file, PythonExample.GENERAL_META);
        ChannelMeta meta = ChannelMeta.read(file, mapper);
        assertTrue(meta.swapped());
        assertEquals(805808565507457035L, meta.oldest().id());
        assertEquals(805808981356183572L, meta.newest().id());
        assertEquals("general", meta.name());
        assertEquals("805808489695150183", meta.id());
        assertEquals(5L, meta.numMessages());
        assertNull(meta.completed());
        assertFalse(meta.failed());
    }

    @Test
    void aGuildMetaIsNotAChannelMeta() throws Exception {
        Path file = tmp.resolve("guild.meta.json");
        Files.writeString(file, PythonExample.GUILD_META);
        MetaFileException e = assertThrows(MetaFileException.class, () -> ChannelMeta.read(file, mapper));
        assertTrue(e.isWrongKind());
        GuildMeta guild = GuildMeta.read(file, mapper);
        assertEquals("Discard Test Server", guild.name());
        assertEquals(2L, guild.numChannels());
    }

    @Test
    void snowflakesAndTimes() {
        assertEquals(Instant.parse("2021-02-01T14:35:33.216Z"), Snowflake.instantOf(805808565507457035L));
        assertEquals(0, Snowflake.of(Instant.parse("2015-01-01T00:00:00Z")));
        assertEquals(Instant.parse("2021-02-01T14:35:33.216Z"),
                Snowflake.instantOf(Snowflake.of(Instant.parse("2021-02-01T14:35:33.216Z"))));
        assertEquals(-1, Snowflake.parseLenient("12a"));
        assertEquals(-1, Snowflake.parseLenient("99999999999999999999"));
        assertEquals("2021-02-01T00:00:00+00:00", Timestamps.isoCompact(Instant.parse("2021-02-01T00:00:00Z")));
        assertEquals("2021-02-01T00:00:00.500000+00:00", Timestamps.isoCompact(Instant.parse("2021-02-01T00:00:00.5Z")));
    }
}

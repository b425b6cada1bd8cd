package dev.discard.cli;

import static dev.discard.fake.Fixtures.GENERAL;
import static dev.discard.fake.Fixtures.GUILD_ID;
import static dev.discard.fake.Fixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.archive.ArchiveRun;
import dev.discard.fake.FakeCdn;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.Fixtures;
import dev.discard.index.IndexIds;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code discard index} of a real {@code guild --media} run: attachments, avatars, the guild icon, custom emojis and
 * stickers name their archived files, in the shared store of the output directory and in the run's own store of
 * runs before 1.0.0.
 */
class IndexMediaRunTest {
    static final byte[] CHART = FakeCdn.png(8, Color.RED);
    static final byte[] AVATAR = FakeCdn.png(4, Color.CYAN);
    static final byte[] ICON = FakeCdn.gif(8, Color.PINK);
    static final byte[] EMOJI = FakeCdn.png(4, Color.YELLOW);
    static final byte[] STICKER = FakeCdn.png(6, Color.GREEN);
    static final String STICKER_ID = "830000000000000009";

    @TempDir Path out;
    FakeDiscord discord;
    FakeCdn cdn;

    @BeforeEach
    void start() throws Exception {
        discord = Fixtures.standard().start();
        cdn = new FakeCdn().start();
    }

    @AfterEach
    void stop() throws Exception {
        discord.close();
        cdn.close();
    }

    @Test
    void everyArchivedFileIsLinkedFromTheSharedStore() throws Exception {
        Path runDir = archiveWithMedia();
        Path db = out.resolve("index.sqlite");

        CliRun index = CliRun.run(Map.of(), "index", out.toString());

        assertEquals(0, index.exitCode, index.toString());
        assertLinked(db);
        String chart = one(db, "SELECT media_file FROM attachments");
        assertEquals("media/", chart.substring(0, 6), "the store beside the runs, relative to the database");
        assertFalse(chart.contains(".."), chart);
        assertArrayEquals(CHART, Files.readAllBytes(out.resolve(chart)));
        assertFalse(Files.exists(runDir.resolve("media")));
    }

    @Test
    void aRunBeforeOneZeroZeroWithItsOwnStoreIsLinkedToo() throws Exception {
        Path runDir = archiveWithMedia();
        // The layout of discard before 1.0.0: the store inside the run, media.jsonl naming media/<2 hex>/<file>.
        Files.move(out.resolve("media"), runDir.resolve("media"));
        Path manifest = runDir.resolve("media.jsonl");
        Files.writeString(manifest, Files.readString(manifest).replace("\"../media/", "\"media/"));
        Path db = out.resolve("index.sqlite");

        CliRun index = CliRun.run(Map.of(), "index", out.toString());

        assertEquals(0, index.exitCode, index.toString());
        assertLinked(db);
        String chart = one(db, "SELECT media_file FROM attachments");
        assertEquals(out.relativize(runDir).toString().replace('\\', '/') + "/media/", chart.substring(0,
                chart.indexOf("/media/") + 7));
        assertArrayEquals(CHART, Files.readAllBytes(out.resolve(chart)));
    }

    /** Every kind of file of the run is linked to its bytes, and the emojis and stickers are indexed. */
    private void assertLinked(Path db) throws Exception {
        assertArrayEquals(AVATAR, bytes(db, "SELECT avatar_file FROM users WHERE id = '"
                + IndexIds.of(Fixtures.OWNER_ID) + "'"));
        assertArrayEquals(ICON, bytes(db, "SELECT icon_file FROM guilds WHERE id = '" + IndexIds.of(GUILD_ID) + "'"));
        assertEquals(List.of(IndexIds.of(Fixtures.CUSTOM_EMOJI) + "|" + IndexIds.of(GUILD_ID) + "|blobcat|0"),
                IndexCommandTest.column(db, "SELECT id || '|' || guild_id || '|' || name || '|' || animated"
                        + " FROM emojis"));
        assertArrayEquals(EMOJI, bytes(db, "SELECT media_file FROM emojis"));
        assertEquals(List.of(IndexIds.of(STICKER_ID) + "|" + IndexIds.of(GUILD_ID) + "|wave|1"),
                IndexCommandTest.column(db, "SELECT id || '|' || guild_id || '|' || name || '|' || format_type"
                        + " FROM stickers"));
        assertArrayEquals(STICKER, bytes(db, "SELECT media_file FROM stickers"));
        assertArrayEquals(CHART, bytes(db, "SELECT media_file FROM attachments WHERE filename = 'chart.png'"));
    }

    private Path archiveWithMedia() throws Exception {
        ObjectNode guild = discord.guild(GUILD_ID).json();
        guild.put("icon", "a_1269e74af4df7417b13759eae50c83dc");
        cdn.put("/icons/" + GUILD_ID + "/a_1269e74af4df7417b13759eae50c83dc.gif", ICON, "image/gif");
        cdn.put("/emojis/" + Fixtures.CUSTOM_EMOJI + ".png", EMOJI, "image/png");
        guild.withArray("stickers").addObject().put("id", STICKER_ID).put("name", "wave").put("format_type", 1)
                .put("guild_id", Long.toString(GUILD_ID));
        cdn.put("/stickers/" + STICKER_ID + ".png", STICKER, "image/png");
        long messageId = discord.channel(GENERAL).messageIds().get(3);
        ObjectNode message = discord.channel(GENERAL).message(messageId);
        ((ObjectNode) message.get("author")).put("avatar", "f00dfeed");
        cdn.put("/avatars/" + Fixtures.OWNER_ID + "/f00dfeed.png", AVATAR, "image/png");
        String url = FakeCdn.signed(cdn.put("/attachments/" + GENERAL + "/1/chart.png", CHART, "image/png"),
                "7fffffff");
        message.withArray("attachments").add(Fixtures.attachment(discord, 1, "chart.png", url,
                url.replace("/attachments/", "/resizing/"), "image/png", 1));
        Clock clock = Clock.fixed(CliRun.START, ZoneOffset.UTC);
        List<String> args = new ArrayList<>(List.of("--api-url", discord.apiUrl(), "-o", out.toString(),
                "--no-gateway", "--media", "--cdn-url", cdn.root().toString(), "guild", Long.toString(GUILD_ID)));
        CliRun run = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), settings -> ArchiveRun.builder(settings)
                .connection(CliRun.fastConnection(clock)).ident(() -> CliRun.IDENT).build(),
                args.toArray(String[]::new));
        assertEquals(0, run.exitCode, run.toString());
        Path runDir = ArchiveFiles.onlyRun(out);
        List<JsonNode> manifest = ArchiveFiles.records(runDir.resolve("media.jsonl"));
        assertEquals(5, manifest.stream().filter(l -> l.path("file").asText("").startsWith("../media/")).count(),
                manifest.toString());
        return runDir;
    }

    private byte[] bytes(Path db, String sql) throws Exception {
        return Files.readAllBytes(out.resolve(one(db, sql)));
    }

    private static String one(Path db, String sql) throws Exception {
        List<String> values = IndexCommandTest.column(db, sql);
        assertEquals(1, values.size(), sql + ": " + values);
        return values.get(0);
    }
}

package dev.discard.cli;

import static dev.discard.fake.Fixtures.GUILD_ID;
import static dev.discard.fake.Fixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuildCommandTest extends FakeDiscordTest {
    @Test
    void archivesTheGuildTreeAndEveryReadableChannel() throws Exception {
        CliRun run = run("guild", Long.toString(GUILD_ID));
        assertEquals(0, run.exitCode, run.toString());
        Path guildDir = ArchiveFiles.onlyRun(out).resolve(Long.toString(GUILD_ID));
        List<String> tree = new ArrayList<>();
        for (JsonNode r : ArchiveFiles.records(guildDir.resolve("guild.jsonl"))) {
            tree.add(r.path("request").path("url").asText().replaceFirst("^.*/api/v10", ""));
        }
        assertEquals(List.of("/guilds/" + GUILD_ID, "/guilds/" + GUILD_ID + "/channels", "/guilds/" + GUILD_ID
                + "/roles", "/guilds/" + GUILD_ID + "/emojis", "/guilds/" + GUILD_ID + "/stickers", "/guilds/"
                + GUILD_ID + "/members/" + Fixtures.BOT_ID, "/guilds/" + GUILD_ID + "/threads/active",
                "/guilds/" + GUILD_ID + "/scheduled-events", "/guilds/" + GUILD_ID + "/soundboard-sounds"), tree);
        assertTrue(Files.exists(guildDir.resolve(Fixtures.GENERAL + ".jsonl")));
        assertTrue(Files.exists(guildDir.resolve(Fixtures.ANNOUNCEMENTS + ".jsonl")));
        assertTrue(Files.exists(guildDir.resolve(Fixtures.REOPENED + ".jsonl")), "member overwrite reopens it");
        assertFalse(Files.exists(guildDir.resolve(Fixtures.STAFF + ".jsonl")), "@everyone deny hides it");
        assertFalse(Files.exists(guildDir.resolve(Fixtures.NO_HISTORY + ".jsonl")));
        assertTrue(Files.exists(guildDir.resolve(Fixtures.VOICE + ".jsonl")), "the text chat of a voice channel");
        assertFalse(discord.paths().stream().anyMatch(p -> p.contains("/channels/" + Fixtures.STAFF)),
                "a channel computed unreadable is never requested");
    }

    @Test
    void guildMetaHasTheTrueTotalAndEverySkippedChannelWithItsReason() throws Exception {
        run("guild", Long.toString(GUILD_ID));
        JsonNode meta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve(GUILD_ID + "/guild.meta.json"));
        assertEquals("Discard Test Server ✨", meta.path("guild").path("name").asText());
        assertEquals(GUILD_ID, meta.path("guild").path("id").asLong());
        assertEquals(4, meta.path("summary").path("num_channels").asInt());
        assertEquals(Fixtures.GENERAL_MESSAGES + 5 + 3, meta.path("summary").path("num_messages").asInt());
        Map<Long, String> skipped = new HashMap<>();
        meta.path("channels_skipped").forEach(s -> skipped.put(s.get("id").asLong(), s.get("reason").asText()));
        assertEquals("no VIEW_CHANNEL permission", skipped.get(Fixtures.STAFF));
        assertEquals("no READ_MESSAGE_HISTORY permission", skipped.get(Fixtures.NO_HISTORY));
        assertEquals("not a text channel (category)", skipped.get(Fixtures.CATEGORY));
        JsonNode runMeta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve("run.meta.json"));
        assertEquals(Fixtures.GENERAL_MESSAGES + 5 + 3, runMeta.path("summary").path("num_messages").asInt());
        assertTrue(runMeta.path("run").path("completed").asBoolean());
        assertFalse(runMeta.path("run").path("errors").asBoolean());
    }

    @Test
    void channelRefusedDespitePermissionsIsSkippedWithTheReasonAndTheRunExitsZero() throws Exception {
        discord.channel(Fixtures.ANNOUNCEMENTS).historyForbidden();
        CliRun run = run("guild", Long.toString(GUILD_ID));
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("skipped: Discord refused access (403 Missing Access (50001))"), run.out);
        Path guildDir = ArchiveFiles.onlyRun(out).resolve(Long.toString(GUILD_ID));
        JsonNode channelMeta = ArchiveFiles.meta(guildDir.resolve(Fixtures.ANNOUNCEMENTS + ".meta.json"));
        assertFalse(channelMeta.path("completed").asBoolean(), "not archived: no coverage claimed");
        assertEquals("403 Missing Access (50001)", channelMeta.path("error").asText());
        assertTrue(ArchiveFiles.records(guildDir.resolve(Fixtures.ANNOUNCEMENTS + ".jsonl")).stream()
                .anyMatch(r -> r.path("response").path("status").asInt() == 403), "the refusal is recorded");
        JsonNode guildMeta = ArchiveFiles.meta(guildDir.resolve("guild.meta.json"));
        assertEquals(0, guildMeta.path("channels_failed").size());
        Map<Long, String> skipped = new HashMap<>();
        guildMeta.path("channels_skipped").forEach(s -> skipped.put(s.get("id").asLong(), s.get("reason").asText()));
        assertEquals("Discord refused access: 403 Missing Access (50001)", skipped.get(Fixtures.ANNOUNCEMENTS));
        assertEquals(Fixtures.GENERAL_MESSAGES, ArchiveFiles.messageIds(guildDir.resolve(Fixtures.GENERAL + ".jsonl"))
                .size(), "the other channels went on");
        JsonNode runMeta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve("run.meta.json"));
        assertFalse(runMeta.path("run").path("errors").asBoolean());
    }

    @Test
    void voiceChannelWithoutConnectIsSkippedAndTheRunExitsZero() throws Exception {
        // Discord denies a voice or stage channel's text without CONNECT; the fake answers 403 50001 as Discord does.
        Fixtures.overwrite(discord.channel(Fixtures.VOICE).json(), GUILD_ID, 0, 0, Fixtures.CONNECT);
        CliRun run = run("guild", Long.toString(GUILD_ID));
        assertEquals(0, run.exitCode, run.toString());
        Path guildDir = ArchiveFiles.onlyRun(out).resolve(Long.toString(GUILD_ID));
        JsonNode guildMeta = ArchiveFiles.meta(guildDir.resolve("guild.meta.json"));
        Map<Long, String> skipped = new HashMap<>();
        guildMeta.path("channels_skipped").forEach(s -> skipped.put(s.get("id").asLong(), s.get("reason").asText()));
        assertEquals("no CONNECT permission (needed to read a voice channel's text)", skipped.get(Fixtures.VOICE));
        assertFalse(discord.paths().stream().anyMatch(p -> p.contains("/channels/" + Fixtures.VOICE)),
                "computed unreadable, never asked for");
        assertFalse(Files.exists(guildDir.resolve(Fixtures.VOICE + ".jsonl")));
    }

    @Test
    void userAccountWhoseMemberRouteFailsTakesItsMemberFromReady() throws Exception {
        discord.close();
        discord = Fixtures.standard(TOKEN, true).start();
        discord.script("/users/@me/guilds/" + GUILD_ID + "/member", 10, discord.error(403, 50001, "Missing Access"));
        CliRun run = run("-U", "guild", Long.toString(GUILD_ID));
        assertUserAccountComputedPermissions(run);
        assertFalse(discord.paths().contains("/api/v10/guilds/" + GUILD_ID + "/members/" + Fixtures.BOT_ID),
                "READY's merged_members was enough");
    }

    @Test
    void userAccountWhoseMemberRouteFailsWithoutGatewayAsksForItsMemberById() throws Exception {
        discord.close();
        discord = Fixtures.standard(TOKEN, true).start();
        discord.script("/users/@me/guilds/" + GUILD_ID + "/member", 10, discord.error(403, 50001, "Missing Access"));
        CliRun run = run("-U", "--no-gateway", "guild", Long.toString(GUILD_ID));
        assertUserAccountComputedPermissions(run);
        assertTrue(discord.paths().contains("/api/v10/guilds/" + GUILD_ID + "/members/" + Fixtures.BOT_ID));
    }

    private void assertUserAccountComputedPermissions(CliRun run) throws Exception {
        assertEquals(0, run.exitCode, run.toString());
        JsonNode guildMeta = ArchiveFiles.meta(ArchiveFiles.onlyRun(out).resolve(GUILD_ID + "/guild.meta.json"));
        Map<Long, String> skipped = new HashMap<>();
        guildMeta.path("channels_skipped").forEach(s -> skipped.put(s.get("id").asLong(), s.get("reason").asText()));
        assertEquals("no VIEW_CHANNEL permission", skipped.get(Fixtures.STAFF), "permissions were computed");
        assertFalse(discord.paths().stream().anyMatch(p -> p.contains("/channels/" + Fixtures.STAFF)));
    }

    @Test
    void unknownGuildIsOneLineAndExitOne() throws Exception {
        CliRun run = run("guild", "123456789012345678");
        assertEquals(ExitCode.FAILED, run.exitCode, run.toString());
        assertEquals("discard: guild 123456789012345678: 404 Unknown Guild (10004)\n", run.err);
    }

    @Test
    void userAccountsAskForTheirOwnMemberThroughUsersMe() throws Exception {
        discord.close();
        discord = Fixtures.standard(TOKEN, true).start();
        CliRun run = run("-U", "guild", Long.toString(GUILD_ID));
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(discord.paths().contains("/api/v10/users/@me/guilds/" + GUILD_ID + "/member"));
        assertTrue(discord.requests().stream().allMatch(r -> TOKEN.equals(r.getHeader("Authorization"))),
                "user tokens are sent bare");
    }
}

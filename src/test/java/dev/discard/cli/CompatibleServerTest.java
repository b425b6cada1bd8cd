package dev.discard.cli;

import static dev.discard.fake.Fixtures.GUILD_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import dev.discard.testing.FakeDiscordTest;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * What a Discord-compatible server (Spacebar) does beside the docs (issue 25, items 8 to 10), each a mode of the fake:
 * the archive is complete and verify says OK.
 */
class CompatibleServerTest extends FakeDiscordTest {
    private Path runDir() throws Exception {
        return ArchiveFiles.onlyRun(out);
    }

    @Test
    void membersWithoutUserArePagedByTheirOwnIdToTheEnd() throws Exception {
        discord.compatibleMembers().membersWithoutUser();
        discord.guild(GUILD_ID).addMembers(discord, 720000000000000000L, 1500);
        CliRun run = run("--no-gateway", "--members", "guild", Long.toString(GUILD_ID));
        assertEquals(0, run.exitCode, run.toString());
        JsonNode guildMeta = ArchiveFiles.meta(runDir().resolve(GUILD_ID + "/guild.meta.json"));
        assertEquals(1502, guildMeta.path("summary").path("num_members").asInt(), guildMeta.toString());
        assertFalse(guildMeta.path("notes").toString().contains("members"), guildMeta.path("notes").toString());
        List<String> afters = discord.requests().stream().filter(r -> r.getPath().contains("/members?"))
                .map(r -> r.getRequestUrl().queryParameter("after")).toList();
        assertEquals(3, afters.size(), "two full pages and the empty one that ends the list: " + afters);
        assertFalse(afters.contains("18446744073709551615"), afters.toString());
        CliRun verify = CliRun.run(Map.of(), "verify", out.toString());
        assertEquals(0, verify.exitCode, verify.toString());
    }

    @Test
    void reactionUsersInNoOrderAllAtOnceAreCountedOnceAndVerifyAgrees() throws Exception {
        discord.reactionUsersUnordered();
        CliRun run = run("channel", Long.toString(Fixtures.GENERAL));
        assertEquals(0, run.exitCode, run.toString());
        Set<String> users = new HashSet<>();
        int reactionRequests = 0;
        for (JsonNode record : ArchiveFiles.records(runDir().resolve(GUILD_ID + "/" + Fixtures.GENERAL + ".jsonl"))) {
            String url = record.path("request").path("url").asText();
            if (!url.contains("/reactions/") || !record.path("request").path("params").path("type").isMissingNode()) {
                continue;
            }
            reactionRequests++;
            if (url.contains("%F0%9F%91%8D")) record.path("response").path("data").forEach(u -> users.add(u.path("id").asText()));
        }
        assertEquals(150, users.size(), "every user of the 150-user reaction");
        long asked = discord.requests().stream().map(RecordedRequest::getPath).filter(p -> p.contains("/reactions/"))
                .count();
        assertTrue(reactionRequests > 0 && asked <= reactionRequests + 3, "one request a reaction: " + asked);
        CliRun verify = CliRun.run(Map.of(), "verify", out.toString());
        assertEquals(0, verify.exitCode, verify.toString());
    }

    @Test
    void applicationFlagsZeroWithContentArrivingIsNoWarning() throws Exception {
        discord.gateway().applicationFlags(0);
        CliRun run = run("channel", Long.toString(Fixtures.GENERAL));
        assertEquals(0, run.exitCode, run.toString());
        JsonNode meta = ArchiveFiles.meta(runDir().resolve("run.meta.json"));
        assertFalse(meta.path("run").path("warnings").toString().contains("MESSAGE CONTENT"), meta.toString());
        assertFalse(run.err.contains("MESSAGE CONTENT"), run.err);
    }

    @Test
    void contentWithheldAsDiscordDoesWithoutTheIntentIsWarned() throws Exception {
        discord.gateway().applicationFlags(0);
        discord.contentWithheld();
        CliRun run = run("channel", Long.toString(Fixtures.GENERAL));
        assertEquals(0, run.exitCode, run.toString());
        JsonNode meta = ArchiveFiles.meta(runDir().resolve("run.meta.json"));
        assertTrue(meta.path("run").path("warnings").toString().contains("lacks the MESSAGE CONTENT intent"),
                meta.toString());
    }
}

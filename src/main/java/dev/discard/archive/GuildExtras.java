package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.ApiRequest;
import dev.discard.discord.ApiResponse;
import dev.discard.discord.DiscordApiException;
import dev.discard.discord.DiscordUnreachableException;
import dev.discard.discord.ExchangeSink;
import dev.discard.discord.Permissions;
import dev.discard.discord.Routes;
import dev.discard.discord.UnexpectedResponseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a guild beyond its channels, into {@code guild.jsonl}: active threads, webhooks (when MANAGE_WEBHOOKS
 * is computed), scheduled events, the soundboard, and with {@code --members} the member list. A refusal is recorded
 * and noted, never fatal; only a refused token (401) ends the run.
 */
final class GuildExtras {
    private static final Logger LOG = LoggerFactory.getLogger(GuildExtras.class);

    /**
     * What the extras gave. Immutable.
     *
     * @param activeThreads active threads by parent channel id
     * @param members members recorded, or -1 when not asked for or refused
     * @param notes one line for each part that was refused or skipped
     */
    record Result(Map<Long, List<JsonNode>> activeThreads, long members, List<String> notes) {}

    private final ArchiveContext context;

    GuildExtras(ArchiveContext context) {
        this.context = context;
    }

    Result archive(long guildId, long basePermissions, boolean members, Optional<JsonNode> announced,
            ExchangeSink log) throws IOException, InterruptedException {
        List<String> notes = new ArrayList<>();
        JsonNode active = get(Routes.activeThreads(guildId), null, log, notes).map(j -> j.path("threads"))
                .orElseGet(() -> announced.map(g -> g.path("threads")).orElse(context.mapper.createArrayNode()));
        Map<Long, List<JsonNode>> byParent = new HashMap<>();
        for (JsonNode thread : active) {
            byParent.computeIfAbsent(Ids.of(thread, "parent_id"), p -> new ArrayList<>()).add(thread);
        }
        if (Permissions.has(basePermissions, Permissions.MANAGE_WEBHOOKS)) {
            get(Routes.webhooks(guildId), null, log, notes);
        } else {
            notes.add("webhooks: skipped, no MANAGE_WEBHOOKS permission");
        }
        get(Routes.scheduledEvents(guildId), "with_user_count", log, notes);
        get(Routes.soundboardSounds(guildId), null, log, notes);
        long memberCount = -1;
        if (members) {
            MemberArchiver.Outcome outcome;
            try {
                outcome = new MemberArchiver(context).archive(guildId, log);
            } catch (DiscordUnreachableException | UnexpectedResponseException e) {
                outcome = new MemberArchiver.Outcome(-1, "members: " + e.getMessage());
            }
            memberCount = outcome.members();
            if (outcome.note() != null) {
                notes.add(outcome.note());
                LOG.warn("guild {}: {}", guildId, outcome.note());
            }
        }
        return new Result(byParent, memberCount, notes);
    }

    /** The answer when it is a success, else a note; a refused token (401) ends the run from DiscordRest. */
    private Optional<JsonNode> get(String path, String trueFlag, ExchangeSink log, List<String> notes)
            throws IOException, InterruptedException {
        ApiRequest request = ApiRequest.get(path);
        if (trueFlag != null) request = request.param(trueFlag, true);
        ApiResponse response;
        try {
            response = context.rest.get(request, log);
        } catch (DiscordUnreachableException e) {
            // An optional part: noted in the meta, never the end of the run.
            notes.add(label(path) + ": " + e.getMessage());
            return Optional.empty();
        }
        if (response.isSuccessful()) return Optional.of(response.json());
        notes.add(label(path) + ": " + new DiscordApiException(path, response).answer());
        return Optional.empty();
    }

    /** {@code threads/active} for {@code /guilds/{id}/threads/active}: the part after the guild. */
    private static String label(String path) {
        return path.substring(path.indexOf('/', "/guilds/".length()) + 1);
    }
}

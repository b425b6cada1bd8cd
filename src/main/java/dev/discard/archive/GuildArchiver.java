package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.discord.ApiRequest;
import dev.discard.discord.ApiResponse;
import dev.discard.discord.ChannelType;
import dev.discard.discord.DiscordApiException;
import dev.discard.discord.Permissions;
import dev.discard.discord.Routes;
import dev.discard.format.RunFiles;
import dev.discard.format.Snowflake;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Archives one guild: its tree (guild, channels, roles, emojis, stickers, the account's member) and its extras
 * (active threads, webhooks, scheduled events, soundboard, members) into {@code <guild>/guild.jsonl}, then every
 * channel the account can read, each with its threads, into logs of their own, then {@code guild.meta.json} with
 * the true message total and every channel skipped or failed, and why.
 */
final class GuildArchiver {
    private final ArchiveContext context;
    private final ChannelArchiver channels;
    private final ThreadArchiver threads;

    GuildArchiver(ArchiveContext context) {
        this.context = context;
        this.channels = new ChannelArchiver(context);
        this.threads = new ThreadArchiver(context, channels);
    }

    /**
     * @return the results of the channels archived
     * @throws DiscordApiException when the guild itself cannot be read (unknown, not a member): nothing was archived
     */
    List<ChannelResult> archive(long guildId, long userId, boolean userAccount, boolean members,
            Optional<JsonNode> announced, Optional<JsonNode> readyMember) throws IOException, InterruptedException {
        String stem = Snowflake.toString(guildId);
        List<ReadableChannels.Decision> decisions;
        JsonNode guild;
        GuildExtras.Result extras;
        try (ExchangeLog log = context.openLog(stem + "/" + RunFiles.GUILD_LOG)) {
            guild = context.rest.get(ApiRequest.get(Routes.guild(guildId)).param("with_counts", true), log)
                    .require("guild " + guildId, false);
            JsonNode channelList = context.rest.get(ApiRequest.get(Routes.guildChannels(guildId)), log)
                    .require("guild " + guildId + " channels", true);
            JsonNode roles = optional(context.rest.get(ApiRequest.get(Routes.roles(guildId)), log), guild.path("roles"));
            ApiResponse emojis = context.rest.get(ApiRequest.get(Routes.emojis(guildId)), log);
            ApiResponse stickers = context.rest.get(ApiRequest.get(Routes.stickers(guildId)), log);
            if (context.media != null) context.media.guild(guild, emojis.json(), stickers.json(), log);
            String memberPath = userAccount ? Routes.myMember(guildId) : Routes.member(guildId, userId);
            ApiResponse memberResponse = context.rest.get(ApiRequest.get(memberPath), log);
            JsonNode member = memberResponse.isSuccessful() && memberResponse.json().isObject()
                    ? memberResponse.json() : readyMember.or(() -> announced.map(g -> memberOf(g, userId))).orElse(null);
            if (member == null && userAccount) {
                // The account's own member route failed and the gateway did not say: ask for it as for anyone's.
                ApiResponse byId = context.rest.get(ApiRequest.get(Routes.member(guildId, userId)), log);
                if (byId.isSuccessful() && byId.json().isObject()) member = byId.json();
            }
            if (!roles.isArray() || roles.isEmpty()) roles = announced.map(g -> g.path("roles")).orElse(roles);
            decisions = ReadableChannels.decide(guildId, userId, guild, channelList, roles, member);
            extras = new GuildExtras(context).archive(guildId,
                    ReadableChannels.basePermissions(guildId, userId, guild, roles, member), members, announced, log);
        }
        decisions.sort((a, b) -> Snowflake.compare(Ids.of(a.channel(), "id"), Ids.of(b.channel(), "id")));
        for (ReadableChannels.Decision d : decisions) {
            if (d.unreadable()) context.listener.channelSkipped(Ids.of(d.channel(), "id"), Ids.text(d.channel(), "name"),
                    d.reason());
        }
        // Filled as channels finish, so an interrupted guild still lists what was done.
        List<ChannelResult> results = Collections.synchronizedList(new ArrayList<>());
        List<ChannelResult> threadResults = Collections.synchronizedList(new ArrayList<>());
        List<Callable<ChannelResult>> tasks = new ArrayList<>();
        context.found((int) decisions.stream().filter(ReadableChannels.Decision::archive).count());
        for (ReadableChannels.Decision decision : decisions) {
            if (!decision.archive()) continue;
            tasks.add(() -> {
                long id = Ids.of(decision.channel(), "id");
                ChannelResult result = context.doneBefore(id);
                if (result != null) {
                    // Finished before a resume, threads included: nothing is asked again, no new log part.
                    results.add(result);
                    threadResults.addAll(context.doneThreads(id));
                    return result;
                }
                boolean hasThreads = ChannelType.hasThreads(decision.channel().path("type").asInt(-1));
                try (ExchangeLog log = context.openLog(stem + "/" + id)) {
                    result = channels.archive(decision.channel(), stem, log, hasThreads);
                    results.add(result);
                    if (hasThreads) {
                        // The parent's meta says completed when its last thread task ends (ThreadArchiver).
                        threads.archive(decision.channel(), stem, log,
                                extras.activeThreads().getOrDefault(id, List.of()), userAccount,
                                Permissions.has(decision.permissions(), Permissions.MANAGE_THREADS), threadResults::add);
                    }
                }
                return result;
            });
        }
        try {
            context.pool.runAll(tasks);
        } finally {
            context.writeMeta(stem + "/" + RunFiles.GUILD_LOG, meta(guild, decisions, sorted(results), sorted(threadResults), extras));
        }
        context.counters.guilds.increment();
        List<ChannelResult> all = new ArrayList<>(sorted(results));
        all.addAll(sorted(threadResults));
        return all;
    }

    private static List<ChannelResult> sorted(List<ChannelResult> synchronizedResults) {
        List<ChannelResult> copy;
        synchronized (synchronizedResults) {
            copy = new ArrayList<>(synchronizedResults);
        }
        copy.sort((a, b) -> Snowflake.compare(a.channelId(), b.channelId()));
        return copy;
    }

    /** The account's member in GUILD_CREATE's {@code members}, for servers that refuse the member route. */
    private static JsonNode memberOf(JsonNode guildCreate, long userId) {
        for (JsonNode member : guildCreate.path("members")) {
            if (Ids.of(member.path("user"), "id") == userId) return member;
        }
        return null;
    }

    /** The answer's array, or the fallback (e.g. the roles inside the guild object) when it was refused. */
    private static JsonNode optional(ApiResponse response, JsonNode fallback) {
        return response.isSuccessful() && response.json().isArray() ? response.json() : fallback;
    }

    private ObjectNode meta(JsonNode guild, List<ReadableChannels.Decision> decisions, List<ChannelResult> results,
            List<ChannelResult> threadResults, GuildExtras.Result extras) {
        ObjectNode meta = context.mapper.createObjectNode();
        ObjectNode g = meta.putObject("guild");
        Ids.put(g, "id", Ids.of(guild, "id"));
        g.put("name", Ids.text(guild, "name"));
        ObjectNode summary = meta.putObject("summary");
        summary.put("num_channels", results.size());
        summary.put("num_messages", results.stream().mapToLong(ChannelResult::messages).sum()
                + threadResults.stream().mapToLong(ChannelResult::messages).sum());
        summary.put("num_threads", threadResults.size());
        summary.put("num_pins", results.stream().mapToLong(ChannelResult::pins).sum()
                + threadResults.stream().mapToLong(ChannelResult::pins).sum());
        summary.put("num_members", extras.members());
        summary.put("num_channels_failed", results.stream().filter(ChannelResult::failed).count()
                + threadResults.stream().filter(ChannelResult::failed).count());
        ArrayNode skipped = meta.putArray("channels_skipped");
        for (ReadableChannels.Decision d : decisions) {
            if (d.archive()) continue;
            ObjectNode s = skipped.addObject();
            Ids.put(s, "id", Ids.of(d.channel(), "id"));
            s.put("name", Ids.text(d.channel(), "name"));
            s.put("reason", d.reason());
        }
        for (List<ChannelResult> list : List.of(results, threadResults)) {
            for (ChannelResult r : list) {
                if (!r.refused()) continue;
                ObjectNode s = skipped.addObject();
                Ids.put(s, "id", r.channelId());
                s.put("name", r.name());
                s.put("reason", "Discord refused access: " + r.error());
            }
        }
        summary.put("num_channels_skipped", skipped.size());
        ArrayNode failed = meta.putArray("channels_failed");
        for (List<ChannelResult> list : List.of(results, threadResults)) {
            for (ChannelResult r : list) {
                if (!r.failed()) continue;
                ObjectNode f = failed.addObject();
                Ids.put(f, "id", r.channelId());
                f.put("name", r.name());
                f.put("error", r.error());
            }
        }
        ArrayNode notes = meta.putArray("notes");
        extras.notes().forEach(notes::add);
        context.notes.of(Snowflake.toString(Ids.of(guild, "id"))).forEach(notes::add);
        boolean done = results.size() == decisions.stream().filter(ReadableChannels.Decision::archive).count();
        meta.put("completed", done);
        return meta;
    }
}

package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.ApiRequest;
import dev.discard.discord.ApiResponse;
import dev.discard.discord.ChannelType;
import dev.discard.discord.DiscordApiException;
import dev.discard.discord.DiscordUnreachableException;
import dev.discard.discord.Routes;
import dev.discard.discord.UnexpectedResponseException;
import dev.discard.format.Snowflake;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Does what the run's mode asks after login: the profile, each channel, or each guild. A guild or channel that Discord
 * refuses is recorded as a failure and the run goes on; only a refused token (401) ends it.
 */
final class ModeRunner {
    private final ArchiveContext context;
    /** Guild id → its active threads' answer (one element, null until answered), for channel runs. */
    private final java.util.Map<Long, Object[]> activeThreads = new java.util.concurrent.ConcurrentHashMap<>();
    private final RunMeta meta;
    private final JsonNode user;
    /** The gateway session, or null with --no-gateway. */
    private final GatewayLink gateway;

    ModeRunner(ArchiveContext context, RunMeta meta, JsonNode user, GatewayLink gateway) {
        this.context = context;
        this.meta = meta;
        this.user = user;
        this.gateway = gateway;
    }

    void run(ArchiveSettings settings, ExchangeLog runLog) throws IOException, InterruptedException {
        switch (settings.mode()) {
            case PROFILE -> profile(settings.userAccount(), runLog);
            case CHANNEL -> channels(settings.ids(), settings.userAccount(), runLog);
            case GUILD -> guilds(settings.ids(), settings.userAccount(), settings.members());
            case DM -> directMessages(runLog);
        }
    }

    /** As Discard: bots fetch their user object, user accounts their profile; a refusal is recorded, not fatal. */
    private void profile(boolean userAccount, ExchangeLog runLog) throws IOException, InterruptedException {
        long id = Ids.of(user, "id");
        String path = userAccount ? Routes.userProfile(id) : Routes.user(id);
        context.rest.get(ApiRequest.get(path), runLog);
    }

    private void channels(List<Long> ids, boolean userAccount, ExchangeLog runLog)
            throws IOException, InterruptedException {
        ChannelArchiver archiver = new ChannelArchiver(context);
        ThreadArchiver threads = new ThreadArchiver(context, archiver);
        List<Callable<List<RunResult.Failure>>> tasks = new ArrayList<>();
        List<ChannelResult> threadResults = java.util.Collections.synchronizedList(new ArrayList<>());
        for (long channelId : ids) {
            tasks.add(() -> channel(archiver, threads, channelId, userAccount, runLog, threadResults::add));
        }
        context.found(ids.size());
        for (List<RunResult.Failure> failures : context.pool.runAll(tasks)) failures.forEach(meta::failure);
        List<ChannelResult> ended;
        synchronized (threadResults) {
            ended = new ArrayList<>(threadResults);
        }
        ended.sort((a, b) -> Snowflake.compare(a.channelId(), b.channelId()));
        failures(ended).forEach(meta::failure);
    }

    /** Archives one channel given by id, with its threads; returns the failures. */
    private List<RunResult.Failure> channel(ChannelArchiver archiver, ThreadArchiver threads, long channelId,
            boolean userAccount, ExchangeLog runLog, java.util.function.Consumer<ChannelResult> threadResults)
            throws IOException, InterruptedException {
        if (context.doneBefore(channelId) != null) {
            context.doneThreads(channelId).forEach(threadResults);
            return List.of();
        }
        PendingExchanges pending = new PendingExchanges();
        ApiResponse response = context.rest.get(ApiRequest.get(Routes.channel(channelId)), pending);
        if (!response.isSuccessful() || !response.json().isObject()) {
            pending.drainTo(runLog);
            // Counted like a channel that failed part-way: num_channels_failed agrees with the failures.
            context.counters.channels.increment();
            context.counters.channelsFailed.increment();
            return List.of(new RunResult.Failure("channel " + channelId,
                    new DiscordApiException("channel " + channelId, response).answer()));
        }
        JsonNode channel = response.json();
        long guildId = Ids.of(channel, "guild_id");
        String stem = guildId != -1 ? Snowflake.toString(guildId) : "@me";
        List<ChannelResult> results = new ArrayList<>();
        try (ExchangeLog log = context.openLog(stem + "/" + channelId)) {
            pending.drainTo(log);
            boolean hasThreads = guildId != -1 && ChannelType.hasThreads(channel.path("type").asInt(-1));
            results.add(archiver.archive(channel, stem, log, hasThreads));
            if (hasThreads) {
                // The parent's meta says completed when its last thread task ends (ThreadArchiver).
                threads.archive(channel, stem, log, activeThreads(guildId, channelId, log), userAccount, true,
                        threadResults);
            }
        }
        return failures(results);
    }

    /**
     * The channel's active threads, asked of its guild ({@code /guilds/{id}/threads/active}) once per run: channels of
     * the same guild given together share the answer, which the first one's log holds. None, and a note, when that
     * failed (and the next channel of the guild asks again).
     */
    private List<JsonNode> activeThreads(long guildId, long channelId, ExchangeLog log)
            throws IOException, InterruptedException {
        String stem = Snowflake.toString(guildId);
        JsonNode threads;
        synchronized (activeThreads.computeIfAbsent(guildId, id -> new Object[1])) {
            Object[] known = activeThreads.get(guildId);
            if (known[0] == null) {
                ApiResponse response;
                try {
                    response = context.rest.get(ApiRequest.get(Routes.activeThreads(guildId)), log);
                } catch (DiscordUnreachableException e) {
                    context.notes.add(stem, "threads/active: " + e.getMessage());
                    return List.of();
                }
                if (!response.isSuccessful()) {
                    context.notes.add(stem, "threads/active: " + ExtraNotes.answer(response));
                    return List.of();
                }
                known[0] = response.json().path("threads");
            }
            threads = (JsonNode) known[0];
        }
        List<JsonNode> active = new ArrayList<>();
        for (JsonNode thread : threads) {
            if (Ids.of(thread, "parent_id") == channelId) active.add(thread);
        }
        return active;
    }

    /** {@code discard dm}: every DM and group DM of a user account ({@code GET /users/@me/channels}), under @me/. */
    private void directMessages(ExchangeLog runLog) throws IOException, InterruptedException {
        JsonNode dms = context.rest.get(ApiRequest.get(Routes.MY_CHANNELS), runLog).require("direct messages", true);
        ChannelArchiver archiver = new ChannelArchiver(context);
        List<Callable<List<RunResult.Failure>>> tasks = new ArrayList<>();
        context.found(dms.size());
        for (JsonNode channel : dms) {
            long id = Ids.of(channel, "id");
            tasks.add(() -> {
                if (context.doneBefore(id) != null) return List.of();
                try (ExchangeLog log = context.openLog("@me/" + id)) {
                    return failures(List.of(archiver.archive(channel, "@me", log)));
                }
            });
        }
        for (List<RunResult.Failure> failures : context.pool.runAll(tasks)) failures.forEach(meta::failure);
    }

    private static List<RunResult.Failure> failures(List<ChannelResult> results) {
        List<RunResult.Failure> failures = new ArrayList<>();
        for (ChannelResult result : results) {
            if (result.failed()) failures.add(new RunResult.Failure("channel " + result.channelId(), result.error()));
        }
        return failures;
    }

    private void guilds(List<Long> ids, boolean userAccount, boolean members) throws IOException, InterruptedException {
        GuildArchiver archiver = new GuildArchiver(context);
        long userId = Ids.of(user, "id");
        for (long guildId : ids) {
            try {
                Optional<JsonNode> announced = gateway == null ? Optional.empty() : gateway.guild(guildId);
                Optional<JsonNode> readyMember = gateway == null ? Optional.empty() : gateway.ownMember(guildId);
                failures(archiver.archive(guildId, userId, userAccount, members, announced, readyMember))
                        .forEach(meta::failure);
            } catch (DiscordApiException e) {
                if (e.tokenRefused()) throw e;
                meta.failure(new RunResult.Failure("guild " + guildId, e.answer()));
            } catch (UnexpectedResponseException e) {
                meta.failure(new RunResult.Failure("guild " + guildId, e.getMessage()));
            }
        }
    }
}

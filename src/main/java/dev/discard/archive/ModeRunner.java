package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.ApiRequest;
import dev.discard.discord.ApiResponse;
import dev.discard.discord.DiscordApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Optional;

/**
 * Does what the run's mode asks after login: the profile, each channel, or each guild. A guild or channel that Discord
 * refuses is recorded as a failure and the run goes on; only a refused token (401) ends it.
 */
final class ModeRunner {
    private final ArchiveContext context;
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
            case CHANNEL -> channels(settings.ids(), runLog);
            case GUILD -> guilds(settings.ids(), settings.userAccount());
        }
    }

    /** As Discard: bots fetch their user object, user accounts their profile; a refusal is recorded, not fatal. */
    private void profile(boolean userAccount, ExchangeLog runLog) throws IOException, InterruptedException {
        long id = Ids.of(user, "id");
        String path = userAccount ? "/users/" + id + "/profile" : "/users/" + id;
        failIfUnauthorized(context.rest.get(ApiRequest.get(path), runLog), "profile");
    }

    private void channels(List<Long> ids, ExchangeLog runLog) throws IOException, InterruptedException {
        ChannelArchiver archiver = new ChannelArchiver(context);
        List<Callable<RunResult.Failure>> tasks = new ArrayList<>();
        for (long channelId : ids) tasks.add(() -> channel(archiver, channelId, runLog));
        for (RunResult.Failure failure : context.pool.runAll(tasks)) {
            if (failure != null) meta.failure(failure);
        }
    }

    /** Archives one channel given by id; returns its failure, or null. */
    private RunResult.Failure channel(ChannelArchiver archiver, long channelId, ExchangeLog runLog)
            throws IOException, InterruptedException {
        if (context.doneBefore(channelId) != null) return null;
        PendingExchanges pending = new PendingExchanges();
        ApiResponse response = context.rest.get(ApiRequest.get("/channels/" + channelId), pending);
        failIfUnauthorized(response, "channel " + channelId);
        if (!response.isSuccessful() || !response.json().isObject()) {
            pending.drainTo(runLog);
            return new RunResult.Failure("channel " + channelId,
                    new DiscordApiException("channel " + channelId, response).answer());
        }
        JsonNode channel = response.json();
        long guildId = Ids.of(channel, "guild_id");
        String stem = guildId > 0 ? Long.toString(guildId) : "@me";
        try (ExchangeLog log = context.openLog(stem + "/" + channelId)) {
            pending.drainTo(log);
            ChannelResult result = archiver.archive(channel, stem, log);
            return result.failed() ? new RunResult.Failure("channel " + channelId, result.error()) : null;
        }
    }

    private void guilds(List<Long> ids, boolean userAccount) throws IOException, InterruptedException {
        GuildArchiver archiver = new GuildArchiver(context);
        long userId = Ids.of(user, "id");
        for (long guildId : ids) {
            try {
                Optional<JsonNode> announced = gateway == null ? Optional.empty() : gateway.guild(guildId);
                for (ChannelResult result : archiver.archive(guildId, userId, userAccount, announced)) {
                    if (result.failed()) {
                        meta.failure(new RunResult.Failure("channel " + result.channelId(), result.error()));
                    }
                }
            } catch (DiscordApiException e) {
                if (e.status() == 401) throw e;
                meta.failure(new RunResult.Failure("guild " + guildId, e.answer()));
            }
        }
    }

    private static void failIfUnauthorized(ApiResponse response, String what) {
        if (response.status() == 401) throw new DiscordApiException(what, response);
    }
}

package dev.discard.discord.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What callers of a {@link GatewaySession} wait for: READY, the GUILD_CREATE payloads, or the failure that ended the
 * session. Written by the session's scheduler thread, read by any thread.
 */
final class SessionState implements SessionLoop.Events {
    private final GuildCreates guilds = new GuildCreates();
    /** Counted down by the first of READY, failure and close. */
    private final CountDownLatch settled = new CountDownLatch(1);
    private volatile ReadyInfo ready;
    private volatile GatewayException failure;
    /** Hears the failure that ended the session; set before the session starts. */
    private volatile java.util.function.Consumer<GatewayException> onFailure = e -> {};

    void onFailure(java.util.function.Consumer<GatewayException> onFailure) {
        this.onFailure = onFailure;
    }

    @Override
    public void ready(ReadyInfo info, JsonNode guildList) {
        for (JsonNode guild : guildList) {
            // A user account's READY carries whole guilds; a bot's lists them unavailable until GUILD_CREATE.
            long id = guild.path("id").asLong(0);
            if (id != 0 && !guild.path("unavailable").asBoolean(false)) guilds.created(id, guild);
        }
        guilds.listed(info.guildIds());
        ready = info;
        settled.countDown();
    }

    @Override
    public void guildCreate(long guildId, JsonNode guild) {
        guilds.created(guildId, guild);
    }

    @Override
    public void failed(GatewayException e) {
        failure = e;
        end();
        onFailure.accept(e);
    }

    /** The session was closed by its owner. */
    void end() {
        guilds.end();
        settled.countDown();
    }

    ReadyInfo awaitReady(Duration timeout) throws GatewayException, InterruptedException {
        if (!settled.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new GatewayException("expected READY from the Discord gateway within " + timeout.toMillis()
                    + " ms but none arrived");
        }
        ReadyInfo info = ready;
        if (info != null) return info;
        throwIfFailed();
        throw new GatewayException("the gateway session was closed before READY");
    }

    Optional<JsonNode> awaitGuildCreate(long guildId, Duration timeout) throws GatewayException, InterruptedException {
        Optional<JsonNode> guild = guilds.await(guildId, timeout);
        if (guild.isEmpty()) throwIfFailed();
        return guild;
    }

    /** Null until READY. */
    ReadyInfo ready() {
        return ready;
    }

    Optional<GatewayException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Throws the failure again, from the caller's thread, with the original as its cause. */
    private void throwIfFailed() throws GatewayException {
        GatewayException e = failure;
        if (e != null) throw new GatewayException(e.getMessage(), e.closeCode().orElse(-1), e);
    }
}

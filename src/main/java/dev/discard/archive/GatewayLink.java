package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.discord.ApiRequest;
import dev.discard.discord.ApiResponse;
import dev.discard.discord.DiscordApiException;
import dev.discard.discord.DiscordRest;
import dev.discard.discord.ExchangeSink;
import dev.discard.discord.Routes;
import dev.discard.discord.gateway.GatewayException;
import dev.discard.discord.gateway.GatewayIntents;
import dev.discard.discord.gateway.GatewaySession;
import dev.discard.discord.gateway.ReadyInfo;
import dev.discard.discord.gateway.ReconnectPolicy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;

/**
 * The run's gateway session, as Discard keeps one: asks REST where the gateway is ({@code GET /gateway/bot} for bots,
 * {@code GET /gateway} for user accounts), connects with every frame going to {@code run.jsonl}, waits for READY, and
 * hands the archivers what READY and GUILD_CREATE say. REST stays the recorded source of truth for the guild tree.
 */
final class GatewayLink implements AutoCloseable {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    static final Duration GUILD_CREATE_TIMEOUT = Duration.ofSeconds(30);
    private static final String REST_ONLY = "; archiving over REST only (--no-gateway skips the gateway)";

    /**
     * The gateway could not be used (no URL, no connection, no READY): the run goes on over REST and says so. A
     * gateway that refuses the token or the intents is a {@link GatewayException} with a close code instead, and
     * ends the run.
     */
    static final class Unavailable extends IOException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final GatewaySession session;
    private final ReadyInfo ready;

    private GatewayLink(GatewaySession session, ReadyInfo ready) {
        this.session = session;
        this.ready = ready;
    }

    /**
     * Connects and waits for READY.
     *
     * @throws IOException with one line to show when there is no gateway, it refused the token or intents, or READY
     *     did not come
     */
    static GatewayLink open(DiscordRest rest, OkHttpClient http, ObjectMapper mapper, ExchangeSink runLog, Clock clock,
            RandomGenerator random, ReconnectPolicy reconnectPolicy, boolean userAccount, boolean members,
            Follower follower) throws IOException, InterruptedException {
        String path = userAccount ? Routes.GATEWAY : Routes.GATEWAY_BOT;
        ApiResponse where = rest.get(ApiRequest.get(path), runLog);
        JsonNode url = where.isSuccessful() ? where.json().get("url") : null;
        if (url == null || !url.isTextual()) {
            throw new Unavailable("the server offers no gateway (GET " + path + ": "
                    + (where.isSuccessful() ? "no url" : new DiscordApiException(path, where).answer()) + ")" + REST_ONLY,
                    null);
        }
        GatewaySession.Builder builder = GatewaySession.builder(http, url.textValue(), rest.token(), runLog)
                .intents(GatewayIntents.forArchive(members))
                .mapper(mapper)
                .clock(clock)
                .random(random)
                .reconnectPolicy(reconnectPolicy);
        if (follower != null) {
            builder.intents(GatewayIntents.forFollow(members))
                    .unrecordedEvents(GatewaySession.UNFOLLOWED_EVENTS)
                    .dispatches(follower)
                    .onFailure(follower::gatewayFailed);
        }
        GatewaySession session = builder.connect();
        try {
            return new GatewayLink(session, session.awaitReady(READY_TIMEOUT));
        } catch (GatewayException e) {
            session.close();
            if (e.closeCode().isPresent()) throw e;
            throw new Unavailable(e.getMessage() + REST_ONLY, e);
        } catch (InterruptedException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    ReadyInfo ready() {
        return ready;
    }

    /**
     * A bot without the MESSAGE_CONTENT intent archives messages with empty content: worth one clear warning, when the
     * messages show it too (the caller's to check: a compatible server may send flags 0 and every content).
     */
    Optional<String> messageContentWarning(boolean userAccount) {
        if (userAccount || session.hasMessageContentIntent()) return Optional.empty();
        return Optional.of("the bot lacks the MESSAGE CONTENT intent: messages of others are archived with empty"
                + " content; enable it for the bot in the Discord developer portal, Bot page");
    }

    /** The guild as GUILD_CREATE (bots) or READY (user accounts) described it, if the gateway sent it in time. */
    Optional<JsonNode> guild(long guildId) throws InterruptedException {
        try {
            return session.awaitGuildCreate(guildId, GUILD_CREATE_TIMEOUT);
        } catch (GatewayException e) {
            return Optional.empty();
        }
    }

    /** The account's own member in the guild as READY's {@code merged_members} gave it (user accounts). */
    Optional<JsonNode> ownMember(long guildId) {
        return Optional.ofNullable(ready.ownMembers().get(guildId));
    }

    /** Why the session ended early, if it did; the REST archive does not depend on it. */
    Optional<String> failure() {
        return session.failure().map(Throwable::getMessage);
    }

    /** The session's state, for status displays. */
    String status() {
        return session.status();
    }

    /** Dispatches Discord sent again after a RESUME that were recorded before. */
    long replaysSkipped() {
        return session.replaysSkipped();
    }

    Map<String, Long> droppedEvents() {
        return session.droppedEvents();
    }

    /** Closes with 1000 and stops the session; must happen before run.jsonl is closed. */
    @Override
    public void close() {
        session.close();
    }
}

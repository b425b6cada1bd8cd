package dev.discard.discord.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The GUILD_CREATE payloads of a session by guild id, for callers that wait for one. A guild READY did not list, or
 * any guild once the session ended, is answered at once with nothing. Safe to use from several threads.
 */
final class GuildCreates {
    private final ConcurrentHashMap<Long, CompletableFuture<Optional<JsonNode>>> guilds = new ConcurrentHashMap<>();
    /** The guilds READY listed; null until READY. */
    private volatile Set<Long> listed;
    private volatile boolean ended;

    /** A guild arrived; a later one for the same id replaces it. */
    void created(long id, JsonNode guild) {
        if (!future(id).complete(Optional.of(guild))) {
            guilds.put(id, CompletableFuture.completedFuture(Optional.of(guild)));
        }
    }

    /** READY listed these guilds: no GUILD_CREATE will come for any other, so its waiters get nothing now. */
    void listed(Collection<Long> ids) {
        Set<Long> set = Set.copyOf(ids);
        listed = set;
        guilds.forEach((id, future) -> {
            if (!set.contains(id)) future.complete(Optional.empty());
        });
    }

    /** The session ended: every waiter gets what arrived, or nothing. */
    void end() {
        ended = true;
        guilds.values().forEach(future -> future.complete(Optional.empty()));
    }

    /** The guild's payload, waiting up to {@code timeout} for it; empty if it did not come or cannot come. */
    Optional<JsonNode> await(long id, Duration timeout) throws InterruptedException {
        CompletableFuture<Optional<JsonNode>> future = future(id);
        Set<Long> known = listed;
        if (!future.isDone() && (ended || known != null && !known.contains(id))) return Optional.empty();
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("never completed exceptionally", e);
        }
    }

    private CompletableFuture<Optional<JsonNode>> future(long id) {
        return guilds.computeIfAbsent(id, k -> new CompletableFuture<>());
    }
}

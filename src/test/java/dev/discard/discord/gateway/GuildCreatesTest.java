package dev.discard.discord.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class GuildCreatesTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private final GuildCreates guilds = new GuildCreates();

    private static ObjectNode guild(String name) {
        return JsonNodeFactory.instance.objectNode().put("name", name);
    }

    /** Waits for the guild on another thread. */
    private CompletableFuture<Optional<?>> awaitLater(long id) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return guilds.await(id, LONG);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aWaiterGetsTheGuildWhenItArrives() throws Exception {
        CompletableFuture<Optional<?>> waiter = awaitLater(1);

        guilds.created(1, guild("one"));

        assertEquals(Optional.of(guild("one")), waiter.get());
    }

    @Test
    void aLaterGuildCreateReplacesTheEarlier() throws Exception {
        guilds.created(1, guild("one"));
        guilds.created(1, guild("renamed"));

        assertEquals(Optional.of(guild("renamed")), guilds.await(1, LONG));
    }

    @Test
    void aGuildReadyDidNotListEndsItsWaitersWithNothing() throws Exception {
        CompletableFuture<Optional<?>> waiter = awaitLater(2);

        guilds.listed(List.of(1L));

        assertEquals(Optional.empty(), waiter.get());
        assertEquals(Optional.empty(), guilds.await(3, LONG));
    }

    @Test
    void afterTheEndNothingIsAwaited() throws Exception {
        guilds.created(1, guild("one"));

        guilds.end();

        assertEquals(Optional.of(guild("one")), guilds.await(1, LONG));
        assertEquals(Optional.empty(), guilds.await(2, LONG));
    }

    @Test
    void aGuildThatDoesNotComeIsNothingAfterTheTimeout() throws Exception {
        assertEquals(Optional.empty(), guilds.await(1, Duration.ofMillis(20)));
    }
}

package dev.discard.discord.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.discord.Token;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Everything a session is configured with; built by {@link GatewaySession.Builder}. Immutable.
 *
 * @param url the gateway URL with {@code ?v=10&encoding=json}
 * @param intents the intents a bot identifies with; null for a user account, which identifies without
 * @param random the source of the heartbeat jitter and the INVALID_SESSION wait
 * @param unrecordedEvents dispatches of these events are counted, not recorded
 * @param closeTimeout how long {@link GatewaySession#close()} waits for each socket to finish
 * @param dispatches takes the dispatches recorded elsewhere than the session's sink
 * @param onFailure hears the failure that ends the session for good
 */
record GatewaySettings(
        OkHttpClient client,
        HttpUrl url,
        Token token,
        Integer intents,
        ConnectionProperties properties,
        ObjectMapper mapper,
        Clock clock,
        RandomGenerator random,
        ReconnectPolicy reconnectPolicy,
        Set<String> unrecordedEvents,
        Duration closeTimeout,
        DispatchSink dispatches,
        java.util.function.Consumer<GatewayException> onFailure) {
    /** The intent bits asked for; 0 for a user account. */
    int intentBits() {
        return intents == null ? 0 : intents;
    }
}

package dev.discard.discord.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GatewayUrlTest {
    @Test
    void addsVersionAndEncodingToTheGatewayUrl() {
        assertEquals("https://gateway.discord.gg/?v=10&encoding=json",
                GatewayUrl.of("wss://gateway.discord.gg").toString());
    }

    @Test
    void replacesAVersionOrEncodingTheUrlHad() {
        assertEquals("https://gateway-us-east1-b.discord.gg/?v=10&encoding=json",
                GatewayUrl.of("wss://gateway-us-east1-b.discord.gg/?encoding=etf&v=6").toString());
    }

    @Test
    void acceptsPlainWebsocketAndHttpUrls() {
        assertEquals("http://localhost:3001/gateway?v=10&encoding=json",
                GatewayUrl.of("ws://localhost:3001/gateway").toString());
        assertEquals("http://localhost:3001/?v=10&encoding=json", GatewayUrl.of("http://localhost:3001").toString());
    }

    @Test
    void rejectsWhatIsNotAUrl() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GatewayUrl.of("gateway"));
        assertEquals("expected a wss:// gateway URL but was 'gateway'", e.getMessage());
    }
}

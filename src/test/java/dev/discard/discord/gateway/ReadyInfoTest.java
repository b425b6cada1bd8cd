package dev.discard.discord.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadyInfoTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private ReadyInfo ready(String json) throws Exception {
        return ReadyInfo.of(mapper.readTree(json));
    }

    @Test
    void keepsWhatResumingAndArchivingNeed() throws Exception {
        ReadyInfo ready = ready("{\"v\":10,\"user\":{\"id\":\"1\",\"username\":\"bot\"},\"guilds\":[{\"id\":\"41771983444115456\","
                + "\"unavailable\":true}],\"session_id\":\"abc\",\"resume_gateway_url\":\"wss://gateway-us-east1-b.discord.gg\","
                + "\"application\":{\"id\":\"2\",\"flags\":0}}");

        assertEquals("abc", ready.sessionId());
        assertEquals("wss://gateway-us-east1-b.discord.gg", ready.resumeGatewayUrl());
        assertEquals("bot", ready.user().path("username").asText());
        assertEquals(List.of(41771983444115456L), ready.guildIds());
    }

    @Test
    void missingFieldsGiveNullsAndEmptyLists() throws Exception {
        ReadyInfo ready = ready("{}");

        assertNull(ready.sessionId());
        assertNull(ready.resumeGatewayUrl());
        assertEquals(List.of(), ready.guildIds());
        assertEquals(0, ready.applicationFlags());
    }

    @Test
    void messageContentIntentIsEitherFlag() throws Exception {
        assertTrue(ready("{\"application\":{\"id\":\"2\",\"flags\":" + (1 << 18) + "}}").hasMessageContentIntent());
        assertTrue(ready("{\"application\":{\"id\":\"2\",\"flags\":" + (1 << 19) + "}}").hasMessageContentIntent());
        assertFalse(ready("{\"application\":{\"id\":\"2\",\"flags\":" + ((1 << 14) | (1 << 15))
                + "}}").hasMessageContentIntent());
    }

    @Test
    void userAccountsWithoutApplicationSeeContent() throws Exception {
        assertTrue(ready("{\"user\":{\"id\":\"1\"},\"guilds\":[]}").hasMessageContentIntent());
    }
}

package dev.discard.discord.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.discord.Token;
import org.junit.jupiter.api.Test;

class SendEventsTest {
    private final SendEvents send = new SendEvents(new ObjectMapper());
    private final ConnectionProperties linux = new ConnectionProperties("linux", "discard", "discard");

    @Test
    void identifyOfABotCarriesTokenPropertiesAndIntents() {
        assertEquals("{\"op\":2,\"d\":{\"token\":\"my_token\",\"properties\":{\"os\":\"linux\",\"browser\":\"discard\","
                + "\"device\":\"discard\"},\"intents\":33281}}", send.identify(new Token("my_token", false), linux, 33281));
    }

    @Test
    void identifyOfAUserAccountHasNoIntents() {
        assertEquals("{\"op\":2,\"d\":{\"token\":\"my_token\",\"properties\":{\"os\":\"linux\",\"browser\":\"discard\","
                + "\"device\":\"discard\"}}}", send.identify(new Token("my_token", true), linux, null));
    }

    @Test
    void resumeCarriesSessionAndLastSequence() {
        assertEquals("{\"op\":6,\"d\":{\"token\":\"randomstring\",\"session_id\":\"evenmorerandomstring\","
                + "\"seq\":1337}}", send.resume(new Token("randomstring", false), "evenmorerandomstring", 1337));
    }

    @Test
    void heartbeatCarriesTheLastSequenceOrNull() {
        assertEquals("{\"op\":1,\"d\":251}", send.heartbeat(251L));
        assertEquals("{\"op\":1,\"d\":null}", send.heartbeat(null));
    }
}

package dev.discard.discord.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class GatewayPayloadTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void readsADispatchWithItsFieldsInAnyOrder() {
        GatewayPayload payload = GatewayPayload.parse(mapper,
                "{\"d\":{\"id\":\"41771983444115456\"},\"s\":42,\"t\":\"GUILD_CREATE\",\"op\":0}");

        assertEquals(GatewayOpcode.DISPATCH, payload.opcode());
        assertEquals(42L, payload.s());
        assertEquals("GUILD_CREATE", payload.t());
        assertEquals("41771983444115456", payload.d().path("id").asText());
    }

    @Test
    void nullAndMissingFieldsAreNull() {
        GatewayPayload ack = GatewayPayload.parse(mapper, "{\"op\":11}");
        GatewayPayload nulls = GatewayPayload.parse(mapper, "{\"t\":null,\"s\":null,\"op\":11,\"d\":null}");

        for (GatewayPayload payload : new GatewayPayload[] {ack, nulls}) {
            assertEquals(GatewayOpcode.HEARTBEAT_ACK, payload.opcode());
            assertNull(payload.s());
            assertNull(payload.t());
            assertFalse(payload.d().isObject());
        }
    }

    @Test
    void invalidSessionCarriesABoolean() {
        assertTrue(GatewayPayload.parse(mapper, "{\"op\":9,\"d\":true}").d().asBoolean(false));
        assertFalse(GatewayPayload.parse(mapper, "{\"op\":9,\"d\":false}").d().asBoolean(false));
    }

    @Test
    void unknownOpcodesAreKeptByNumber() {
        GatewayPayload payload = GatewayPayload.parse(mapper, "{\"op\":42,\"d\":{}}");

        assertEquals(42, payload.op());
        assertNull(payload.opcode());
    }

    @Test
    void textThatIsNoPayloadIsUnreadable() {
        for (String text : new String[] {"", "not json", "[1,2]", "\"op\"", "{\"op\":\"1\"}", "{\"op\":1.5}",
                "{\"d\":{}}", "{\"op\":99999999999}"}) {
            assertSame(GatewayPayload.UNREADABLE, GatewayPayload.parse(mapper, text), text);
        }
    }
}

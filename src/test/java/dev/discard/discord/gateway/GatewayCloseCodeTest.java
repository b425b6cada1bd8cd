package dev.discard.discord.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayCloseCodeTest {
    @Test
    void codesThatForbidReconnectingAreTheDocumentedOnes() {
        List<Integer> final_ = Arrays.stream(GatewayCloseCode.values()).filter(c -> !c.reconnect())
                .map(GatewayCloseCode::code).toList();

        assertEquals(List.of(4004, 4010, 4011, 4012, 4013, 4014), final_);
    }

    @Test
    void someCodesAllowReconnectingButNotResuming() {
        List<Integer> identifyAgain = Arrays.stream(GatewayCloseCode.values()).filter(c -> c.reconnect() && !c.resume())
                .map(GatewayCloseCode::code).toList();

        assertEquals(List.of(4001, 4003, 4005, 4007, 4009), identifyAgain);
        assertTrue(GatewayCloseCode.of(4000).resume());
        assertTrue(GatewayCloseCode.of(4008).resume());
    }

    @Test
    void undocumentedCodesAreUnknown() {
        assertNull(GatewayCloseCode.of(4006));
        assertNull(GatewayCloseCode.of(1001));
        assertEquals(GatewayCloseCode.DISALLOWED_INTENTS, GatewayCloseCode.of(4014));
    }

    @Test
    void disallowedIntentsNamesOnlyThePrivilegedIntentsAskedFor() {
        assertEquals("4014 Disallowed intent(s): enable the privileged MESSAGE CONTENT intent for the bot in the "
                + "Discord developer portal, Bot page", GatewayCloseCode.DISALLOWED_INTENTS.explain(
                        GatewayIntents.forArchive(false)));
        assertEquals("4014 Disallowed intent(s): enable the privileged MESSAGE CONTENT and SERVER MEMBERS intents for "
                + "the bot in the Discord developer portal, Bot page", GatewayCloseCode.DISALLOWED_INTENTS.explain(
                        GatewayIntents.forArchive(true)));
    }

    @Test
    void everyExplanationIsOneLineWithItsCode() {
        for (GatewayCloseCode code : GatewayCloseCode.values()) {
            String line = code.explain(GatewayIntents.forArchive(true));
            assertTrue(line.startsWith(code.code() + " " + code.description() + ": "), line);
            assertFalse(line.contains("\n"), line);
        }
    }
}

package dev.discard.discord.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayIntentsTest {
    @Test
    void archiveAsksForGuildsGuildMessagesAndMessageContent() {
        assertEquals((1 << 0) | (1 << 9) | (1 << 15), GatewayIntents.forArchive(false));
        assertEquals(33281, GatewayIntents.forArchive(false));
    }

    @Test
    void membersAddsTheGuildMembersIntent() {
        assertEquals(33281 | (1 << 1), GatewayIntents.forArchive(true));
    }

    @Test
    void privilegedIntentsAreNamedAsOnTheBotPage() {
        assertEquals(List.of("MESSAGE CONTENT", "SERVER MEMBERS", "PRESENCE"),
                GatewayIntents.privilegedNames(GatewayIntents.forArchive(true) | GatewayIntents.GUILD_PRESENCES));
        assertEquals(List.of(), GatewayIntents.privilegedNames(GatewayIntents.GUILDS | GatewayIntents.GUILD_MESSAGES));
    }
}

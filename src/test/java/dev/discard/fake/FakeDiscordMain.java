package dev.discard.fake;

import java.time.Instant;

/**
 * Serves the standard fake server as a separate process, for trying the built jar by hand and for benchmarks:
 * {@code FakeDiscordMain [port] [extra-messages-in-#general]}. Prints the API URL and the token, then serves until
 * killed.
 */
public final class FakeDiscordMain {
    private FakeDiscordMain() {}

    public static void main(String... args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int extra = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        FakeDiscord discord = Fixtures.standard();
        if (extra > 0) {
            Fixtures.fill(discord, discord.channel(Fixtures.GENERAL), discord.self(),
                    Instant.parse("2022-01-01T00:00:00Z"), extra);
        }
        discord.start(port);
        System.out.println("api-url " + discord.apiUrl());
        System.out.println("token " + Fixtures.TOKEN);
        System.out.println("guild " + Fixtures.GUILD_ID + " general " + Fixtures.GENERAL);
        System.out.flush();
        Thread.currentThread().join();
    }
}

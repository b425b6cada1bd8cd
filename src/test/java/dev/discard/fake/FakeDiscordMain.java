package dev.discard.fake;

import java.time.Instant;

/**
 * Serves a fake Discord as a separate process, for trying the built jar by hand and for the benchmarks. Prints the
 * API URL and the token, then serves until killed.
 *
 * <ul>
 *   <li>{@code FakeDiscordMain [port] [extra-messages-in-#general]}: the standard test server.
 *   <li>{@code FakeDiscordMain port --synthetic N}: the standard server whose #general holds N messages made on
 *       demand (a million costs no memory).
 *   <li>{@code FakeDiscordMain port --rate-limited CHANNELS MESSAGES}: a guild of CHANNELS channels of MESSAGES
 *       messages each, behind buckets of 5 requests a second per channel and 50 a second in all.
 * </ul>
 */
public final class FakeDiscordMain {
    private FakeDiscordMain() {}

    public static void main(String... args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        FakeDiscord discord;
        if (args.length > 2 && args[1].equals("--synthetic")) {
            discord = Fixtures.standard();
            discord.synthesize(discord.channel(Fixtures.GENERAL), Integer.parseInt(args[2]),
                    Instant.parse("2022-01-01T00:00:00Z"));
        } else if (args.length > 3 && args[1].equals("--rate-limited")) {
            discord = Fixtures.rateLimitedGuild(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else {
            int extra = args.length > 1 ? Integer.parseInt(args[1]) : 0;
            discord = Fixtures.standard();
            if (extra > 0) {
                Fixtures.fill(discord, discord.channel(Fixtures.GENERAL), discord.self(),
                        Instant.parse("2022-01-01T00:00:00Z"), extra);
            }
        }
        discord.start(port);
        System.out.println("api-url " + discord.apiUrl());
        System.out.println("token " + Fixtures.TOKEN);
        System.out.println("guild " + Fixtures.GUILD_ID + " general " + Fixtures.GENERAL);
        System.out.flush();
        Thread.currentThread().join();
    }
}

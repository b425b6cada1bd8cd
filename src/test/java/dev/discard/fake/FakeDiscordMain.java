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
 *   <li>{@code FakeDiscordMain port --live N}: the standard server that, once a client's gateway session is ready,
 *       plays N rounds of live events in #general, one round every 200 ms: a message created, the one before edited,
 *       every third deleted, every fifth reacted to; then a RECONNECT and an INVALID_SESSION halfway.
 * </ul>
 */
public final class FakeDiscordMain {
    private FakeDiscordMain() {}

    /** Waits for a ready session, then plays the live rounds; prints a line per phase. */
    private static void playLive(FakeDiscord discord, int rounds) {
        try {
            while (discord.gateway().sessionId() == null) Thread.sleep(100);
            Thread.sleep(2_000); // let the client archive the history first; its events are recorded either way
            FakeLive live = new FakeLive(discord);
            Instant time = Instant.now().minusSeconds(600);
            long previous = -1;
            for (int i = 1; i <= rounds; i++) {
                long id = live.create(Fixtures.GENERAL, time.plusMillis(100L * i), "live message " + i);
                if (previous != -1) live.edit(Fixtures.GENERAL, previous, time.plusMillis(100L * i + 50), "edited " + i);
                if (i % 3 == 0) live.delete(Fixtures.GENERAL, id);
                else previous = id;
                if (i % 5 == 0 && previous != -1) live.react(Fixtures.GENERAL, previous, "👍");
                if (i == rounds / 2) {
                    System.out.println("live: RECONNECT");
                    discord.gateway().reconnect();
                }
                if (i == rounds / 2 + 5) {
                    System.out.println("live: INVALID_SESSION with a message in the gap");
                    live.createUnseen(Fixtures.GENERAL, time.plusMillis(100L * i + 70), "posted in the gap");
                    discord.gateway().invalidateSession(false);
                }
                Thread.sleep(200);
            }
            System.out.println("live: " + rounds + " rounds played");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.out.println("live: stopped: " + e);
        }
    }

    public static void main(String... args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        FakeDiscord discord;
        if (args.length > 2 && args[1].equals("--synthetic")) {
            discord = Fixtures.standard();
            discord.synthesize(discord.channel(Fixtures.GENERAL), Integer.parseInt(args[2]),
                    Instant.parse("2022-01-01T00:00:00Z"));
        } else if (args.length > 3 && args[1].equals("--rate-limited")) {
            discord = Fixtures.rateLimitedGuild(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else if (args.length > 2 && args[1].equals("--live")) {
            discord = Fixtures.standard();
            FakeDiscord live = discord;
            int rounds = Integer.parseInt(args[2]);
            Thread player = new Thread(() -> playLive(live, rounds), "fake-live");
            player.setDaemon(true);
            player.start();
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

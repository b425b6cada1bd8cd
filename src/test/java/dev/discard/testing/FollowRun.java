package dev.discard.testing;

import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.FakeGateway;
import dev.discard.fake.Fixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A {@code --follow} run of the CLI, in-process and in the background, against a fake Discord: the test waits until it
 * follows, scripts the fake's live events, waits until the client has read them all, and stops it as SIGTERM would.
 * Nothing waits for the wall clock: each step waits for the client to do something, with a timeout.
 */
public final class FollowRun {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final FakeDiscord discord;
    private final LinkedBlockingQueue<ArchiveRun> started = new LinkedBlockingQueue<>();
    private final CompletableFuture<CliRun> outcome;
    private ArchiveRun run;

    private FollowRun(FakeDiscord discord, Clock clock, Path out, String... args) {
        this.discord = discord;
        Function<ArchiveSettings, ArchiveRun> runs = settings -> ArchiveRun.builder(settings)
                .connection(CliRun.fastConnection(clock)).ident(() -> CliRun.IDENT)
                .reconnectPolicy(CliRun.FAST_RECONNECT).onRunning(started::add).build();
        List<String> all = new ArrayList<>(List.of("--api-url", discord.apiUrl(), "-o", out.toString(), "--follow"));
        all.addAll(List.of(args));
        this.outcome = CompletableFuture.supplyAsync(() -> CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), runs,
                all.toArray(String[]::new)));
    }

    /** Starts {@code discard --follow args…} at {@link CliRun#START} and waits until it follows. */
    public static FollowRun start(FakeDiscord discord, Path out, String... args) throws Exception {
        return start(discord, Clock.fixed(CliRun.START, ZoneOffset.UTC), out, args);
    }

    public static FollowRun start(FakeDiscord discord, Clock clock, Path out, String... args) throws Exception {
        FollowRun follow = new FollowRun(discord, clock, out, args);
        follow.run = follow.started.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (follow.run == null) throw new AssertionError("the run did not start: " + follow.outcomeNow());
        if (!follow.run.awaitFollowing(TIMEOUT)) throw new AssertionError("the run does not follow: "
                + follow.outcomeNow());
        return follow;
    }

    /**
     * Waits until the client has read every frame sent so far: asks for a heartbeat and waits for it, which the
     * client sends only after the frames before the request.
     */
    public void awaitCaughtUp() throws InterruptedException {
        discord.gateway().requestHeartbeat();
        discord.gateway().awaitSent(FakeGateway.HEARTBEAT, TIMEOUT);
    }

    /** Stops the run as Ctrl-C or SIGTERM does, and returns what the CLI printed and exited with. */
    public CliRun stop(String signal) throws Exception {
        run.interrupt(signal, TIMEOUT.toMillis());
        return outcome.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** What the CLI returned, when it has already ended (a run that failed to start). */
    public CliRun outcomeNow() {
        return outcome.getNow(null);
    }

    /** Waits for the CLI to end by itself (the gateway gave up, say). */
    public CliRun awaitEnd() throws Exception {
        return outcome.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}

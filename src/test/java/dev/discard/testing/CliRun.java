package dev.discard.testing;

import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import dev.discard.cli.Main;
import dev.discard.cli.Terminal;
import dev.discard.discord.ConnectionConfig;
import dev.discard.discord.RetryPolicy;
import dev.discard.discord.gateway.ReconnectPolicy;
import dev.discard.pictures.MediaJob;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/** Runs the CLI in-process and keeps its exit code, stdout and stderr. */
public final class CliRun {
    public static final String IDENT = "abcde12345fghij67890klmn";
    public static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
    /** Retries without the production waits, so failure tests stay fast. */
    public static final RetryPolicy FAST_RETRY = new RetryPolicy(3, 20, Duration.ofMillis(1), Duration.ofMillis(5));
    /** Gateway reconnects without the production backoff, so a gateway that never answers gives up at once. */
    public static final ReconnectPolicy FAST_RECONNECT = new ReconnectPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMillis(1), Duration.ofMillis(5));
    /** Jitter pinned near its maximum: the first heartbeat comes ~41 s in, after any test run, never in a golden file. */
    public static final RandomGenerator LATE_JITTER = new RandomGenerator() {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public double nextDouble() {
            return 0.99;
        }
    };

    public final int exitCode;
    public final String out;
    public final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /** Runs with a fixed clock and ident and fast retries; {@code env} may be empty. Stdout is not a terminal. */
    public static CliRun run(Map<String, String> env, String... args) {
        return run(env, false, args);
    }

    /** As {@link #run(Map, String...)}, with stdout a terminal or not (COLUMNS in {@code env} gives its width). */
    public static CliRun run(Map<String, String> env, boolean terminal, String... args) {
        return run(env, fixedRuns(), terminal, args);
    }

    public static CliRun run(Map<String, String> env, Function<ArchiveSettings, ArchiveRun> runs, String... args) {
        return run(env, runs, false, args);
    }

    private static CliRun run(Map<String, String> env, Function<ArchiveSettings, ArchiveRun> runs, boolean terminal,
            String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new HashMap<>(env)::get, runs, terminal).run(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs with the given terminal (standard input, whether it and stdout are terminals, working directory), a fixed
     * clock and ident for archive runs, and media jobs with {@code clock} and retries that do not wait.
     */
    public static CliRun run(Map<String, String> env, Terminal terminal, Clock clock,
            Function<ArchiveSettings, ArchiveRun> runs, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new HashMap<>(env)::get, runs, terminal,
                settings -> MediaJob.builder(settings).connection(ConnectionConfig.defaults().withClock(clock)
                        .withSleeper(nanos -> {}))).run(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The archive runs of {@link #run(Map, String...)}: fixed clock and ident, fast retries and reconnects. */
    public static Function<ArchiveSettings, ArchiveRun> fixedRuns() {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        return settings -> ArchiveRun.builder(settings).connection(fastConnection(clock)).ident(() -> IDENT)
                .reconnectPolicy(FAST_RECONNECT).honoursPageLimit(true).build();
    }

    /** As {@link #fixedRuns()}, waiting in {@code time}: rate limits and 429s cost no wall-clock time. */
    public static Function<ArchiveSettings, ArchiveRun> fixedRuns(VirtualTime time) {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        return settings -> ArchiveRun.builder(settings).connection(time.on(fastConnection(clock))).ident(() -> IDENT)
                .reconnectPolicy(FAST_RECONNECT).honoursPageLimit(true).build();
    }

    /** A connection with {@code clock}, fast retries and late jitter: what test runs share. */
    public static ConnectionConfig fastConnection(Clock clock) {
        return lateJitter().withClock(clock).withRetry(FAST_RETRY);
    }

    /** The production connection but for the jitter, pinned late ({@link #LATE_JITTER}). */
    public static ConnectionConfig lateJitter() {
        return ConnectionConfig.defaults().withRandom(LATE_JITTER);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}

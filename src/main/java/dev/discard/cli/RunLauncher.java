package dev.discard.cli;

import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import dev.discard.archive.Mode;
import dev.discard.archive.ResumedSettings;
import dev.discard.archive.RunDirectoryInUseException;
import dev.discard.archive.RunFailedException;
import dev.discard.archive.RunPace;
import dev.discard.archive.RunResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs an archive subcommand: turns the options into {@link ArchiveSettings}, runs the archive with a shutdown hook
 * that finishes every file on Ctrl-C or SIGTERM, prints the outcome, and picks the exit code.
 */
final class RunLauncher {
    static final String TOKEN_ENV = "DISCORD_TOKEN";
    /** How long a signal's shutdown waits, after the files, for the outcome's line to be printed. */
    private static final long REPORT_WAIT_MILLIS = 2_000;
    /**
     * How long a stopped --follow run may take for its closing pass: below systemd's default TimeoutStopSec of 90 s.
     */
    static final long FOLLOW_STOP_MILLIS = 80_000;

    private RunLauncher() {}

    /** {@code discard --resume <run-dir>}: the run's own settings, this command line's token. */
    static int resume(DiscardCommand root, SharedOptions options) {
        Path runDir = options.resume();
        String token = token(root.console, options);
        root.console.configure(options, token);
        try {
            ArchiveSettings settings = ResumedSettings.read(runDir, token, root.commandLine(), options.cdnUrl());
            if (ResumedSettings.completed(runDir)) {
                root.console.info("Nothing to resume: " + runDir + " completed");
                return ExitCode.OK;
            }
            return run(root, settings);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (java.io.IOException e) {
            throw new UsageException("cannot read " + runDir.resolve("run.meta.json") + ": " + e.getMessage());
        }
    }

    /** The token from -t or DISCORD_TOKEN. */
    private static String token(Console console, SharedOptions options) {
        String token = options.token() != null ? options.token() : console.env.apply(TOKEN_ENV);
        if (token == null || token.isBlank()) throw new UsageException("no token: pass -t or set " + TOKEN_ENV);
        return token;
    }

    static int launch(DiscardCommand root, SharedOptions options, Mode mode, List<Long> ids) {
        if (options.resume() != null) {
            throw new UsageException("--resume continues a run with its own settings: give it without a command");
        }
        String token = token(root.console, options);
        root.console.configure(options, token);
        if (options.concurrency() != null && options.concurrency() < 1) {
            // 0 is the settings' "automatic", which is what leaving the option out means.
            throw new UsageException("--concurrency must be between 1 and " + ArchiveSettings.MAX_CONCURRENCY + ", not "
                    + options.concurrency());
        }
        ArchiveSettings settings;
        try {
            Path outputDir = options.outputDir() != null ? options.outputDir() : Path.of("out/");
            settings = ArchiveSettings.builder(mode, token, outputDir)
                    .ids(new ArrayList<>(new LinkedHashSet<>(ids)))
                    .userAccount(options.userAccount())
                    .after(options.after())
                    .before(options.before())
                    .noScrub(options.noScrub())
                    .gzip(options.gzip())
                    .apiUrl(options.apiUrl() != null ? options.apiUrl() : ArchiveSettings.DEFAULT_API_URL)
                    .cdnUrl(options.cdnUrl() != null ? options.cdnUrl() : ArchiveSettings.DEFAULT_CDN_URL)
                    .command(root.commandLine())
                    .noGateway(options.noGateway())
                    .concurrency(options.concurrency() != null ? options.concurrency()
                            : ArchiveSettings.DEFAULT_CONCURRENCY)
                    .incremental(options.incremental())
                    .maxRate(options.maxRate() != null ? options.maxRate()
                            : ArchiveSettings.defaultMaxRate(options.userAccount()))
                    .media(options.media())
                    .members(options.members())
                    .follow(options.follow())
                    .rotate(options.rotate())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return run(root, settings);
    }

    private static int run(DiscardCommand root, ArchiveSettings settings) {
        Console console = root.console;
        Mode mode = settings.mode();
        RunProgress progress = new RunProgress(console, settings, Clock.systemUTC(), System::nanoTime);
        ArchiveRun run = root.runFactory.apply(settings).newBuilder().listener(progress).build();
        // Counted down once the outcome is printed: on a signal the JVM exits when the hook returns, and the line
        // that says how to resume must be out by then.
        CountDownLatch reported = new CountDownLatch(1);
        try (ShutdownGuard guard = ShutdownGuard.install(wait -> {
                    // A followed run makes its closing pass before it stops: give it longer than the files alone.
                    run.interrupt(Signals.reason(), settings.follow() ? FOLLOW_STOP_MILLIS : wait);
                    reported.await(REPORT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                });
                ConsoleLog log = ConsoleLog.open(console.verbose(), console.quiet())) {
            RunResult result;
            try {
                result = run.run();
            } finally {
                progress.close();
            }
            int code = report(console, mode, result, progress.elapsed());
            if (mode != Mode.PROFILE && !(settings.follow() && console.quiet())) {
                // Printed with --quiet too: what a cron job's mail should say of how the run used its budget (issue
                // 29); but not for a quiet --follow run, a service whose -q prints only errors (issue 26).
                RunPace pace = progress.lastPace();
                console.out.println(RunReport.pace(result, progress.elapsed(), settings.maxRate(),
                        pace == null ? 0 : pace.channelsFound()));
            }
            return code;
        } catch (RunFailedException e) {
            console.error(e.getMessage());
            return e instanceof RunDirectoryInUseException ? ExitCode.USAGE : ExitCode.FAILED;
        } finally {
            reported.countDown();
        }
    }

    private static int report(Console console, Mode mode, RunResult result, Duration took) {
        result.failures().forEach(failure -> console.error(failure.toString()));
        if (mode == Mode.PROFILE) {
            console.info("Logged in as " + result.user().path("username").asText() + " (id "
                    + result.user().path("id").asText() + ")");
        } else {
            console.info(RunReport.summary(result, took));
        }
        if (result.failures().isEmpty()) return ExitCode.OK;
        boolean anythingArchived = result.channels() > result.channelsFailed();
        return anythingArchived ? ExitCode.PARTIAL : ExitCode.FAILED;
    }
}

package dev.discard.testing;

import dev.discard.fake.FakeDiscord;
import dev.discard.fake.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the CLI tests: the standard fake Discord per test, a fresh output folder, and a way to run against both. */
public abstract class FakeDiscordTest {
    @TempDir protected Path out;
    protected FakeDiscord discord;

    @BeforeEach
    void startDiscord() throws Exception {
        discord = Fixtures.standard().start();
    }

    @AfterEach
    void stopDiscord() throws Exception {
        discord.close();
    }

    /**
     * The contract with the original Discard (issue 14): its reader reads every channel log, and its summary every
     * run, that a test of ours wrote. A test that damages files on purpose says so with {@link #damagesFiles}.
     */
    @AfterEach
    void originalDiscardReadsEveryRun() throws Exception {
        if (damagesFiles || !java.nio.file.Files.isDirectory(out)) return;
        boolean allOurs = true;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(out)) {
            for (Path meta : files.filter(f -> f.getFileName().toString().equals("run.meta.json")).toList()) {
                // Runs a test wrote by hand as the Python Discard would are not ours to hold to the contract.
                boolean ours = ArchiveFiles.meta(meta).path("client").has("implementation");
                if (ours) OriginalDiscard.readRun(meta.getParent());
                allOurs &= ours;
            }
        }
        if (allOurs) OriginalDiscard.summary(out);
    }

    /** Set by a test that truncates, corrupts or deletes what a run wrote: the original would crash on it too. */
    protected boolean damagesFiles;

    /** Runs {@code discard --api-url <fake> -o <out> args…} with the fixture's token in DISCORD_TOKEN. */
    protected CliRun run(String... args) {
        return run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), args);
    }

    protected CliRun run(Map<String, String> env, String... args) {
        return run(env, false, args);
    }

    /** As {@link #run(String...)}, with stdout a terminal of {@code env}'s COLUMNS (80 without) or not. */
    protected CliRun run(Map<String, String> env, boolean terminal, String... args) {
        List<String> all = new ArrayList<>(List.of("--api-url", discord.apiUrl(), "-o", out.toString()));
        all.addAll(List.of(args));
        return CliRun.run(env, terminal, all.toArray(String[]::new));
    }
}

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

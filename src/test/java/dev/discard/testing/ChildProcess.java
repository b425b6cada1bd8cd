package dev.discard.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.discard.cli.Main;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;

/** discard as a real process against the fake, for what only a process has: signals, SIGKILL. */
public final class ChildProcess {
    private ChildProcess() {}

    /** Starts {@code discard --api-url <fake> -o <out> args…} with the fixture's token; output merged. */
    public static ProcessBuilder builder(FakeDiscord discord, Path out, String... args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--api-url", discord.apiUrl(), "-o", out.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DISCORD_TOKEN", Fixtures.TOKEN);
        return builder.redirectErrorStream(true);
    }

    /** Waits until the fake has received {@code count} requests whose path contains {@code pathPart}. */
    public static void awaitRequests(FakeDiscord discord, String pathPart, int count) throws InterruptedException {
        int seen = 0;
        while (seen < count) {
            // A bound for a machine under load (a JVM starting beside busy builds), not a wait: it returns at once.
            RecordedRequest request = discord.server().takeRequest(120, TimeUnit.SECONDS);
            assertNotNull(request, "the child should send request " + count + " of " + pathPart);
            if (request.getPath().contains(pathPart)) seen++;
        }
    }
}

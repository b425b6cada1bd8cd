package dev.discard.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.discard.archive.ArchiveRun;
import dev.discard.archive.RunFailedException;
import dev.discard.fake.FakeDiscord;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;

/** Runs an archive in the background and interrupts it once it hangs on a chosen request of the fake. */
public final class Interruptions {
    private Interruptions() {}

    /**
     * Makes the {@code nth} request matching {@code pathAndQuery} hang, runs until it is sent, interrupts the run with
     * {@code reason}, and returns what the run threw (null if it finished anyway).
     */
    public static Throwable interruptAt(FakeDiscord discord, ArchiveRun run, String pathAndQuery, int nth,
            String reason) throws Exception {
        discord.hangOn(pathAndQuery, nth);
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                run.run();
                return null;
            } catch (RunFailedException e) {
                return e;
            }
        });
        int seen = 0;
        while (seen < nth) {
            RecordedRequest request = discord.server().takeRequest(10, TimeUnit.SECONDS);
            assertNotNull(request, "the run should reach request " + nth + " of " + pathAndQuery);
            if (request.getPath().contains(pathAndQuery)) seen++;
        }
        run.interrupt(reason, 10_000);
        return outcome.get(10, TimeUnit.SECONDS);
    }
}

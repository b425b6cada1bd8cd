package dev.discard.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ChannelPoolTest {
    @Test
    void anInterruptedRunWaitsForItsStoppedChannelsEvenWhenInterruptedAgain() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch stopping = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        AtomicBoolean filesFinished = new AtomicBoolean();
        Callable<String> slowToStop = () -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(); // archiving, until stopped
            } catch (InterruptedException stopped) {
                stopping.countDown();
                // Finishing its files takes until the test says so, and does not stop for interrupts.
                while (true) {
                    try {
                        if (mayFinish.await(10, TimeUnit.SECONDS)) break;
                    } catch (InterruptedException again) {
                        // still finishing
                    }
                }
                filesFinished.set(true);
            }
            return "stopped";
        };
        Callable<String> quick = () -> {
            started.countDown();
            return "done";
        };
        AtomicReference<Thread> runThread = new AtomicReference<>();
        AtomicBoolean finishedWhenReturned = new AtomicBoolean();
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            runThread.set(Thread.currentThread());
            try {
                new ChannelPool(2).runAll(List.of(slowToStop, quick));
                return null;
            } catch (Exception e) {
                return e;
            } finally {
                finishedWhenReturned.set(filesFinished.get());
            }
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        runThread.get().interrupt();
        assertTrue(stopping.await(10, TimeUnit.SECONDS));
        Thread run = runThread.get();
        awaitWaiting(run, outcome);
        run.interrupt(); // a second signal while the channels finish their files
        awaitWaiting(run, outcome); // it took the interrupt and waits again, or (wrongly) returned
        mayFinish.countDown();
        Throwable failure = outcome.get(20, TimeUnit.SECONDS);
        assertTrue(failure instanceof InterruptedException, String.valueOf(failure));
        assertEquals(true, finishedWhenReturned.get(), "returned before the stopped channel had finished its files");
    }

    /**
     * Until {@code thread} waits with its interrupt taken (or {@code outcome} is done): a state, not a time, with ten
     * seconds as the timeout.
     */
    private static void awaitWaiting(Thread thread, CompletableFuture<?> outcome) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!outcome.isDone() && !(thread.getState() == Thread.State.TIMED_WAITING && !thread.isInterrupted())) {
            assertTrue(System.nanoTime() < deadline, "the run thread never waited: " + thread.getState());
            Thread.onSpinWait();
        }
    }
}

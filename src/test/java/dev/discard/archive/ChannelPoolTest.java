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
    /** A task that spawns {@code children} tasks, each adding its name to {@code ran}. */
    private static Callable<String> parent(ChannelPool pool, String name, int children, List<String> ran) {
        return () -> {
            for (int i = 0; i < children; i++) {
                String child = name + "." + i;
                pool.spawn(() -> ran.add(child));
            }
            ran.add(name);
            return name;
        };
    }

    @Test
    void spawnedTasksRunInThePoolAndAllEndBeforeRunAllReturns() throws Exception {
        for (int concurrency : new int[] {1, 3}) {
            ChannelPool pool = new ChannelPool(concurrency);
            List<String> ran = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            List<String> results = pool.runAll(List.of(parent(pool, "a", 5, ran), parent(pool, "b", 0, ran),
                    parent(pool, "c", 2, ran)));
            assertEquals(List.of("a", "b", "c"), results, "the given tasks' results, in order");
            assertEquals(java.util.Set.of("a", "a.0", "a.1", "a.2", "a.3", "a.4", "b", "c", "c.0", "c.1"),
                    new java.util.HashSet<>(ran), "concurrency " + concurrency);
            assertEquals(10, ran.size(), "each once");
            if (concurrency == 1) {
                assertEquals(List.of("a", "a.0", "a.1", "a.2", "a.3", "a.4", "b", "c", "c.0", "c.1"), ran,
                        "one at a time: each spawned task after the task that spawned it");
            }
        }
    }

    @Test
    void spawnOutsideTheTasksOfThePoolIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new ChannelPool(2).spawn(() -> null));
    }

    @Test
    void aFailingSpawnedTaskFailsTheRun() {
        ChannelPool pool = new ChannelPool(2);
        java.io.IOException failure = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> pool.runAll(List.<Callable<String>>of(() -> {
                    pool.spawn(() -> {
                        throw new java.io.IOException("disk full");
                    });
                    return "parent";
                })));
        assertEquals("disk full", failure.getMessage());
    }
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

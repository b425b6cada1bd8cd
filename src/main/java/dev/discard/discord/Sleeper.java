package dev.discard.discord;

import java.util.concurrent.TimeUnit;

/** Waits; an interface so tests can record the waits a rate limit asks for instead of sitting through them. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = nanos -> TimeUnit.NANOSECONDS.sleep(nanos);

    void sleep(long nanos) throws InterruptedException;
}

package dev.discard.read;

import java.util.LinkedHashSet;
import java.util.Iterator;

/**
 * Recognises a dispatch recorded twice (a resumed session's replay, the same frame in two parts of a log) among the
 * last {@value #WINDOW} seen, by {@link LiveEvent#replayKey}. Not thread-safe.
 */
public final class ReplayFilter {
    /** Dispatches remembered: a replay repeats at most the events of one dropped connection. */
    static final int WINDOW = 10_000;

    private final LinkedHashSet<String> recent = new LinkedHashSet<>();

    /** Whether the event is new; a new one is remembered. */
    public boolean first(LiveEvent event) {
        if (!recent.add(event.replayKey())) return false;
        if (recent.size() > WINDOW) {
            Iterator<String> oldest = recent.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }
}

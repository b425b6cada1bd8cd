package dev.discard.archive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The logs of one run directory of a {@code --follow} run, kept open from their first record to the end of the run:
 * a channel's history pages and its live events go into one file, in the order they came, whichever came first.
 * The archivers' {@code close()} leaves them open; {@link #releaseAll} finishes them. Thread-safe.
 */
final class FollowLogs {
    /** Opens a new log for a stem; {@link ArchiveContext#createLog}. */
    @FunctionalInterface
    interface Opener {
        ExchangeLog create(String stem) throws IOException;
    }

    private final Opener opener;
    /** Stem → open log. Guarded by this. */
    private final Map<String, ExchangeLog> open = new HashMap<>();
    private boolean released;

    FollowLogs(Opener opener) {
        this.opener = opener;
    }

    /** The log of {@code stem} (e.g. {@code 123/456}), created on first use. */
    synchronized ExchangeLog open(String stem) throws IOException {
        if (released) throw new IllegalStateException("the run's logs are finished: " + stem);
        ExchangeLog log = open.get(stem);
        if (log == null) {
            log = opener.create(stem);
            log.hold();
            open.put(stem, log);
        }
        return log;
    }

    /** Finishes every log; the first failure is thrown after all were tried. Idempotent. */
    void releaseAll() throws IOException {
        List<ExchangeLog> logs;
        synchronized (this) {
            released = true;
            logs = new ArrayList<>(open.values());
            open.clear();
        }
        IOException first = null;
        for (ExchangeLog log : logs) {
            try {
                log.release();
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}

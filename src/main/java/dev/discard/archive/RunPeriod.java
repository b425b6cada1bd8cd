package dev.discard.archive;

import java.time.Instant;

/**
 * One run directory of a run: the whole run, or with {@code --follow --rotate} one period of it, from its start to
 * its cut. Each is closed, complete and verifiable on its own. Immutable; its parts are not.
 *
 * @param runLog the period's {@code run.jsonl}
 */
record RunPeriod(RunLayout layout, RunMeta meta, ArchiveContext context, ExchangeLog runLog) {
    /**
     * The first cut after {@code time} for periods of {@code length}: the next multiple of the length since the Unix
     * epoch, so a 1d rotation cuts at UTC midnight and 6h at 00:00, 06:00, 12:00 and 18:00 UTC.
     */
    static Instant nextCut(Instant time, java.time.Duration length) {
        long ms = length.toMillis();
        long now = time.toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(now, ms) * ms + ms);
    }
}

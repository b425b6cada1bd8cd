package dev.discard.export.warc;

import dev.discard.format.ClientInfo;
import dev.discard.format.OutputFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.netpreserve.jwarc.WaczWriter;

/**
 * Packs a finished WARC into a WACZ 1.1.1 with jwarc's {@link WaczWriter}: {@code archive/<name>.warc.gz} (stored, as
 * the specification asks), {@code indexes/index.cdx.gz} (CDXJ of every response and resource record, sorted),
 * {@code pages/pages.jsonl} (the pages below), {@code datapackage.json} (every file with its SHA-256 and size) and
 * {@code datapackage-digest.json}.
 */
final class WaczPacking {
    private final Clock clock;
    private final OutputFiles files;

    WaczPacking(Clock clock, OutputFiles files) {
        this.clock = clock;
        this.files = files;
    }

    /**
     * An entry of {@code pages.jsonl}: the first successful answer of each log, titled by run and log.
     *
     * @param url the answer's target
     * @param ts when it was fetched
     * @param title {@code <run> <folder>/<log>}
     */
    record Page(String url, Instant ts, String title) {}

    void pack(Path warc, String warcName, List<Page> pages, Path output) throws IOException {
        try (OutputStream out = new BufferedOutputStream(files.create(output));
                WaczWriter wacz = new WaczWriter(out)) {
            wacz.setAutoPages(false);
            wacz.set("title", "Discord archive: " + warcName);
            wacz.set("created", clock.instant().toString());
            wacz.set("software", ClientInfo.NAME + " " + ClientInfo.VERSION + " (export warc --wacz; jwarc)");
            wacz.writeResource("archive/" + warcName, warc);
            for (Page page : pages) wacz.addPage(page.url(), page.ts(), page.title());
        }
    }
}

package dev.discard.read;

import dev.discard.format.Snowflake;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks that a channel's message pages leave no hole: each page asked for {@code after} = the largest id of the
 * page before. A larger {@code after} skipped messages (a problem); a smaller one fetched some twice (information).
 * A history that ends on a full page inside the run's range may go on (a problem for a completed run): full is the
 * {@code limit} asked for, or the page size the server had shown ({@code page_size} of the channel's meta file), since
 * a server that caps pages below the limit proves an end only with a page below its cap. An empty page or a page
 * below both proves the end (Discord answers {@code limit} messages while that many remain).
 */
final class PageContinuity {
    private final long before;
    private long previousLargest = -1;
    private int lastSize;
    private int lastLimit = -1;
    private long lastLargest = -1;
    private Path lastFile;
    private long lastLine;

    /** @param before the run's {@code --before} as a snowflake; 2^64 - 1 (-1L) for none */
    PageContinuity(long before) {
        this.before = before;
    }

    void page(ArchiveRecord record, List<Message> sorted, Consumer<Finding> findings) {
        long after = Snowflake.parseLenient(record.param("after"));
        if (after != -1 && previousLargest != -1) {
            if (Long.compareUnsigned(after, previousLargest) > 0) {
                findings.accept(Finding.problem(record.file(), record.line(), "page hole: this page asks for"
                        + " messages after " + Long.toUnsignedString(after) + " but the page before ended at "
                        + Long.toUnsignedString(previousLargest) + "; messages between them may be missing"));
            } else if (Long.compareUnsigned(after, previousLargest) < 0) {
                findings.accept(Finding.info(record.file(), record.line(), "page overlap: this page asks for"
                        + " messages after " + Long.toUnsignedString(after) + " but the page before ended at "
                        + Long.toUnsignedString(previousLargest)));
            }
        }
        if (!sorted.isEmpty()) {
            long largest = sorted.get(sorted.size() - 1).id();
            previousLargest = previousLargest == -1 || Long.compareUnsigned(largest, previousLargest) > 0
                    ? largest : previousLargest;
            lastLargest = largest;
        } else {
            lastLargest = -1;
        }
        lastSize = sorted.size();
        String limit = record.param("limit");
        long parsedLimit = Snowflake.parseLenient(limit);
        lastLimit = limit == null || parsedLimit == -1 ? -1 : (int) Math.min(Integer.MAX_VALUE, parsedLimit);
        lastFile = record.file();
        lastLine = record.line();
    }

    /**
     * After the last page of a completed run: a full last page below {@code --before} means history went on.
     *
     * @param pageSize the page size the server had shown, from the channel's meta file; null when it does not say
     */
    void end(Integer pageSize, Consumer<Finding> findings) {
        boolean full = lastLimit > 0 && (lastSize >= lastLimit || (pageSize != null && lastSize >= pageSize));
        if (lastFile != null && full && lastLargest != -1
                && Long.compareUnsigned(lastLargest, before) < 0) {
            findings.accept(Finding.problem(lastFile, lastLine, "the last message page is full (" + lastSize
                    + " messages) and inside the run's range: the history may go on after message " + Long.toUnsignedString(lastLargest)));
        }
    }
}

package dev.discard.dedupe;

import dev.discard.dedupe.FileResult.Copy;
import dev.discard.dedupe.FileResult.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The result of one dedupe run: the decision for every entry of the source directory, in name order, and the counts
 * and timestamp statistics DiscordPicExtract prints; immutable.
 */
public final class DedupeReport {
    /**
     * A removed duplicate and the image kept for it.
     *
     * @param seconds how much later the removed image's name time is than the kept one's; never negative
     */
    public record Pair(String removed, String kept, long seconds) {}

    private final DedupeOptions options;
    private final List<FileResult> files;
    private final List<Pair> pairs;
    private final Optional<TimestampStatistics> statistics;

    public DedupeReport(DedupeOptions options, List<FileResult> files) {
        this.options = options;
        this.files = List.copyOf(files);
        Map<String, FileResult> byName = new HashMap<>();
        for (FileResult file : this.files) byName.put(file.name(), file);
        List<Pair> pairs = new ArrayList<>();
        for (FileResult file : this.files) {
            if (file.status() != Status.DUPLICATE) continue;
            FileResult kept = byName.get(file.duplicateOf());
            pairs.add(new Pair(file.name(), kept.name(),
                    Duration.between(kept.timestamp(), file.timestamp()).getSeconds()));
        }
        this.pairs = List.copyOf(pairs);
        this.statistics = TimestampStatistics.of(pairs.stream().mapToDouble(Pair::seconds).toArray());
    }

    public DedupeOptions options() {
        return options;
    }

    /** Every entry of the source directory, in name order. */
    public List<FileResult> files() {
        return files;
    }

    public int imagesScanned() {
        return count(f -> f.status().isImage());
    }

    /** Images kept: unique ones, and those never compared (no date in the name, not decodable). */
    public int uniqueImages() {
        return count(f -> f.status().isImage() && f.status().isKept());
    }

    /** Unique images copied, or that a dry run would copy; not those already in the output. */
    public int uniqueImagesCopied() {
        return count(f -> f.status().isImage() && (f.copy() == Copy.COPIED || f.copy() == Copy.WOULD_COPY));
    }

    public int duplicatesSkipped() {
        return pairs.size();
    }

    /** Kept images with at least one duplicate. */
    public int duplicateGroups() {
        return (int) pairs.stream().map(Pair::kept).distinct().count();
    }

    /** Files of any kind not copied because the output had a file of that name. */
    public int alreadyInOutput() {
        return count(f -> f.copy() == Copy.EXISTS);
    }

    /** Files that are not images, copied or that a dry run would copy. */
    public int otherFilesCopied() {
        return count(f -> f.status() == Status.NOT_IMAGE && (f.copy() == Copy.COPIED || f.copy() == Copy.WOULD_COPY));
    }

    /** Every removed duplicate with its kept image, in name order of the removed one. */
    public List<Pair> pairs() {
        return pairs;
    }

    /** Statistics of {@link #pairs}' seconds; empty when there are no duplicates. */
    public Optional<TimestampStatistics> statistics() {
        return statistics;
    }

    /** Pairs further apart than the 95th percentile, largest difference first (equal ones in name order). */
    public List<Pair> aboveP95() {
        if (statistics.isEmpty()) return List.of();
        double p95 = statistics.get().p95();
        return pairs.stream()
                .filter(p -> p.seconds() > p95)
                .sorted(Comparator.comparingLong(Pair::seconds).reversed().thenComparing(Pair::removed))
                .toList();
    }

    private int count(Predicate<FileResult> test) {
        return (int) files.stream().filter(test).count();
    }
}

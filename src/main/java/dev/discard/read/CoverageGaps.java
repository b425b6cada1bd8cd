package dev.discard.read;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The times of a channel's history that completed runs covered, and the gaps between them. A run covers
 * {@code [--after or the beginning, --before or the run's start]}. Gaps are counted from the channel's creation (the
 * time of its id); the time after the last covered point is not a gap but "not archived yet" ({@link #coveredUntil}).
 * Immutable.
 *
 * @param covered the union of the runs' ranges, oldest first, disjoint and not touching
 * @param gaps the holes between the channel's creation and {@link #coveredUntil}, oldest first
 */
public record CoverageGaps(List<Range> covered, List<Range> gaps) {
    /**
     * A time range.
     *
     * @param from its start; null for "from the beginning"
     * @param to its end
     */
    public record Range(Instant from, Instant to) {
        public Range {
            if (to == null) throw new IllegalArgumentException("a range needs an end");
        }

        boolean isEmpty() {
            return from != null && !from.isBefore(to);
        }
    }

    public CoverageGaps {
        covered = List.copyOf(covered);
        gaps = List.copyOf(gaps);
    }

    /**
     * @param created when the channel was created; null when unknown (gaps then start at "the beginning")
     * @param runs the ranges of the completed runs that archived the channel, in any order
     */
    public static CoverageGaps of(Instant created, List<Range> runs) {
        List<Range> sorted = new ArrayList<>(runs.stream().filter(r -> !r.isEmpty()).toList());
        sorted.sort(Comparator.comparing(Range::from, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<Range> merged = new ArrayList<>();
        for (Range r : sorted) {
            Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && (r.from() == null || !r.from().isAfter(last.to()))) {
                if (r.to().isAfter(last.to())) merged.set(merged.size() - 1, new Range(last.from(), r.to()));
            } else {
                merged.add(r);
            }
        }
        List<Range> gaps = new ArrayList<>();
        Instant cursor = created; // covered or not existing up to here; null: nothing known yet
        for (Range r : merged) {
            if (r.from() != null && (cursor == null || r.from().isAfter(cursor))) gaps.add(new Range(cursor, r.from()));
            if (cursor == null || r.to().isAfter(cursor)) cursor = r.to();
        }
        return new CoverageGaps(merged, gaps);
    }

    /** The end of the last covered range: nothing after it is archived. Null when no run covered the channel. */
    public Instant coveredUntil() {
        return covered.isEmpty() ? null : covered.get(covered.size() - 1).to();
    }
}

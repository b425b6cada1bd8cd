package dev.discard.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageGapsTest {
    static Instant day(int d) {
        return Instant.parse("2021-01-01T00:00:00Z").plusSeconds(86400L * (d - 1));
    }

    static CoverageGaps.Range range(Integer from, int to) {
        return new CoverageGaps.Range(from == null ? null : day(from), day(to));
    }

    @Test
    void overlappingAndTouchingRangesMergeAndDisjointOnesLeaveGaps() {
        CoverageGaps c = CoverageGaps.of(day(1), List.of(range(10, 12), range(2, 5), range(4, 6), range(6, 8)));
        assertEquals(List.of(range(2, 8), range(10, 12)), c.covered());
        assertEquals(List.of(range(1, 2), range(8, 10)), c.gaps());
        assertEquals(day(12), c.coveredUntil());
    }

    @Test
    void aFullHistoryRunLeavesNoGapBeforeIt() {
        CoverageGaps c = CoverageGaps.of(day(1), List.of(range(null, 5), range(7, 9)));
        assertEquals(List.of(range(5, 7)), c.gaps());
    }

    @Test
    void rangesBeforeTheChannelExistedAreNoGaps() {
        CoverageGaps c = CoverageGaps.of(day(5), List.of(range(1, 3), range(4, 8)));
        assertEquals(List.of(), c.gaps());
        CoverageGaps later = CoverageGaps.of(day(5), List.of(range(1, 3), range(6, 8)));
        assertEquals(List.of(range(5, 6)), later.gaps());
    }

    @Test
    void withoutAnyRunNothingIsCovered() {
        CoverageGaps c = CoverageGaps.of(day(1), List.of());
        assertNull(c.coveredUntil());
        assertEquals(List.of(), c.gaps());
    }

    @Test
    void anUnknownCreationTimeStartsTheFirstGapAtTheBeginning() {
        CoverageGaps c = CoverageGaps.of(null, List.of(range(3, 4)));
        assertEquals(List.of(range(null, 3)), c.gaps());
    }

    @Test
    void overlapDetection() {
        assertEquals(true, Summarizer.overlaps(List.of(range(1, 10), range(2, 3), range(5, 6))));
        assertEquals(false, Summarizer.overlaps(List.of(range(5, 6), range(1, 5), range(7, 8))));
        assertEquals(true, Summarizer.overlaps(List.of(range(null, 6), range(null, 8))));
    }
}

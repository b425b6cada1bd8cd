package dev.discard.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Expected values are worked out by hand in the comments; they agree with numpy 1.24's mean, median, std and
 * percentile.
 */
class TimestampStatisticsTest {
    @Test
    void oddCount() {
        // sorted 10 20 30 40 100; n = 5; sum 200.
        TimestampStatistics s = TimestampStatistics.of(new double[] {40, 10, 100, 30, 20}).orElseThrow();
        assertEquals(5, s.count());
        assertEquals(40.0, s.mean());                      // 200 / 5
        assertEquals(30.0, s.median());                    // the middle value
        assertEquals(Math.sqrt(1000), s.standardDeviation(), 1e-12); // (900 + 400 + 100 + 0 + 3600) / 5, ddof 0
        assertEquals(10.0, s.min());
        assertEquals(100.0, s.max());
        assertEquals(20.0, s.p25());                       // index 4 · 0.25 = 1
        assertEquals(40.0, s.p75());                       // index 3
        assertEquals(76.0, s.p90(), 1e-12);                // index 3.6: 40 + 0.6 · 60
        assertEquals(88.0, s.p95(), 1e-12);                // index 3.8: 40 + 0.8 · 60
    }

    @Test
    void evenCountLikeTheSeedsPattern() {
        // sorted 36 59 60 60 62 75 91 186; n = 8; sum 629.
        TimestampStatistics s = TimestampStatistics.of(new double[] {60, 186, 36, 62, 59, 91, 60, 75}).orElseThrow();
        assertEquals(78.625, s.mean());                    // 629 / 8
        assertEquals(61.0, s.median());                    // (60 + 62) / 2
        // Squared deviations from 78.625 sum to 14867.875; / 8 = 1858.484375.
        assertEquals(Math.sqrt(1858.484375), s.standardDeviation(), 1e-12);
        assertEquals(59.75, s.p25());                      // index 1.75: 59 + 0.75 · 1
        assertEquals(79.0, s.p75());                       // index 5.25: 75 + 0.25 · 16
        // index 6.3 and 6.65 between 91 and 186; numpy's own float order gives these exact doubles, and
        // 152.74999999999994 prints as 152.7, where the exact 152.75 would print as 152.8.
        assertEquals(119.49999999999999, s.p90());
        assertEquals(152.74999999999994, s.p95());
    }

    @Test
    void oneValueAndNone() {
        TimestampStatistics s = TimestampStatistics.of(new double[] {7}).orElseThrow();
        assertEquals(7.0, s.median());
        assertEquals(0.0, s.standardDeviation());
        assertEquals(7.0, s.p25());
        assertEquals(7.0, s.p95());
        assertTrue(TimestampStatistics.of(new double[0]).isEmpty());
    }

    @Test
    void fourValuesInterpolate() {
        TimestampStatistics s = TimestampStatistics.of(new double[] {1, 2, 3, 4}).orElseThrow();
        assertEquals(2.5, s.median());
        assertEquals(1.75, s.p25());                       // index 0.75
        assertEquals(3.25, s.p75());                       // index 2.25
        assertEquals(Math.sqrt(1.25), s.standardDeviation(), 1e-12);
    }
}

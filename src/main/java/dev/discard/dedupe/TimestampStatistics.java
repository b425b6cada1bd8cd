package dev.discard.dedupe;

import java.util.Arrays;
import java.util.Optional;

/**
 * Summary statistics of the seconds between each removed duplicate and the image kept for it, computed as numpy's
 * defaults compute them (DiscordPicExtract's numbers).
 *
 * <p>The median is {@code numpy.median}: the middle value, or the mean of the two middle ones. The standard deviation
 * is {@code numpy.std} with its default {@code ddof=0}: the population deviation, dividing by n, not n − 1.
 * Percentiles are {@code numpy.percentile}'s default {@code method="linear"}: the value at virtual index
 * {@code (n − 1) · q / 100} of the sorted values, interpolated linearly between its two neighbours.
 *
 * @param count the number of pairs
 * @param mean the mean difference, in seconds
 * @param median the median difference, in seconds
 * @param standardDeviation the population standard deviation, in seconds
 * @param min the smallest difference, in seconds
 * @param max the largest difference, in seconds
 * @param p25 the 25th percentile, in seconds
 * @param p75 the 75th percentile, in seconds
 * @param p90 the 90th percentile, in seconds
 * @param p95 the 95th percentile, in seconds
 */
public record TimestampStatistics(int count, double mean, double median, double standardDeviation, double min,
        double max, double p25, double p75, double p90, double p95) {

    /** The statistics of {@code seconds}; empty when there are none. */
    public static Optional<TimestampStatistics> of(double[] seconds) {
        int n = seconds.length;
        if (n == 0) return Optional.empty();
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double s : sorted) sum += s;
        double mean = sum / n;
        double squares = 0;
        for (double s : sorted) squares += (s - mean) * (s - mean);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return Optional.of(new TimestampStatistics(n, mean, median, Math.sqrt(squares / n), sorted[0], sorted[n - 1],
                percentile(sorted, 25), percentile(sorted, 75), percentile(sorted, 90), percentile(sorted, 95)));
    }

    /**
     * numpy's linear percentile of ascending {@code sorted}, {@code q} in 0–100. The index and the interpolation are
     * written in numpy's own floating-point order ({@code (n − 1) · (q / 100)};
     * {@code b − (b − a)(1 − t)} from the middle on) so that a value ending in ·x5 rounds for display as numpy's
     * does.
     */
    static double percentile(double[] sorted, double q) {
        int n = sorted.length;
        double quantile = q / 100;
        double virtual = (n - 1) * quantile;
        int below = (int) Math.floor(virtual);
        if (below < 0) return sorted[0];
        if (below >= n - 1) return sorted[n - 1];
        double t = virtual - below;
        double a = sorted[below];
        double b = sorted[below + 1];
        double difference = b - a;
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
    }
}

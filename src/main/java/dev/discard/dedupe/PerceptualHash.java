package dev.discard.dedupe;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A 64-bit DCT perceptual hash, computed as Python's {@code imagehash.phash(image)} (hash_size 8, highfreq_factor 4)
 * computes it; immutable.
 *
 * <p>The definition followed, step by step, as imagehash 4.3 states it:
 * <ol>
 *   <li>{@code image.convert("L")}: Pillow's ITU-R 601-2 luma,
 *       {@code L = (R·19595 + G·38470 + B·7471 + 0x8000) >> 16}, which ignores alpha (see {@link LumaRows});
 *   <li>{@code .resize((32, 32), ANTIALIAS)}: Pillow's Lanczos (a = 3) resampling, horizontal pass first, each pass
 *       rounded to 8 bits (see {@link LanczosResize});
 *   <li>{@code scipy.fftpack.dct(scipy.fftpack.dct(pixels, axis=0), axis=1)}: the unnormalised DCT-II,
 *       {@code y[k] = 2 Σ x[n] cos(π k (2n + 1) / 2N)}, down the columns then along the rows, in float64;
 *   <li>the top-left 8×8 of that ({@code dct[:8, :8]}, row = vertical frequency);
 *   <li>their median ({@code numpy.median}: the mean of the 32nd and 33rd of the 64 sorted values);
 *   <li>bit = value {@code >} median (strictly), flattened row by row; the first bit is the most significant of the
 *       16 hex digits, as imagehash's {@code str(hash)} prints it.
 * </ol>
 * Only the 64 coefficients the hash uses are computed, by direct summation rather than scipy's FFT. The two agree to
 * about 1e-12, which matters only where a coefficient ties the median: flat images (a solid colour) have every AC
 * coefficient zero up to round-off, and their bits may differ from Python's. Within one run the same pixels always
 * give the same hash.
 */
public record PerceptualHash(long bits) {
    /** The resized side: hash_size 8 × highfreq_factor 4. */
    static final int SIZE = 32;
    /** The low-frequency block kept from the DCT, 8 × 8 = 64 bits. */
    static final int LOW = 8;
    /** COS[k][n] = cos(π k (2n + 1) / 64), the DCT-II basis for the 8 lowest frequencies of 32 samples. */
    private static final double[][] COS = new double[LOW][SIZE];

    static {
        for (int k = 0; k < LOW; k++) {
            for (int n = 0; n < SIZE; n++) COS[k][n] = Math.cos(Math.PI * k * (2 * n + 1) / (2.0 * SIZE));
        }
    }

    /** The hash of a decoded image. */
    public static PerceptualHash of(BufferedImage image) {
        return ofGray32(LanczosResize.toGray(image, SIZE));
    }

    /** The hash of 32×32 grayscale pixels (0–255, row by row), the state after imagehash's resize. */
    static PerceptualHash ofGray32(int[] pixels) {
        return fromLowFrequencies(lowFrequencies(pixels));
    }

    /** {@code dct(dct(pixels, axis=0), axis=1)[:8, :8]}, row by row. */
    static double[] lowFrequencies(int[] pixels) {
        if (pixels.length != SIZE * SIZE) {
            throw new IllegalArgumentException("expected " + SIZE * SIZE + " pixels but was " + pixels.length);
        }
        // Axis 0 (down each column), keeping the 8 lowest vertical frequencies: columns[k][x].
        double[][] columns = new double[LOW][SIZE];
        for (int k = 0; k < LOW; k++) {
            for (int x = 0; x < SIZE; x++) {
                double sum = 0;
                for (int y = 0; y < SIZE; y++) sum += pixels[y * SIZE + x] * COS[k][y];
                columns[k][x] = 2 * sum;
            }
        }
        // Axis 1 (along each row of that), keeping the 8 lowest horizontal frequencies.
        double[] low = new double[LOW * LOW];
        for (int k = 0; k < LOW; k++) {
            for (int l = 0; l < LOW; l++) {
                double sum = 0;
                for (int x = 0; x < SIZE; x++) sum += columns[k][x] * COS[l][x];
                low[k * LOW + l] = 2 * sum;
            }
        }
        return low;
    }

    /** Bit i (row-major, most significant first) is set where coefficient i is above the median of all 64. */
    static PerceptualHash fromLowFrequencies(double[] low) {
        double[] sorted = low.clone();
        Arrays.sort(sorted);
        double median = (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        long bits = 0;
        for (int i = 0; i < low.length; i++) {
            if (low[i] > median) bits |= 1L << (low.length - 1 - i);
        }
        return new PerceptualHash(bits);
    }

    /** Reads the 16 hex digits that {@link #toString} prints. */
    public static PerceptualHash parse(String hex) {
        if (hex.length() != 16) throw new IllegalArgumentException("expected 16 hex digits but was '" + hex + "'");
        return new PerceptualHash(Long.parseUnsignedLong(hex, 16));
    }

    /** The number of differing bits, imagehash's {@code hash1 - hash2}. */
    public int distanceTo(PerceptualHash other) {
        return Long.bitCount(bits ^ other.bits);
    }

    /** 16 lowercase hex digits, as imagehash's {@code str(hash)}. */
    @Override
    public String toString() {
        return String.format("%016x", bits);
    }
}

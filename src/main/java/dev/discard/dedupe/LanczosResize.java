package dev.discard.dedupe;

import java.awt.image.BufferedImage;

/**
 * Pillow's {@code resize(size, Image.LANCZOS)} (the {@code ANTIALIAS} imagehash asks for) of an 8-bit grayscale
 * image, reproduced to the same integers: a separable Lanczos filter with a = 3, whose support widens by the
 * downscale factor; weights normalised to sum 1 and then rounded to 22-bit fixed point; the horizontal pass first and
 * its result rounded and clipped to 8 bits before the vertical pass.
 *
 * <p>The image is consumed row by row, so besides the decoded image only {@code height × size} intermediate values
 * are held.
 */
final class LanczosResize {
    /** Pillow's {@code PRECISION_BITS} for 8-bit images: 32 − 8 − 2. */
    private static final int PRECISION_BITS = 22;
    /** Lanczos-3: the filter is zero outside [−3, 3). */
    private static final double SUPPORT = 3.0;

    private LanczosResize() {}

    /** The image as {@code size × size} luma values (0–255), row by row. */
    static int[] toGray(BufferedImage image, int size) {
        LumaRows rows = LumaRows.of(image);
        int width = rows.width;
        int height = rows.height;
        Coefficients horizontal = new Coefficients(width, size);
        int[] line = new int[width];
        int[] narrow = new int[height * size];
        for (int y = 0; y < height; y++) {
            rows.read(y, line);
            if (width == size) {
                System.arraycopy(line, 0, narrow, y * size, size);
            } else {
                for (int x = 0; x < size; x++) narrow[y * size + x] = horizontal.apply(line, 0, 1, x);
            }
        }
        if (height == size) return narrow;
        Coefficients vertical = new Coefficients(height, size);
        int[] out = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) out[y * size + x] = vertical.apply(narrow, x, size, y);
        }
        return out;
    }

    /** For each output position, the first input position it reads and its fixed-point weights. */
    private static final class Coefficients {
        final int[] first;
        final int[][] weights;

        Coefficients(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = SUPPORT * filterScale;
            double inverse = 1.0 / filterScale; // multiplied, not divided, to round as Pillow does
            first = new int[outSize];
            weights = new int[outSize][];
            for (int out = 0; out < outSize; out++) {
                double center = (out + 0.5) * scale;
                // Casts truncate toward zero, as C's do in Pillow; the bounds are then clamped to the image.
                int min = Math.max((int) (center - support + 0.5), 0);
                int max = Math.min((int) (center + support + 0.5), inSize);
                double[] w = new double[max - min];
                double total = 0;
                for (int i = 0; i < w.length; i++) {
                    w[i] = lanczos((i + min - center + 0.5) * inverse);
                    total += w[i];
                }
                int[] fixed = new int[w.length];
                for (int i = 0; i < w.length; i++) {
                    double k = (total != 0 ? w[i] / total : w[i]) * (1 << PRECISION_BITS);
                    fixed[i] = (int) (k < 0 ? k - 0.5 : k + 0.5);
                }
                first[out] = min;
                weights[out] = fixed;
            }
        }

        /** Output {@code out} from the input values at {@code src[offset + (first + i) · step]}. */
        int apply(int[] src, int offset, int step, int out) {
            int[] w = weights[out];
            int index = offset + first[out] * step;
            int sum = 1 << (PRECISION_BITS - 1);
            for (int i = 0; i < w.length; i++, index += step) sum += src[index] * w[i];
            return Math.min(Math.max(sum >> PRECISION_BITS, 0), 255);
        }
    }

    private static double lanczos(double x) {
        return -SUPPORT <= x && x < SUPPORT ? sinc(x) * sinc(x / SUPPORT) : 0.0;
    }

    private static double sinc(double x) {
        if (x == 0.0) return 1.0;
        double px = x * Math.PI;
        return Math.sin(px) / px;
    }
}

package dev.discard.dedupe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pinned hashes, and a check of the fast DCT against the definition.
 *
 * <p>How the pinned values were obtained: the images were written exactly as these tests write them, and hashed in
 * Python with Pillow 9.4 and scipy 1.10 (Debian bookworm) by imagehash 4.3.2's definition of {@code phash}:
 * {@code image.convert("L").resize((32, 32), Image.LANCZOS)}, {@code scipy.fftpack.dct} along axis 0 then axis 1,
 * {@code dct[:8, :8] > numpy.median(dct[:8, :8])}, printed as imagehash prints it. The 32×32 grayscale arrays were
 * also compared: equal, value for value, for every PNG, GIF and lossless WebP tried.
 */
class PerceptualHashTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @CsvSource({
        "200, 150, 0, e8eac097bf13246a",
        "640, 360, 1, a9b1a1ab571c235e",
        "33, 500, 2, f353275a7609334c",
        "32, 32, 3, e4636f488798b3e4",  // already 32×32: no resampling pass
        "17, 9, 4, c1dbc7dda099e508",   // upscaled
        "101, 99, 6, 83e7860d2b7e4956",
    })
    void pngHashesAsPythonImagehash(int width, int height, int seed, String expected) throws IOException {
        Path png = TestImages.write(dir, "p.png", TestImages.png(TestImages.pattern(width, height, seed)));
        assertEquals(expected, hash(png));
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @CsvSource({
        "200, 150, 0, e8eac097bf13246a",
        "33, 500, 2, f373275a7409334c",
        "17, 9, 4, c1cbc7dda09be508",
    })
    void jpegHashesAsPythonImagehash(int width, int height, int seed, String expected) throws IOException {
        Path jpg = TestImages.write(dir, "j.jpg", TestImages.jpeg(TestImages.pattern(width, height, seed), 0.9f));
        assertEquals(expected, hash(jpg));
    }

    /**
     * Files Pillow wrote from {@code pattern(64, 48, 0)}, since Java writes neither WebP nor Photoshop-style CMYK JPEGs
     * (Adobe APP14 marker, inverted CMYK). Their Python hashes are pinned. The alpha WebP hashes differently from the
     * others in Python too: libwebp rewrites the colour of nearly transparent pixels.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pattern-lossless.webp, e8e8c097bf37244a",
        "pattern-lossy.webp, e8e8c097bf37244a",
        "pattern-alpha.webp, e0e8c097bf37246a",
        "pattern-cmyk-adobe.jpg, e8e8c097bf37244a",
    })
    void webpAndCmykJpegReadThroughTwelveMonkeys(String resource, String expected) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Path file = TestImages.write(dir, resource, in.readAllBytes());
            assertEquals(expected, hash(file));
        }
        assertEquals("e8e8c097bf37244a", PerceptualHash.of(TestImages.pattern(64, 48, 0)).toString());
    }

    /** Pillow's convert("L") drops alpha: a transparent pixel counts with the colour it stores. */
    @Test
    void alphaIsIgnoredAsPillowIgnoresIt() throws IOException {
        BufferedImage opaque = TestImages.pattern(120, 90, 5);
        BufferedImage translucent = new BufferedImage(120, 90, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 120; x++) {
                int alpha = x < 60 ? 0 : y * 255 / 89;
                translucent.setRGB(x, y, (alpha << 24) | (opaque.getRGB(x, y) & 0xffffff));
            }
        }
        // Through PNG, which ImageIO decodes to 4-byte ABGR, the layout real files arrive in.
        Path png = TestImages.write(dir, "alpha.png", TestImages.png(translucent));
        assertEquals(BufferedImage.TYPE_4BYTE_ABGR, ImageIO.read(png.toFile()).getType());
        assertEquals(PerceptualHash.of(opaque).toString(), hash(png));
    }

    /** A gray raster is read as stored, not through Java's linear-gray-to-sRGB conversion. */
    @Test
    void grayImageHashesAsItsRgbTwin() {
        BufferedImage rgb = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
        BufferedImage gray = new BufferedImage(80, 60, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 80; x++) {
                int v = (TestImages.rgb(x, y, 80, 60, 2) >> 8) & 0xff;
                rgb.setRGB(x, y, v << 16 | v << 8 | v);
                gray.getRaster().setSample(x, y, 0, v);
            }
        }
        assertArrayEquals(LanczosResize.toGray(rgb, 32), LanczosResize.toGray(gray, 32));
    }

    /** Layouts off the fast path (16-bit samples, one bank per band) read the same luma. */
    @Test
    void otherRasterLayoutsReadTheSameLuma() {
        BufferedImage rgb = TestImages.pattern(70, 50, 4);
        ColorModel model16 = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), new int[] {16, 16, 16},
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        BufferedImage sixteen = new BufferedImage(model16, model16.createCompatibleWritableRaster(70, 50), false, null);
        ColorModel model8 = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), new int[] {8, 8, 8},
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        BufferedImage banded = new BufferedImage(model8,
                Raster.createBandedRaster(DataBuffer.TYPE_BYTE, 70, 50, 3, null), false, null);
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 70; x++) {
                int p = rgb.getRGB(x, y);
                for (int band = 0; band < 3; band++) {
                    int v = (p >> (16 - 8 * band)) & 0xff;
                    sixteen.getRaster().setSample(x, y, band, v * 256 + 128); // the high byte is v
                    banded.getRaster().setSample(x, y, band, v);
                }
            }
        }
        int[] expected = LanczosResize.toGray(rgb, 32);
        assertArrayEquals(expected, LanczosResize.toGray(sixteen, 32));
        assertArrayEquals(expected, LanczosResize.toGray(banded, 32));
    }

    @Test
    void fastDctMatchesTheDefinition() {
        for (int seed = 0; seed < 5; seed++) {
            int[] pixels = LanczosResize.toGray(TestImages.pattern(90 + seed * 13, 70, seed), 32);
            double[] reference = referenceLowFrequencies(pixels);
            double[] fast = PerceptualHash.lowFrequencies(pixels);
            for (int i = 0; i < 64; i++) assertEquals(reference[i], fast[i], 1e-9, "coefficient " + i);
            assertEquals(referenceHash(reference), PerceptualHash.ofGray32(pixels).bits());
        }
    }

    /** scipy's unnormalised DCT-II on both axes, straight from its formula, then imagehash's comparison. */
    private static double[] referenceLowFrequencies(int[] p) {
        double[] low = new double[64];
        for (int k = 0; k < 8; k++) {
            for (int l = 0; l < 8; l++) {
                double sum = 0;
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        sum += 4 * p[y * 32 + x] * Math.cos(Math.PI * k * (2 * y + 1) / 64)
                                * Math.cos(Math.PI * l * (2 * x + 1) / 64);
                    }
                }
                low[k * 8 + l] = sum;
            }
        }
        return low;
    }

    private static long referenceHash(double[] low) {
        double[] sorted = low.clone();
        Arrays.sort(sorted);
        double median = (sorted[31] + sorted[32]) / 2;
        StringBuilder bits = new StringBuilder();
        for (double v : low) bits.append(v > median ? '1' : '0');
        return Long.parseUnsignedLong(bits.toString(), 2);
    }

    /** Row-major, first coefficient most significant, strictly above the median (here 31.5). */
    @Test
    void bitOrderIsImagehashs() {
        double[] ascending = new double[64];
        for (int i = 0; i < 64; i++) ascending[i] = i;
        assertEquals("00000000ffffffff", PerceptualHash.fromLowFrequencies(ascending).toString());
        double[] first = new double[64];
        first[0] = 1;
        first[1] = 1;
        assertEquals("c000000000000000", PerceptualHash.fromLowFrequencies(first).toString());
    }

    @Test
    void distanceCountsDifferingBits() {
        PerceptualHash a = PerceptualHash.parse("e8eac097bf13246a");
        PerceptualHash b = PerceptualHash.parse("e8e8c097bf17246a");
        assertEquals(2, a.distanceTo(b));
        assertEquals(0, a.distanceTo(a));
        assertEquals(64, PerceptualHash.parse("0000000000000000").distanceTo(PerceptualHash.parse("ffffffffffffffff")));
        assertEquals("e8eac097bf13246a", a.toString());
        assertThrows(IllegalArgumentException.class, () -> PerceptualHash.parse("e8ea"));
    }

    @Test
    void uniformImageStaysUniformThroughTheResize() {
        BufferedImage image = new BufferedImage(300, 7, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 7; y++) for (int x = 0; x < 300; x++) image.setRGB(x, y, 0x4d4d4d);
        int[] expected = new int[32 * 32];
        Arrays.fill(expected, 0x4d);
        assertArrayEquals(expected, LanczosResize.toGray(image, 32));
    }

    private static String hash(Path file) throws IOException {
        ImageFileHasher.Result result = ImageFileHasher.hash(file);
        if (result.hash() == null) throw new IOException(file + ": " + result.problem());
        // ImageFileHasher and ImageIO.read must agree; the first is what dedupe uses.
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(file)));
        assertEquals(PerceptualHash.of(image), result.hash());
        return result.hash().toString();
    }
}

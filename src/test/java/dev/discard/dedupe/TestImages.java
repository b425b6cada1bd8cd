package dev.discard.dedupe;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Test images made in code. Pixels come from {@link StrictMath}, so the same seed gives the same pixels on every
 * JVM, and hashes pinned in tests stay valid.
 */
public final class TestImages {
    private TestImages() {}

    /** Smooth colour waves with a few seed-dependent low frequencies: distinct seeds hash far apart. */
    public static BufferedImage pattern(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) image.setRGB(x, y, rgb(x, y, width, height, seed));
        }
        return image;
    }

    static int rgb(int x, int y, int width, int height, int seed) {
        double u = (double) x / width;
        double v = (double) y / height;
        int r = channel(u, v, seed, 0);
        int g = channel(u, v, seed, 1);
        int b = channel(u, v, seed, 2);
        return (r << 16) | (g << 8) | b;
    }

    private static int channel(double u, double v, int seed, int c) {
        int a = 1 + (seed * 7 + c * 3) % 4;
        int b = 1 + (seed * 5 + c * 11) % 3;
        double phase = seed * 1.3 + c * 2.1;
        double value = 128 + 70 * StrictMath.sin(2 * Math.PI * (a * u + b * v * v) + phase)
                + 50 * StrictMath.cos(2 * Math.PI * (b * u * v + (seed % 3 + 1) * v) - phase);
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    public static byte[] gif(BufferedImage image) {
        return encode(image, "gif");
    }

    /** A baseline JPEG at {@code quality} from 0 to 1. */
    public static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) throw new IllegalStateException("no writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

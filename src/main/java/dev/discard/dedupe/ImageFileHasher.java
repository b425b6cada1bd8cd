package dev.discard.dedupe;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one image file with ImageIO (the format found from its content, not its name; the first frame of an
 * animation) and hashes it. A file that does not decode cleanly yields the reason instead of a hash.
 *
 * <p>A truncated file is refused, as Pillow refuses it ("image file is truncated"), although Java's JPEG decoders
 * only warn and fill the missing part with grey: a hash of half an image is not to be trusted, and an image whose
 * hash is not trusted is kept as unique (a missed duplicate costs one extra file; a false match would lose an image).
 * Other decoder warnings (extraneous bytes, a CMYK image without a colour profile) do not stop Pillow either.
 */
final class ImageFileHasher {
    /**
     * Images above this many pixels are refused, as Pillow refuses them ({@code DecompressionBombError} above twice
     * {@code Image.MAX_IMAGE_PIXELS}): decoding one would take gigabytes of heap per thread.
     */
    static final long MAX_PIXELS = 178_956_970L;

    /** Exactly one of {@code hash} and {@code problem} is non-null. */
    record Result(PerceptualHash hash, String problem) {
        static Result problem(String problem) {
            return new Result(null, problem);
        }
    }

    private ImageFileHasher() {}

    static Result hash(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) return Result.problem("cannot open");
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return Result.problem("not a format ImageIO reads");
            ImageReader reader = readers.next();
            try {
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    return Result.problem("too large to decode (" + reader.getWidth(0) + "×" + reader.getHeight(0)
                            + " pixels, more than " + MAX_PIXELS + ")");
                }
                BufferedImage image = reader.read(0);
                for (String warning : warnings) {
                    if (isTruncation(warning)) return Result.problem("truncated: " + warning);
                }
                return new Result(PerceptualHash.of(image), null);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // Decoders throw unchecked exceptions too (array bounds, bad arguments) on corrupt data.
            return Result.problem(describe(e));
        } catch (OutOfMemoryError e) {
            // The one large allocation is this image's pixels, unreachable again once the decoder has thrown;
            // the other threads and the run go on, and the image is kept as unique.
            return Result.problem("not enough memory to decode it (raise the heap with -Xmx)");
        }
    }

    /**
     * The decoders' words for data that stops early: TwelveMonkeys' "Truncated File - Missing EOI marker", libjpeg's
     * "Premature end of JPEG file" and "Corrupt JPEG data: premature end of data segment".
     */
    static boolean isTruncation(String warning) {
        String w = warning.toLowerCase(Locale.ROOT);
        return w.contains("truncated") || w.contains("premature end");
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}

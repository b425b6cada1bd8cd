package dev.discard.dedupe;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * Reads a decoded image one row at a time as 8-bit luma, the way Pillow's {@code convert("L")} does: stored RGB
 * values weighted 299/587/114 with rounding, alpha ignored (a fully transparent pixel counts with the colour it
 * stores, not with what it would show over a background).
 *
 * <p>Common layouts (8- or 16-bit RGB, RGBA, gray rasters; packed int RGB) are read straight from the raster, which
 * is both faster than {@link BufferedImage#getRGB} and closer to Pillow: {@code getRGB} would convert a gray or an
 * ICC-profiled colour space to sRGB, while Pillow uses the stored values. Anything else (palettes, premultiplied
 * alpha, other colour spaces) goes through {@code getRGB}, which yields straight sRGB. 16-bit samples keep their high
 * byte, as Pillow does for RGB; for 16-bit grayscale Pillow clips values above 255 to white, a quirk not reproduced.
 */
abstract class LumaRows {
    final int width;
    final int height;

    private LumaRows(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Writes the luma of row {@code y} into {@code dst[0 .. width)}. */
    abstract void read(int y, int[] dst);

    /** Pillow's L24 conversion from 8-bit R, G, B. */
    static int luma(int r, int g, int b) {
        return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    }

    static LumaRows of(BufferedImage image) {
        Raster raster = image.getRaster();
        if (image.getColorModel() instanceof ComponentColorModel cm
                && raster.getSampleModel() instanceof ComponentSampleModel sm
                && !cm.isAlphaPremultiplied()) {
            ColorSpace cs = cm.getColorSpace();
            int colours = cs.getNumComponents();
            boolean known = (cs.getType() == ColorSpace.TYPE_GRAY && colours == 1)
                    || (cs.getType() == ColorSpace.TYPE_RGB && colours == 3);
            int type = raster.getDataBuffer().getDataType();
            int bits = cm.getComponentSize(0);
            boolean wholeBytes = (type == DataBuffer.TYPE_BYTE && bits == 8)
                    || (type == DataBuffer.TYPE_USHORT && bits == 16);
            if (known && wholeBytes) {
                return new Components(image, sm, colours);
            }
        }
        if (image.getColorModel() instanceof DirectColorModel cm
                && raster.getDataBuffer() instanceof DataBufferInt
                && cm.getColorSpace().getType() == ColorSpace.TYPE_RGB && !cm.isAlphaPremultiplied()
                && cm.getRedMask() == 0xff0000 && cm.getGreenMask() == 0xff00 && cm.getBlueMask() == 0xff
                && raster.getNumDataElements() == 1) {
            return new PackedInts(image);
        }
        return new ViaRgb(image);
    }

    /** Interleaved or banded 8- or 16-bit samples: R, G, B (or gray) read at their band offsets. */
    private static final class Components extends LumaRows {
        private final Raster raster;
        private final ComponentSampleModel sm;
        private final int colours;
        /** 0 for 8-bit samples; 8 for 16-bit ones, which keep their high byte. */
        private final int shift;
        /** The samples when they are bytes in one bank, as nearly every decoder delivers them; else null. */
        private final byte[] bytes;

        Components(BufferedImage image, ComponentSampleModel sm, int colours) {
            super(image.getWidth(), image.getHeight());
            this.raster = image.getRaster();
            this.sm = sm;
            this.colours = colours;
            DataBuffer buffer = raster.getDataBuffer();
            this.shift = buffer.getDataType() == DataBuffer.TYPE_BYTE ? 0 : 8;
            boolean oneBank = Arrays.stream(sm.getBankIndices()).distinct().count() == 1;
            // Reading the array directly is about three times faster than DataBuffer.getElem per sample.
            this.bytes = buffer instanceof DataBufferByte b && oneBank ? b.getData(sm.getBankIndices()[0]) : null;
        }

        @Override
        void read(int y, int[] dst) {
            DataBuffer buffer = raster.getDataBuffer();
            int stride = sm.getPixelStride();
            int[] bands = sm.getBandOffsets();
            int[] banks = sm.getBankIndices();
            int row = (y - raster.getSampleModelTranslateY()) * sm.getScanlineStride()
                    - raster.getSampleModelTranslateX() * stride;
            if (bytes != null) {
                int i = row + buffer.getOffsets()[banks[0]];
                if (colours == 1) {
                    for (int x = 0; x < width; x++, i += stride) dst[x] = bytes[i + bands[0]] & 0xff;
                } else {
                    int r = bands[0];
                    int g = bands[1];
                    int b = bands[2];
                    for (int x = 0; x < width; x++, i += stride) {
                        dst[x] = luma(bytes[i + r] & 0xff, bytes[i + g] & 0xff, bytes[i + b] & 0xff);
                    }
                }
                return;
            }
            for (int x = 0, i = row; x < width; x++, i += stride) {
                dst[x] = colours == 1 ? buffer.getElem(banks[0], i + bands[0]) >> shift
                        : luma(buffer.getElem(banks[0], i + bands[0]) >> shift,
                                buffer.getElem(banks[1], i + bands[1]) >> shift,
                                buffer.getElem(banks[2], i + bands[2]) >> shift);
            }
        }
    }

    /** {@code TYPE_INT_RGB}, {@code TYPE_INT_ARGB} and their like: one int per pixel. */
    private static final class PackedInts extends LumaRows {
        private final Raster raster;

        PackedInts(BufferedImage image) {
            super(image.getWidth(), image.getHeight());
            this.raster = image.getRaster();
        }

        @Override
        void read(int y, int[] dst) {
            raster.getDataElements(0, y, width, 1, dst);
            for (int x = 0; x < width; x++) {
                int rgb = dst[x];
                dst[x] = luma((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
            }
        }
    }

    /** Everything else, through the colour model's conversion to straight (non-premultiplied) sRGB. */
    private static final class ViaRgb extends LumaRows {
        private final BufferedImage image;

        ViaRgb(BufferedImage image) {
            super(image.getWidth(), image.getHeight());
            this.image = image;
        }

        @Override
        void read(int y, int[] dst) {
            image.getRGB(0, y, width, 1, dst, 0, width);
            for (int x = 0; x < width; x++) {
                int rgb = dst[x];
                dst[x] = luma((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
            }
        }
    }
}

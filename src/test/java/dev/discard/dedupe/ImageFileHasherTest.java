package dev.discard.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFileHasherTest {
    @TempDir Path dir;

    private ImageFileHasher.Result hash(String name, byte[] bytes) {
        return ImageFileHasher.hash(TestImages.write(dir, name, bytes));
    }

    @Test
    void hashesAGoodGif() {
        ImageFileHasher.Result result = hash("a.gif", TestImages.gif(TestImages.pattern(120, 80, 1)));
        assertNotNull(result.hash());
        assertNull(result.problem());
    }

    @Test
    void garbageIsNoImage() {
        ImageFileHasher.Result result = hash("a.png", "not a picture at all".getBytes(StandardCharsets.UTF_8));
        assertNull(result.hash());
        assertEquals("not a format ImageIO reads", result.problem());
        assertEquals("not a format ImageIO reads", hash("empty.png", new byte[0]).problem());
    }

    @Test
    void truncatedPngIsRefused() {
        byte[] png = TestImages.png(TestImages.pattern(200, 150, 2));
        ImageFileHasher.Result result = hash("a.png", Arrays.copyOf(png, png.length / 2));
        assertNull(result.hash());
        assertTrue(result.problem().startsWith("IIOException: "), result.problem());
    }

    /** Java's JPEG decoders only warn about a truncated file and return grey for the rest; Pillow refuses it. */
    @Test
    void truncatedJpegIsRefusedThoughItDecodes() {
        byte[] jpeg = TestImages.jpeg(TestImages.pattern(200, 150, 2), 0.9f);
        ImageFileHasher.Result result = hash("a.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));
        assertNull(result.hash());
        assertTrue(result.problem().startsWith("truncated: "), result.problem());
    }

    @Test
    void truncationWarningsAreRecognised() {
        assertTrue(ImageFileHasher.isTruncation("Truncated File - Missing EOI marker"));
        assertTrue(ImageFileHasher.isTruncation("Premature end of JPEG file"));
        assertTrue(ImageFileHasher.isTruncation("Corrupt JPEG data: premature end of data segment"));
        assertEquals(false, ImageFileHasher.isTruncation("Corrupt JPEG data: 2 extraneous bytes before marker 0xd9"));
    }

    /** The header alone says 20000 × 20000; nothing is decoded. */
    @Test
    void hugeImageIsRefusedFromItsHeader() {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(20000).putInt(20000).put(new byte[] {8, 2, 0, 0, 0}).array();
        CRC32 crc = new CRC32();
        crc.update(ihdr);
        png.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        png.writeBytes(ihdr);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        ImageFileHasher.Result result = hash("huge.png", png.toByteArray());
        assertEquals("too large to decode (20000×20000 pixels, more than 178956970)", result.problem());
    }
}

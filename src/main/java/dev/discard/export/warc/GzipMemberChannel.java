package dev.discard.export.warc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Compresses what is written into one gzip member per WARC record, as the WARC standard recommends (annex D): a reader
 * can seek to any record's member. The caller ends each record's member with {@link #endMember()}.
 *
 * <p>jwarc's own gzip channel deflates at level 9, several times slower than the export's target; this one uses
 * {@link #LEVEL}, as {@code --gzip} logs do. Not thread-safe.
 */
final class GzipMemberChannel implements WritableByteChannel {
    /** zlib level 1, as {@code gzip -1} and the archive's own {@code --gzip} logs; any gzip reader reads any level. */
    static final int LEVEL = 1;
    private static final int BUFFER = 64 * 1024;
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final OutputStream out;
    private final Deflater deflater = new Deflater(LEVEL, true);
    private final CRC32 crc = new CRC32();
    private final byte[] input = new byte[BUFFER];
    private final byte[] output = new byte[BUFFER];
    private boolean inMember;
    private long memberBytes;
    private long written;
    private boolean open = true;

    GzipMemberChannel(OutputStream out) {
        this.out = out;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!open) throw new IOException("channel is closed");
        if (!inMember) {
            out.write(HEADER);
            written += HEADER.length;
            inMember = true;
        }
        int total = src.remaining();
        while (src.hasRemaining()) {
            int n = Math.min(src.remaining(), input.length);
            if (src.hasArray()) {
                int at = src.arrayOffset() + src.position();
                deflate(src.array(), at, n);
                src.position(src.position() + n);
            } else {
                src.get(input, 0, n);
                deflate(input, 0, n);
            }
        }
        return total;
    }

    private void deflate(byte[] b, int off, int len) throws IOException {
        crc.update(b, off, len);
        memberBytes += len;
        deflater.setInput(b, off, len);
        while (!deflater.needsInput()) drain();
    }

    private void drain() throws IOException {
        int n = deflater.deflate(output, 0, output.length, Deflater.NO_FLUSH);
        if (n > 0) {
            out.write(output, 0, n);
            written += n;
        }
    }

    /** Finishes the current member (its trailer holds the CRC-32 and length); the next write starts a new one. */
    void endMember() throws IOException {
        if (!inMember) return;
        deflater.finish();
        while (!deflater.finished()) {
            int n = deflater.deflate(output, 0, output.length);
            out.write(output, 0, n);
            written += n;
        }
        byte[] trailer = new byte[8];
        int c = (int) crc.getValue();
        int size = (int) memberBytes;
        for (int i = 0; i < 4; i++) {
            trailer[i] = (byte) (c >>> (8 * i));
            trailer[4 + i] = (byte) (size >>> (8 * i));
        }
        out.write(trailer);
        written += trailer.length;
        deflater.reset();
        crc.reset();
        memberBytes = 0;
        inMember = false;
    }

    /** Compressed bytes written so far. */
    long written() {
        return written;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Ends the last member and closes the stream. */
    @Override
    public void close() throws IOException {
        if (!open) return;
        try {
            endMember();
            out.close();
        } finally {
            open = false;
            deflater.end();
        }
    }
}

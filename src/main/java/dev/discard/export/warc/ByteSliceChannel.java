package dev.discard.export.warc;

import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Reads {@code bytes[offset, offset + length)} in place: a response body that is a slice of its log line reaches the
 * WARC writer without the copies of a stream adapter.
 */
final class ByteSliceChannel implements ReadableByteChannel {
    private final ByteBuffer slice;
    private boolean open = true;

    ByteSliceChannel(byte[] bytes, int offset, int length) {
        this.slice = ByteBuffer.wrap(bytes, offset, length);
    }

    @Override
    public int read(ByteBuffer dst) {
        if (!slice.hasRemaining()) return -1;
        int n = Math.min(dst.remaining(), slice.remaining());
        dst.put(dst.position(), slice, slice.position(), n);
        dst.position(dst.position() + n);
        slice.position(slice.position() + n);
        return n;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}

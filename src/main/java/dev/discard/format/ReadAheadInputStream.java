package dev.discard.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads its source on a background thread, a few chunks ahead of the consumer, so that inflating a gzip file and
 * parsing its records run on two cores. Memory: {@link #CHUNKS} chunks of {@link #CHUNK_SIZE} bytes. An exception of
 * the source is thrown by {@link #read} once every byte read before it has been delivered. One consumer thread only.
 */
public final class ReadAheadInputStream extends InputStream {
    static final int CHUNK_SIZE = 512 * 1024; // bytes
    static final int CHUNKS = 3;

    private record Chunk(byte[] bytes, int length, IOException failure) {
        boolean isEnd() {
            return length < 0;
        }
    }

    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Thread producer;
    /** The chunk being consumed; null before the first read. */
    private Chunk current;
    private int position;
    private boolean closed;

    public ReadAheadInputStream(InputStream source, String name) {
        for (int i = 0; i < CHUNKS; i++) free.add(new byte[CHUNK_SIZE]);
        producer = new Thread(() -> produce(source), "discard-read-ahead " + name);
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(InputStream source) {
        try (source) {
            while (true) {
                byte[] buffer = free.take();
                int length = 0;
                int n = 0;
                try {
                    while (length < buffer.length
                            && (n = source.read(buffer, length, buffer.length - length)) >= 0) {
                        length += n;
                    }
                } catch (IOException e) {
                    // A truncated gzip stream: the bytes inflated before the damage are still the log's lines.
                    if (length > 0) filled.put(new Chunk(buffer, length, null));
                    throw e;
                }
                if (length > 0) filled.put(new Chunk(buffer, length, null));
                if (n < 0) {
                    filled.put(new Chunk(null, -1, null));
                    return;
                }
            }
        } catch (IOException e) {
            filled.offer(new Chunk(null, -1, e));
        } catch (RuntimeException e) {
            filled.offer(new Chunk(null, -1, new IOException(e.toString(), e)));
        } catch (InterruptedException e) {
            // close() asked us to stop; nobody reads any more.
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) throw new IOException("stream closed");
        if (len == 0) return 0;
        if (current == null || (!current.isEnd() && position == current.length())) {
            if (current != null) free.add(current.bytes());
            try {
                current = filled.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading ahead");
            }
            position = 0;
        }
        if (current.isEnd()) {
            if (current.failure() != null) throw current.failure();
            return -1;
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.bytes(), position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        producer.interrupt();
        try {
            producer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

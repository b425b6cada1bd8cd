package dev.discard.format;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Inflates a gzip file of one or more members (RFC 1952), as {@code zcat} does, and unlike
 * {@link java.util.zip.GZIPInputStream} does not end quietly at bytes after the last member that are not one: garbage
 * after a gzip stream is damage. A stream that ends early throws {@link EOFException} after every byte inflated before
 * the end was returned; a bad header, checksum or length throws {@link ZipException}.
 */
final class GzipMembers extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    /** Whether a member's deflate data is being read; false between members. */
    private boolean inMember;
    private boolean ended;
    private boolean closed;

    /** Reads the first member's header at once: an empty file or one that is not gzip fails here. */
    GzipMembers(InputStream in, int bufferSize) throws IOException {
        this.in = in;
        this.buffer = new byte[bufferSize];
        int first = readByte();
        if (first < 0) throw new EOFException("no gzip header");
        header(first);
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
        while (!ended) {
            if (!inMember) {
                int next = readByte();
                if (next < 0) {
                    ended = true;
                    break;
                }
                if (next != 0x1f) {
                    throw new ZipException("garbage after the end of the gzip stream");
                }
                header(next);
                continue;
            }
            if (inflater.needsInput()) {
                if (!fill()) throw new EOFException("Unexpected end of ZLIB input stream");
                inflater.setInput(buffer, position, limit - position);
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException(e.getMessage() != null ? e.getMessage() : "invalid deflate data");
            }
            if (n > 0) {
                crc.update(b, off, n);
                return n;
            }
            if (inflater.finished()) {
                position = limit - inflater.getRemaining();
                trailer();
            } else if (inflater.needsDictionary()) {
                throw new ZipException("deflate data needs a preset dictionary");
            }
        }
        return -1;
    }

    private void header(int first) throws IOException {
        if (first != 0x1f || needByte() != 0x8b) throw new ZipException("Not in GZIP format");
        if (needByte() != 8) throw new ZipException("Unsupported compression method");
        int flags = needByte();
        skip(6); // mtime, xfl, os
        if ((flags & FEXTRA) != 0) skip(needByte() | needByte() << 8);
        if ((flags & FNAME) != 0) while (needByte() != 0) { /* the file name */ }
        if ((flags & FCOMMENT) != 0) while (needByte() != 0) { /* the comment */ }
        if ((flags & FHCRC) != 0) skip(2);
        inflater.reset();
        crc.reset();
        inMember = true;
        inflater.setInput(buffer, position, limit - position);
    }

    private void trailer() throws IOException {
        long expectedCrc = needInt();
        long expectedSize = needInt();
        if (expectedCrc != crc.getValue()) throw new ZipException("Corrupt GZIP trailer");
        if (expectedSize != (inflater.getBytesWritten() & 0xffffffffL)) throw new ZipException("Corrupt GZIP trailer");
        inMember = false;
    }

    private long needInt() throws IOException {
        return (needByte() | needByte() << 8 | needByte() << 16 | (long) needByte() << 24) & 0xffffffffL;
    }

    private void skip(int n) throws IOException {
        for (int i = 0; i < n; i++) needByte();
    }

    private int needByte() throws IOException {
        int b = readByte();
        if (b < 0) throw new EOFException("Unexpected end of ZLIB input stream");
        return b;
    }

    private int readByte() throws IOException {
        if (position == limit && !fill()) return -1;
        return buffer[position++] & 0xff;
    }

    /** Reads more of the file into an empty buffer; false at its end. */
    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            position = limit = 0;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        inflater.end();
        in.close();
    }
}

package dev.discard.export.warc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.netpreserve.jwarc.WarcDigest;

/**
 * The WARC digests: SHA-1 in base32 ({@code sha1:…}), the form Heritrix, wget and warcio write and every CDX tool
 * compares. One instance per thread.
 */
final class Sha1 {
    private final MessageDigest digest;

    Sha1() {
        try {
            digest = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    /** Of {@code b[off, off + len)}. */
    WarcDigest of(byte[] b, int off, int len) {
        digest.update(b, off, len);
        return new WarcDigest(digest);
    }

    /** Of {@code prefix} followed by {@code b[off, off + len)}: a block of HTTP header and payload. */
    WarcDigest of(byte[] prefix, byte[] b, int off, int len) {
        digest.update(prefix);
        digest.update(b, off, len);
        return new WarcDigest(digest);
    }

    /** Of a file's bytes. */
    WarcDigest of(Path file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) digest.update(buffer, 0, n);
        }
        return new WarcDigest(digest);
    }
}

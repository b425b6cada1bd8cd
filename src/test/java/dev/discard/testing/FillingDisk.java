package dev.discard.testing;

import dev.discard.format.OutputFiles;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A disk that fills up: the files {@code which} accepts share {@code budget} bytes; the write that passes it stores what
 * fits and fails as a full disk's does ({@code No space left on device}), and so does every write and create after.
 */
public final class FillingDisk implements OutputFiles {
    public static final String FULL = "No space left on device";

    private final AtomicLong left;
    private final Predicate<Path> which;

    public FillingDisk(long budget, Predicate<Path> which) {
        this.left = new AtomicLong(budget);
        this.which = which;
    }

    @Override
    public OutputStream create(Path path) throws IOException {
        if (!which.test(path)) return DISK.create(path);
        if (left.get() <= 0) throw new FileSystemException(path.toString(), null, FULL);
        return new FilterOutputStream(DISK.create(path)) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                long before = left.getAndAdd(-len);
                if (before < len) {
                    if (before > 0) out.write(b, off, (int) before);
                    throw new FileSystemException(path.toString(), null, FULL);
                }
                out.write(b, off, len);
            }
        };
    }
}

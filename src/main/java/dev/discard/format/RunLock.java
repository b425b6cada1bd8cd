package dev.discard.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock of a run directory in use: an OS lock on {@code run.lock} inside it, held by the one process that writes the
 * run, so a second process (a second {@code --resume}) is refused instead of writing beside it. The operating system
 * releases the lock when the process dies, however it dies (SIGKILL, a power cut leaves no process), so a stale file is
 * never mistaken for a run in progress. The file is deleted when the lock is released; one left by a killed process is
 * taken over by the next run.
 */
public final class RunLock implements AutoCloseable {
    /** The lock file's name, directly in the run directory. */
    public static final String FILE = "run.lock";

    /** The run directory is in use by another process (or another run in this one). */
    public static final class HeldException extends IOException {
        public HeldException(Path dir, String holder) {
            super(dir + " is in use by another discard process" + (holder.isEmpty() ? "" : " (" + holder + ")")
                    + ": wait until it ends, or stop it; nothing was written");
        }
    }

    /**
     * The run directories (real paths) this JVM holds. Checked before any lock file is opened, because closing any
     * channel of a file releases every lock the JVM holds on it (POSIX locks belong to the process).
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path dir, Path file, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code runDir} for this process, writing this process's id into the lock file for people to read.
     *
     * @throws HeldException when another process holds it
     */
    public static RunLock acquire(Path runDir) throws IOException {
        Path dir = runDir.toRealPath();
        if (!HELD.add(dir)) throw new HeldException(runDir, "pid " + ProcessHandle.current().pid());
        try {
            return acquire(runDir, dir);
        } catch (IOException | RuntimeException e) {
            HELD.remove(dir);
            throw e;
        }
    }

    private static RunLock acquire(Path runDir, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        // A holder that releases deletes the file; a lock taken on the deleted file would lock nothing, so try again.
        for (int attempt = 0; attempt < 5; attempt++) {
            Object before = fileKey(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new HeldException(runDir, holder);
            }
            // A holder deletes the file before it releases: a lock won just then is on a deleted file, and the path
            // may name a new one. Compared by stat, never by opening the file: closing any channel of it would
            // release this process's lock.
            Object after = fileKey(file);
            if (after == null || before != null && !before.equals(after)) {
                channel.close();
                continue;
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new RunLock(dir, file, channel, lock);
        }
        throw new HeldException(runDir, "");
    }

    /** Whether another process holds {@code runDir}'s lock now; false when there is no lock file. */
    public static boolean isHeld(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) return false;
        try {
            if (HELD.contains(runDir.toRealPath())) return true;
        } catch (IOException e) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            // A lock file we cannot open for writing (a read-only copy of an archive) is no sign of a live writer.
            return false;
        }
    }

    /** The lock, or null when another process (or another channel of this one) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(64);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return text.matches("pid \\d+") ? text : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The file's identity (inode) by stat; null when it does not exist; the path itself where there is none. */
    private static Object fileKey(Path file) throws IOException {
        try {
            Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            return key != null ? key : file;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Deletes the lock file and releases the lock, in that order (see {@link #acquire}). */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            try {
                lock.release();
                channel.close();
            } finally {
                HELD.remove(dir);
            }
        }
    }
}

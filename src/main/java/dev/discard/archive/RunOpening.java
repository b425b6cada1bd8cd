package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.RunFiles;
import dev.discard.format.RunLock;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

/**
 * The first part of a run: a new run directory, or the interrupted one {@code --resume} continues with what it holds
 * already. Nothing is written into the directory here but the directory itself.
 */
final class RunOpening {
    /**
     * What opening found. Immutable.
     *
     * @param previous the interrupted run's meta, its counts recounted from its logs; null for a new run
     * @param ident the run's ident: the new one, or the interrupted run's own
     * @param resume what the interrupted run's channels hold; none for a new run
     * @param lock the run directory's lock, held until the run ends
     */
    record Opened(RunLayout layout, JsonNode previous, String ident, ResumeState resume, RunLock lock) {}

    private RunOpening() {}

    /**
     * @throws RunDirectoryInUseException when another process writes the run directory (a second {@code --resume})
     * @throws RunFailedException with one line saying why, when the directory cannot be made or resumed
     */
    static Opened open(ArchiveSettings settings, Instant start, String ident, Range range, ObjectMapper mapper)
            throws RunFailedException {
        boolean resuming = settings.resumeDir() != null;
        RunLayout layout;
        JsonNode previous = null;
        String runIdent = ident;
        ResumeState resume = ResumeState.none();
        RunLock lock = null;
        try {
            if (resuming) {
                layout = RunLayout.open(settings.resumeDir(), settings.gzip());
                lock = RunLock.acquire(layout.root());
                previous = LoggedRecords.recount(mapper.readTree(layout.metaFile(RunFiles.RUN_LOG).toFile()),
                        layout.root(), mapper);
                runIdent = previous.path("run").path("ident").asText(runIdent);
                resume = ResumeState.scan(layout.root(), range, mapper);
            } else {
                layout = RunLayout.create(settings.outputDir(), start, settings.mode().wireName(),
                        (settings.mode() == Mode.CHANNEL || settings.mode() == Mode.GUILD || settings.mode() == Mode.DM)
                            && range.isFull() && !settings.incremental(), runIdent,
                        settings.gzip());
                lock = RunLock.acquire(layout.root());
            }
        } catch (RunLock.HeldException e) {
            throw new RunDirectoryInUseException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            release(lock);
            throw new RunFailedException((resuming ? "cannot resume " + settings.resumeDir()
                    : "cannot create a run directory") + ": " + describe(e)
                    + (e instanceof java.nio.file.FileSystemException ? "; check that the folder can be written" : ""),
                    null, e);
        }
        return new Opened(layout, previous, runIdent, resume, lock);
    }

    private static void release(RunLock lock) {
        if (lock == null) return;
        try {
            lock.close();
        } catch (IOException ignored) {
            // The process ends soon after a failed start, and the OS releases the lock with it.
        }
    }

    /** A file system error names only the path; say what kind of error it was too. */
    private static String describe(Exception e) {
        if (e instanceof java.nio.file.FileSystemException fse) {
            String kind = e.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT)
                    .replace(" exception", "");
            String what = fse.getReason() != null ? fse.getReason() : kind;
            return fse.getFile() == null ? what : fse.getFile() + " (" + what + ")";
        }
        return e.getMessage();
    }
}

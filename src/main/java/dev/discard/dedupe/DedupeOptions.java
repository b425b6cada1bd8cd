package dev.discard.dedupe;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What one dedupe run is asked to do; immutable.
 *
 * @param source the directory to read; never modified
 * @param output the directory the kept files are copied to; must not be the source or inside it
 * @param maxDistance 0 for exact duplicates (equal hash and size); N from 1 to 64 for near-duplicates whose hashes
 *     differ in at most N bits, whatever their sizes
 * @param threads how many images are decoded at once
 * @param dryRun decide and report, but copy nothing and create no directory
 */
public record DedupeOptions(Path source, Path output, int maxDistance, int threads, boolean dryRun) {
    public DedupeOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(output, "output");
        if (maxDistance < 0 || maxDistance > 64) {
            throw new IllegalArgumentException("expected a distance from 0 to 64 bits but was " + maxDistance);
        }
        if (threads < 1) throw new IllegalArgumentException("expected at least 1 thread but was " + threads);
    }

    /** {@code <source>-clean} beside the source, as DiscordPicExtract names it. */
    public static Path defaultOutput(Path source) {
        Path absolute = source.toAbsolutePath().normalize();
        if (absolute.getFileName() == null) {
            throw new IllegalArgumentException("cannot name an output directory beside " + absolute
                    + ": give one with --output");
        }
        return absolute.resolveSibling(absolute.getFileName() + "-clean");
    }
}

package dev.discard.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Copies archived media files into the export's {@code media/} folder, each once, so the site holds every image it
 * shows and needs neither the archive nor the network. Media files are named by their content (SHA-256), so a name
 * names one content: a file copied once is not copied again.
 */
final class MediaCopies {
    static final String FOLDER = "media/";

    private final Path folder;
    private final boolean link;
    private final Function<String, Path> resolve;
    private final Set<String> copied = new HashSet<>();
    private long bytes;

    /**
     * @param out the export's root folder
     * @param resolve the file a stored {@code media_file} or {@code avatar_file} path names
     */
    MediaCopies(Path out, Function<String, Path> resolve) {
        this(out.resolve(FOLDER), resolve, false);
    }

    /**
     * @param folder where the copies go
     * @param link whether to hard-link each file rather than copy it (copied when the file system refuses a link)
     * @param resolve the file a stored {@code media_file} or {@code avatar_file} path names
     */
    MediaCopies(Path folder, Function<String, Path> resolve, boolean link) {
        this.folder = folder;
        this.resolve = resolve;
        this.link = link;
    }

    /**
     * The path of the copy relative to the export's root ({@code media/ab12….png}), or null when the archived file
     * is missing (the page then links to where it came from, or shows a placeholder).
     */
    String copy(String stored) {
        Path copy = copied(stored);
        return copy == null ? null : FOLDER + copy.getFileName();
    }

    /** The copy of an archived file in the media folder, made on first use; null when the archived file is missing. */
    Path copied(String stored) {
        if (stored == null || stored.isEmpty()) return null;
        String name = Path.of(stored).getFileName().toString();
        if (!name.matches("[A-Za-z0-9._-]{1,200}")) return null;
        Path target = folder.resolve(name);
        if (copied.contains(name)) return target;
        Path source = resolve.apply(stored);
        if (!Files.isRegularFile(source)) return null;
        try {
            Files.createDirectories(folder);
            if (!link || !linked(source, target)) Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            bytes += Files.size(target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + source + " into the export", e);
        }
        copied.add(name);
        return target;
    }

    /** Hard-links {@code target} to {@code source}; false when the file system cannot (another volume, FAT). */
    private static boolean linked(Path source, Path target) {
        try {
            Files.deleteIfExists(target);
            Files.createLink(target, source);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    int files() {
        return copied.size();
    }

    long bytes() {
        return bytes;
    }
}

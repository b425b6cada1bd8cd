package dev.discard.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file of an exchange log: {@code <name>.jsonl} or {@code <name>.jsonl.gz}, or a further part
 * {@code <name>.<n>.jsonl[.gz]} written when a run resumed a channel. Immutable. Compression is decided here, from
 * the file name, and nowhere else.
 *
 * @param path the file
 * @param name the log's name without part number and extension: a channel id, {@code guild} or {@code run}
 * @param part 1 for the first file, n for {@code <name>.<n>.jsonl[.gz]}
 * @param gzip whether the name ends in {@code .gz}
 */
public record LogFile(Path path, String name, int part, boolean gzip) {
    private static final Pattern FILE_NAME = Pattern.compile("(.+?)(?:\\.(\\d{1,6}))?\\.jsonl(\\.gz)?");
    /** Inflater input buffer: large enough that native calls do not dominate. */
    private static final int GZIP_BUFFER = 64 * 1024;

    /** The name of part {@code part} of the log {@code stem}: {@code <stem>.jsonl[.gz]}, {@code <stem>.<n>.jsonl[.gz]}. */
    public static String fileName(String stem, int part, boolean gzip) {
        return (part == 1 ? stem : stem + "." + part) + (gzip ? ".jsonl.gz" : ".jsonl");
    }

    /** Whether a file of this name is gzip-compressed: the one rule for every file of a run, logs or not. */
    public static boolean isGzip(Path path) {
        Path fileName = path.getFileName();
        return fileName != null && fileName.toString().endsWith(".gz");
    }

    /** Opens any file of a run decompressed, as {@link #open()} does, with compression chosen by {@link #isGzip}. */
    public static InputStream open(Path path) throws IOException {
        return new LogFile(path, "", 1, isGzip(path)).open();
    }

    /** The log file this path names, or empty when the name is not {@code <name>[.<n>].jsonl[.gz]}. */
    public static Optional<LogFile> of(Path path) {
        Path fileName = path.getFileName();
        if (fileName == null) return Optional.empty();
        Matcher m = FILE_NAME.matcher(fileName.toString());
        if (!m.matches()) return Optional.empty();
        int part = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        return Optional.of(new LogFile(path, m.group(1), part, isGzip(path)));
    }

    /**
     * Whether a later part of the same log exists beside this file: then a cut at this file's end is what a killed run
     * and its {@code --resume} leave, and the later part goes on where this one stops.
     */
    public boolean hasLaterPart() {
        Path dir = path.toAbsolutePath().getParent();
        return dir != null && (Files.exists(dir.resolve(fileName(name, part + 1, true)))
                || Files.exists(dir.resolve(fileName(name, part + 1, false))));
    }

    /**
     * Opens the file's decompressed content. A gzip file is inflated on a second thread so that reading and parsing
     * overlap; a truncated or damaged gzip stream throws from {@code read} once the good data before it was delivered.
     */
    public InputStream open() throws IOException {
        InputStream in = Files.newInputStream(path);
        if (!gzip) return in;
        try {
            return new ReadAheadInputStream(new GzipMembers(in, GZIP_BUFFER), path.getFileName().toString());
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }
}

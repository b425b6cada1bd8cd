package dev.discard.dedupe;

import dev.discard.dedupe.FileResult.Copy;
import dev.discard.dedupe.FileResult.Status;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs DiscordPicExtract's deduplication of one directory: lists it, hashes the dated images on several threads,
 * finds the duplicates date by date, and copies everything kept to the output. The source is only ever read, and no
 * file in the output is overwritten.
 *
 * <p>Only the top level of the source is read, as DiscordPicExtract lays it out; subdirectories are reported and
 * skipped. Whatever cannot be compared (a name without a date, an image that does not decode) is copied as unique,
 * so that no image is ever lost.
 */
public final class Deduplicator {
    /** File name extensions (lower case) of the images dedupe reads: PNG, JPEG, GIF, WebP. */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp");

    private final DedupeOptions options;

    public Deduplicator(DedupeOptions options) {
        this.options = options;
    }

    /**
     * Refuses a source that is not a directory, and an output that is the source or inside it (after following
     * symbolic links, as far as the output exists).
     *
     * @throws IllegalArgumentException with a one-line message saying which
     * @throws IOException if the paths cannot be resolved
     */
    public static void checkPaths(DedupeOptions options) throws IOException {
        Path source = options.source();
        if (!Files.exists(source)) throw new IllegalArgumentException("source directory does not exist: " + source);
        if (!Files.isDirectory(source)) throw new IllegalArgumentException("source is not a directory: " + source);
        Path realSource = source.toRealPath();
        Path realOutput = realPathSoFar(options.output().toAbsolutePath().normalize());
        if (realOutput.equals(realSource)) {
            throw new IllegalArgumentException("output directory is the source directory " + realSource
                    + ": dedupe never writes into its source");
        }
        if (realOutput.startsWith(realSource)) {
            throw new IllegalArgumentException("output directory " + realOutput + " is inside the source directory "
                    + realSource + ": dedupe never writes into its source");
        }
    }

    /** The real path of the longest existing prefix of {@code path}, with the rest appended. */
    private static Path realPathSoFar(Path path) throws IOException {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return path;
        return existing.toRealPath().resolve(existing.relativize(path));
    }

    /**
     * Decides and copies.
     *
     * @throws IOException if the source cannot be listed or a file cannot be copied; files copied before stay
     */
    public DedupeReport run() throws IOException {
        checkPaths(options);
        return new DedupeReport(options, copy(decide()));
    }

    /** Every entry of the source in name order, with its decision; {@link Copy#NONE} all through. */
    private List<FileResult> decide() throws IOException {
        List<Path> entries = list(options.source());
        FileResult[] results = new FileResult[entries.size()];
        List<Integer> toHash = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            results[i] = beforeDecoding(entries.get(i));
            if (results[i].status() == Status.UNIQUE) toHash.add(i);
        }
        List<ImageFileHasher.Result> hashes =
                new ParallelHasher(options.threads()).hashAll(toHash.stream().map(entries::get).toList());
        List<DuplicateFinder.Image> images = new ArrayList<>();
        Map<String, Integer> indexByName = new HashMap<>();
        for (int k = 0; k < toHash.size(); k++) {
            int i = toHash.get(k);
            FileResult file = results[i];
            ImageFileHasher.Result hash = hashes.get(k);
            if (hash.hash() == null) {
                String problem = "cannot decode image (" + hash.problem() + ")";
                results[i] = file.decided(Status.UNREADABLE, null, null, problem);
            } else {
                results[i] = file.decided(Status.UNIQUE, hash.hash(), null, null);
                images.add(new DuplicateFinder.Image(file.name(), file.timestamp(), file.size(), hash.hash()));
                indexByName.put(file.name(), i);
            }
        }
        for (DuplicateFinder.Duplicate duplicate : new DuplicateFinder(options.maxDistance()).find(images)) {
            int i = indexByName.get(duplicate.removed().name());
            String kept = duplicate.kept().name();
            results[i] = results[i].decided(Status.DUPLICATE, duplicate.removed().hash(), kept, null);
        }
        return Arrays.asList(results);
    }

    private static List<Path> list(Path source) throws IOException {
        try (Stream<Path> entries = Files.list(source)) {
            return entries.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new IOException("cannot list source directory " + source + ": " + reason(e), e);
        }
    }

    /** What can be told of an entry from its name and attributes; a dated image is UNIQUE until hashed. */
    private static FileResult beforeDecoding(Path path) {
        String name = path.getFileName().toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return skipped(name, "cannot read its attributes (" + reason(e) + "), skipped");
        }
        if (attributes.isDirectory()) return skipped(name, "is a directory, not searched");
        if (!attributes.isRegularFile()) return skipped(name, "is not a regular file, skipped");
        long size = attributes.size();
        if (!isImageName(name)) return new FileResult(name, size, Status.NOT_IMAGE, null, null, null, null, Copy.NONE);
        Optional<LocalDateTime> timestamp = DatedImageName.timestamp(name);
        if (timestamp.isEmpty()) {
            return new FileResult(name, size, Status.UNDATED, null, null, null,
                    "name does not start with " + DatedImageName.FORMAT, Copy.NONE);
        }
        return new FileResult(name, size, Status.UNIQUE, timestamp.get(), null, null, null, Copy.NONE);
    }

    private static FileResult skipped(String name, String problem) {
        return new FileResult(name, 0, Status.SKIPPED, null, null, null, problem, Copy.NONE);
    }

    static boolean isImageName(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Copies every kept entry, in name order; a dry run only looks at what the output holds. */
    private List<FileResult> copy(List<FileResult> decided) throws IOException {
        if (!options.dryRun()) {
            try {
                Files.createDirectories(options.output());
            } catch (IOException e) {
                throw new IOException("cannot create output directory " + options.output() + ": " + reason(e), e);
            }
        }
        List<FileResult> done = new ArrayList<>(decided.size());
        for (FileResult file : decided) done.add(file.status().isKept() ? file.withCopy(copy(file.name())) : file);
        return done;
    }

    private Copy copy(String name) throws IOException {
        Path target = options.output().resolve(name);
        if (options.dryRun()) return Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? Copy.EXISTS : Copy.WOULD_COPY;
        try {
            // Without REPLACE_EXISTING the copy refuses any existing target, a symbolic link included.
            Files.copy(options.source().resolve(name), target, StandardCopyOption.COPY_ATTRIBUTES);
            return Copy.COPIED;
        } catch (FileAlreadyExistsException e) {
            return Copy.EXISTS;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(target); // a half-written copy; the target did not exist before
            } catch (IOException ignored) {
                // The copy's own error says more.
            }
            throw new IOException("cannot copy " + name + " to " + options.output() + ": " + reason(e), e);
        }
    }

    /** A short reason, where NIO's messages are only the path. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof FileAlreadyExistsException) return "a file of that name exists";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}

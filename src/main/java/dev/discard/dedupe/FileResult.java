package dev.discard.dedupe;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What dedupe decided for one entry of the source directory, and what became of it in the output; immutable.
 *
 * @param name the file name, the same in the source and the output
 * @param size the size in bytes; 0 for a skipped entry
 * @param status what the entry is and what was decided
 * @param timestamp the time at the start of the name; null unless the name has one
 * @param hash the perceptual hash; null unless the image was decoded and hashed
 * @param duplicateOf the name of the kept image; null unless {@link Status#DUPLICATE}
 * @param problem why the entry was not compared, for {@link Status#UNDATED}, {@link Status#UNREADABLE} and
 *     {@link Status#SKIPPED}; null otherwise
 * @param copy what became of it in the output
 */
public record FileResult(String name, long size, Status status, LocalDateTime timestamp, PerceptualHash hash,
        String duplicateOf, String problem, Copy copy) {

    public FileResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(copy, "copy");
        if ((status == Status.DUPLICATE) != (duplicateOf != null)) {
            throw new IllegalArgumentException("expected duplicateOf exactly for duplicates but was " + duplicateOf
                    + " for " + status);
        }
    }

    /** What an entry of the source directory is, and what dedupe decided. */
    public enum Status {
        /** An image that no earlier image of its date duplicates: copied. */
        UNIQUE,
        /** An image that duplicates an earlier one of its date: not copied. */
        DUPLICATE,
        /** An image whose name has no date: never compared, copied as unique. */
        UNDATED,
        /** An image that could not be decoded cleanly: never compared, copied as unique. */
        UNREADABLE,
        /** A file whose name is not that of an image (.png, .jpg, .jpeg, .gif, .webp): copied as is. */
        NOT_IMAGE,
        /** A directory or anything but a regular file: neither searched nor copied. */
        SKIPPED;

        /** Whether the entry counts among the images scanned. */
        public boolean isImage() {
            return this == UNIQUE || this == DUPLICATE || this == UNDATED || this == UNREADABLE;
        }

        /** Whether the entry belongs in the output. */
        public boolean isKept() {
            return this != DUPLICATE && this != SKIPPED;
        }
    }

    /** What became of an entry in the output directory. */
    public enum Copy {
        /** Copied. */
        COPIED,
        /** Would have been copied, but this was a dry run. */
        WOULD_COPY,
        /** A file of that name was in the output already; it was not overwritten. */
        EXISTS,
        /** Not to be copied: a duplicate or a skipped entry. */
        NONE
    }

    /** The same file, name, size and time, with another decision. */
    FileResult decided(Status status, PerceptualHash hash, String duplicateOf, String problem) {
        return new FileResult(name, size, status, timestamp, hash, duplicateOf, problem, copy);
    }

    FileResult withCopy(Copy copy) {
        return new FileResult(name, size, status, timestamp, hash, duplicateOf, problem, copy);
    }
}

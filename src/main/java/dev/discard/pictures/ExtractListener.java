package dev.discard.pictures;

import dev.discard.media.MediaRef;
import java.nio.file.Path;

/**
 * Hears how {@code discard media} progresses, for a progress bar and failure lines. Called on the working thread;
 * implementations must be quick and must not throw. Every method has a do-nothing default.
 */
public interface ExtractListener {
    ExtractListener NONE = new ExtractListener() {};

    /** {@code images} more images were found (a page of messages was read). */
    default void found(int images) {}

    default void downloaded(MediaRef ref, Path file, long bytes) {}

    /** The file exists already, from an earlier run. */
    default void skipped(MediaRef ref, Path file) {}

    /** The image could not be downloaded; the run goes on. {@code url} is the one tried last. */
    default void failed(MediaRef ref, String error) {}
}

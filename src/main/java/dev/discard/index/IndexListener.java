package dev.discard.index;

import dev.discard.read.RecordProblem;
import java.nio.file.Path;

/** What {@link Indexer#update} reports while it works; every method but {@link #problem} does nothing by default. */
public interface IndexListener {
    /** The log files found, and how many of them are new or grew since the last update. */
    default void planned(int files, int toRead) {}

    /** A log file is about to be read. */
    default void reading(Path file) {}

    /** Messages read so far in this update, reported every few thousand and at the end of each file. */
    default void progress(long messages) {}

    /** A damaged line or file; the rest is indexed. */
    void problem(RecordProblem problem);
}

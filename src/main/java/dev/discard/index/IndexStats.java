package dev.discard.index;

/**
 * What one {@link Indexer#update} did. Immutable.
 *
 * @param runs run directories found
 * @param files log files found
 * @param filesRead log files read (new or grown)
 * @param messagesRead messages read from those files, repeats included
 * @param added messages stored for the first time
 * @param replaced stored messages replaced by a newer version
 * @param problems damaged lines or files reported
 */
public record IndexStats(int runs, int files, int filesRead, long messagesRead, long added, long replaced,
        long problems) {}

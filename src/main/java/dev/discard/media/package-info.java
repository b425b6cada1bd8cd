/**
 * Internal: the media store of an archive run ({@code --media}): what a message, guild or user links to
 * ({@link dev.discard.media.MessageMedia}, {@link dev.discard.media.CdnUrls}), downloading it
 * ({@link dev.discard.media.Downloader}, {@link dev.discard.media.MediaFetcher}, which renews expired links), and the
 * content-addressed store in {@code <output-dir>/media/} with its manifest {@code media.jsonl}
 * ({@link dev.discard.media.MediaArchiver}). The picture extractor of {@code discard media} builds on the same
 * downloader: {@link dev.discard.pictures}.
 */
package dev.discard.media;

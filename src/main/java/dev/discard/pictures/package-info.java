/**
 * Internal: DiscordPicExtract's picture extractor, {@code discard media}: finds a channel by id or name
 * ({@link dev.discard.pictures.ChannelLookup}), walks its messages from Discord or from an archive run
 * ({@link dev.discard.pictures.ArchivedMessages}), and saves every image under a dated name
 * ({@link dev.discard.pictures.ImageExtractor}, {@link dev.discard.pictures.ImageNames}); the job is
 * {@link dev.discard.pictures.MediaJob}. It downloads with {@link dev.discard.media}'s downloader and records nothing.
 */
package dev.discard.pictures;

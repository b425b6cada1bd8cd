package dev.discard.pictures;

import java.nio.file.Path;

/**
 * What {@code discard media} did. Immutable.
 *
 * @param outputDir the folder the images are in
 * @param channelId the channel read
 * @param channelName its name, or null
 * @param messages messages read within the window
 * @param downloaded images downloaded now
 * @param skipped images whose file existed already
 * @param failed images that could not be downloaded
 * @param bytes bytes downloaded now
 */
public record ExtractSummary(Path outputDir, long channelId, String channelName, long messages, long downloaded,
        long skipped, long failed, long bytes) {}

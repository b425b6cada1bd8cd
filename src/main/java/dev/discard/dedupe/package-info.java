/**
 * Internal: {@code discard dedupe}, which copies the unique images of a folder of downloaded images, compared by
 * perceptual hash as Python's imagehash computes it. Not part of the library API: the command is its interface.
 */
package dev.discard.dedupe;

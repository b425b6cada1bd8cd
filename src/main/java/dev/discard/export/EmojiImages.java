package dev.discard.export;

/** Where a custom emoji's archived image is in the export, relative to the page being written. */
interface EmojiImages {
    /** The image's relative URL, or null when the archive has none (the emoji then shows as {@code :name:}). */
    String src(String emojiId);
}

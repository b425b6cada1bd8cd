package dev.discard.media;

import dev.discard.format.SignedUrls;
import java.util.Locale;

/**
 * One piece of media a message or guild points at. Immutable.
 *
 * @param kind where it was found
 * @param url the full-resolution original, as Discord sent it (signed CDN parameters included)
 * @param fallbackUrl Discord's proxied copy ({@code proxy_url}) to try when the original is gone, or null
 * @param name the file name it had (an attachment's {@code filename}, else the URL's last segment); untrusted
 * @param contentType the type Discord stated, or null
 * @param messageId the message it came from, or 0 for guild objects
 */
public record MediaRef(Kind kind, String url, String fallbackUrl, String name, String contentType, long messageId) {
    /** Where a piece of media was found; {@link #wireName} is what the manifest writes. */
    public enum Kind {
        ATTACHMENT,
        EMBED_IMAGE,
        EMBED_THUMBNAIL,
        EMBED_VIDEO,
        LINK,
        AVATAR,
        STICKER,
        GUILD_ICON,
        EMOJI;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The URL without its signature, which names the same file for as long as it exists. */
    public String key() {
        return SignedUrls.key(url);
    }
}

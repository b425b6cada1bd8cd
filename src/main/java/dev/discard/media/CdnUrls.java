package dev.discard.media;

import okhttp3.HttpUrl;

/**
 * Discord CDN addresses: the image endpoints built from ids and hashes
 * (https://discord.com/developers/docs/reference#image-formatting); the signature of attachment URLs is
 * {@link dev.discard.format.SignedUrls}'s. Immutable.
 */
public final class CdnUrls {
    public static final HttpUrl DISCORD = HttpUrl.get("https://cdn.discordapp.com");
    /** The largest size the image endpoints serve: the original resolution for anything Discord keeps. */
    static final int FULL_SIZE = 4096;

    private final HttpUrl base;

    /** @param base the CDN root, {@link #DISCORD} for Discord */
    public CdnUrls(HttpUrl base) {
        this.base = base;
    }

    /** {@code avatars/{user_id}/{hash}.png}, or {@code .gif} for an animated ({@code a_}) hash, at full size. */
    String avatar(String userId, String hash) {
        return image("avatars", userId, hash);
    }

    /** {@code icons/{guild_id}/{hash}.png} (or {@code .gif}), at full size. */
    String guildIcon(String guildId, String hash) {
        return image("icons", guildId, hash);
    }

    /** {@code emojis/{id}.png}, or {@code .gif} when animated. */
    String emoji(String id, boolean animated) {
        return base.newBuilder().addPathSegment("emojis").addPathSegment(id + (animated ? ".gif" : ".png"))
                .build().toString();
    }

    /**
     * {@code stickers/{id}.<ext>} by format type: 1 PNG and 2 APNG as {@code .png}, 3 Lottie as {@code .json},
     * 4 GIF as {@code .gif}.
     */
    String sticker(String id, int formatType) {
        String ext = switch (formatType) {
            case 3 -> ".json";
            case 4 -> ".gif";
            default -> ".png";
        };
        return base.newBuilder().addPathSegment("stickers").addPathSegment(id + ext).build().toString();
    }

    private String image(String folder, String id, String hash) {
        String ext = hash.startsWith("a_") ? ".gif" : ".png";
        return base.newBuilder().addPathSegment(folder).addPathSegment(id).addPathSegment(hash + ext)
                .addQueryParameter("size", Integer.toString(FULL_SIZE)).build().toString();
    }
}

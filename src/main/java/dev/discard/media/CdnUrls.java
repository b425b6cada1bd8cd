package dev.discard.media;

import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Discord CDN addresses: the image endpoints built from ids and hashes, and the signature of attachment URLs.
 * See https://discord.com/developers/docs/reference#image-formatting and
 * https://discord.com/developers/docs/reference#signed-attachment-cdn-urls. Immutable.
 *
 * <p>Attachment URLs carry {@code ex} (expiry, hex Unix seconds), {@code is} (issued) and {@code hm} (signature); an
 * expired one answers 404. Without them the URL still names the same file, so that is the key media is known by.
 */
public final class CdnUrls {
    public static final HttpUrl DISCORD = HttpUrl.get("https://cdn.discordapp.com");
    /** The largest size the image endpoints serve: the original resolution for anything Discord keeps. */
    static final int FULL_SIZE = 4096;
    private static final Set<String> SIGNATURE = Set.of("ex", "is", "hm");

    private final HttpUrl base;

    /** @param base the CDN root, {@link #DISCORD} for Discord */
    public CdnUrls(HttpUrl base) {
        this.base = base;
    }

    /** The URL without {@code ex}, {@code is} and {@code hm}; other parameters and unparsable URLs stay as they are. */
    public static String key(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null || !isSigned(parsed)) return url;
        HttpUrl.Builder unsigned = parsed.newBuilder().query(null);
        for (int i = 0; i < parsed.querySize(); i++) {
            String name = parsed.queryParameterName(i);
            // Discord's signed URLs end in '&', an empty parameter that is no part of the file's name either.
            if (!SIGNATURE.contains(name) && !name.isEmpty()) {
                unsigned.addQueryParameter(name, parsed.queryParameterValue(i));
            }
        }
        return unsigned.build().toString();
    }

    /** Whether the URL carries a CDN signature that can expire. */
    public static boolean isSigned(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed != null && isSigned(parsed);
    }

    private static boolean isSigned(HttpUrl url) {
        for (String name : SIGNATURE) {
            if (url.queryParameter(name) != null) return true;
        }
        return false;
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

package dev.discard.format;

import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Discord's signed attachment URLs (https://discord.com/developers/docs/reference#signed-attachment-cdn-urls): they
 * carry {@code ex} (expiry, hex Unix seconds), {@code is} (issued) and {@code hm} (signature), and an expired one
 * answers 404. Without them the URL still names the same file, so that is the key media is known by, for the
 * archiver that stores media and the tools that find it again.
 */
public final class SignedUrls {
    private static final Set<String> SIGNATURE = Set.of("ex", "is", "hm");

    private SignedUrls() {}

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
}

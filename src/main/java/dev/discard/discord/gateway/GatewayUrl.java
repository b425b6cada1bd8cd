package dev.discard.discord.gateway;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Turns the URL from {@code GET /gateway/bot} (or READY's {@code resume_gateway_url}) into the one to connect to: the
 * same with {@code ?v=10&encoding=json}, replacing any version or encoding it had. No {@code compress}: frames arrive
 * as plain JSON text.
 *
 * @see <a href="https://discord.com/developers/docs/events/gateway#connecting">Connecting</a>
 */
final class GatewayUrl {
    static final int API_VERSION = 10;

    private GatewayUrl() {}

    /**
     * Returns the URL in OkHttp's form ({@code http(s)} for {@code ws(s)}).
     *
     * @throws IllegalArgumentException when {@code url} is not a ws, wss, http or https URL
     */
    static HttpUrl of(String url) {
        HttpUrl parsed = HttpUrl.parse(httpScheme(url));
        if (parsed == null) {
            throw new IllegalArgumentException("expected a wss:// gateway URL but was '" + url + "'");
        }
        return parsed.newBuilder()
                .setQueryParameter("v", String.valueOf(API_VERSION))
                .setQueryParameter("encoding", "json")
                .build();
    }

    private static String httpScheme(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("wss:")) return "https:" + url.substring(4);
        if (lower.startsWith("ws:")) return "http:" + url.substring(3);
        return url;
    }
}

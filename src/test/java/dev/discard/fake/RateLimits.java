package dev.discard.fake;

import java.util.HashMap;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;

/**
 * The fake's rate limits: a fixed window per bucket (route with its major parameter) and optionally a global window,
 * answered with Discord's {@code X-RateLimit-*} headers and 429 bodies. Generous by default so that tests which are
 * not about rate limits run at full speed, but every response still carries the headers.
 */
public final class RateLimits {
    private int bucketLimit = 10_000;
    private long windowNanos = 1_000_000_000L;
    private int globalLimit = 0;
    private final Map<String, long[]> windows = new HashMap<>();
    private long[] global = {0, 0};
    /** When set (a fixed clock), windows never roll over by time and headers derive from this epoch second. */
    private Long fixedEpochSecond;

    /** Makes every header value a function of the request sequence alone, for golden files. */
    synchronized RateLimits deterministic(long epochSecond) {
        fixedEpochSecond = epochSecond;
        return this;
    }

    /** {@code perWindow} requests per bucket and {@code windowMillis}; a {@code globalPerSecond} of 0 means none. */
    public synchronized RateLimits set(int perWindow, long windowMillis, int globalPerSecond) {
        bucketLimit = perWindow;
        windowNanos = windowMillis * 1_000_000L;
        globalLimit = globalPerSecond;
        return this;
    }

    synchronized MockResponse check(String path, FakeDiscord discord) {
        long now = System.nanoTime();
        if (globalLimit > 0) {
            if (now - global[0] >= 1_000_000_000L) global = new long[] {now, 0};
            if (global[1] >= globalLimit) {
                double retry = (1_000_000_000L - (now - global[0])) / 1e9;
                return discord.tooManyRequests(retry, true);
            }
            global[1]++;
        }
        long[] window = window(path, now);
        if (window[1] >= bucketLimit) {
            double retry = (windowNanos - (now - window[0])) / 1e9;
            MockResponse response = discord.tooManyRequests(retry, false);
            headers(path, response);
            return response;
        }
        window[1]++;
        return null;
    }

    synchronized void headers(String path, MockResponse response) {
        long now = System.nanoTime();
        long[] window = window(path, now);
        double resetAfter = fixedEpochSecond != null ? windowNanos / 1e9
                : Math.max(0, (windowNanos - (now - window[0])) / 1e9);
        double epoch = fixedEpochSecond != null ? fixedEpochSecond : System.currentTimeMillis() / 1000.0;
        response.setHeader("X-RateLimit-Limit", bucketLimit)
                .setHeader("X-RateLimit-Remaining", Math.max(0, bucketLimit - window[1]))
                .setHeader("X-RateLimit-Reset", String.format(java.util.Locale.ROOT, "%.3f", epoch + resetAfter))
                .setHeader("X-RateLimit-Reset-After", String.format(java.util.Locale.ROOT, "%.3f", resetAfter))
                .setHeader("X-RateLimit-Bucket", bucket(path));
    }

    private long[] window(String path, long now) {
        long[] window = windows.computeIfAbsent(key(path), k -> new long[] {now, 0});
        if (fixedEpochSecond == null && now - window[0] >= windowNanos) {
            window[0] = now;
            window[1] = 0;
        }
        return window;
    }

    /** The route template with its major parameter: {@code /channels/42/messages/{id}/reactions/{emoji}}. */
    static String key(String path) {
        String[] s = path.split("/");
        StringBuilder key = new StringBuilder();
        for (int i = 1; i < s.length; i++) {
            boolean major = i == 2 && (s[1].equals("channels") || s[1].equals("guilds"));
            boolean id = s[i].matches("\\d+");
            key.append('/').append(i > 1 && s[i - 1].equals("reactions") ? "{emoji}" : id && !major ? "{id}" : s[i]);
        }
        return key.toString();
    }

    /** An opaque hash per route, as Discord's bucket names are. */
    static String bucket(String path) {
        String route = key(path).replaceFirst("^/(channels|guilds)/\\d+", "/$1/{major}");
        return Integer.toHexString(route.hashCode());
    }
}

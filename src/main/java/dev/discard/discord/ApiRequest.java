package dev.discard.discord;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A GET against the Discord API: a path below the API base URL and its query parameters in order. Immutable;
 * {@link #param} returns a changed copy.
 *
 * @param path e.g. {@code /channels/123/messages}; path segments already URL-encoded
 * @param params query parameters; numbers stay numbers so the record can keep them as numbers
 */
public record ApiRequest(String path, Map<String, Object> params) {
    public ApiRequest {
        if (!path.startsWith("/")) throw new IllegalArgumentException("path must start with '/': " + path);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static ApiRequest get(String path) {
        return new ApiRequest(path, Map.of());
    }

    public ApiRequest param(String name, Object value) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return new ApiRequest(path, copy);
    }

    public String method() {
        return "GET";
    }
}

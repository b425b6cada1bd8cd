package dev.discard.export.warc;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A recorded request's URL as a WARC-Target-URI: the URL (which the archive keeps without query string) with the query
 * rebuilt from {@code params} in recorded order, each name and value percent-encoded as UTF-8.
 */
final class TargetUri {
    private static final String HEX = "0123456789ABCDEF";

    private TargetUri() {}

    /** @throws URISyntaxException when the URL is not a URI even after escaping what may not stand in one */
    static URI of(String url, Map<String, String> params) throws URISyntaxException {
        StringBuilder b = new StringBuilder(url.length() + 32);
        escapeIllegal(url, b);
        char separator = url.indexOf('?') >= 0 ? '&' : '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            b.append(separator);
            encode(p.getKey(), b);
            b.append('=');
            encode(p.getValue(), b);
            separator = '&';
        }
        return new URI(b.toString());
    }

    /** Query component encoding: unreserved characters stay, every other byte is %XX. */
    private static void encode(String s, StringBuilder b) {
        for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                percent(c, b);
            }
        }
    }

    /** Spaces, controls, non-ASCII and the few ASCII characters a URI may not hold are escaped; the rest stays. */
    private static void escapeIllegal(String url, StringBuilder b) {
        for (byte c : url.getBytes(StandardCharsets.UTF_8)) {
            if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                percent(c, b);
            } else {
                b.append((char) c);
            }
        }
    }

    private static void percent(byte c, StringBuilder b) {
        b.append('%').append(HEX.charAt((c >> 4) & 0xf)).append(HEX.charAt(c & 0xf));
    }
}

package dev.discard.discord;

import java.time.Instant;
import java.util.Map;

/**
 * One HTTP attempt against Discord, as it happened. Immutable.
 *
 * @param method the HTTP method
 * @param url the URL without its query string
 * @param params the query parameters in the order sent; numbers as {@link Long}/{@link Integer}
 * @param start when the request was sent
 * @param end when the response was read, or the attempt failed
 * @param status the HTTP status, or null when no response arrived
 * @param headers the response headers kept as evidence (lower-case names), never credentials
 * @param body the response body bytes exactly as received; empty when there was none
 * @param error why no response arrived (timeout, reset), or null
 * @param bodyJson whether the body is exactly one JSON value in strict UTF-8, as the client found when it read it
 *     ({@link JsonScan}); null when nobody checked
 * @param bodyOneLine whether the client found the JSON body free of line break bytes ({@link JsonScan.Scanned}), so
 *     that it goes into the record as it is; false when it has some or nobody looked
 */
public record HttpExchange(
        String method,
        String url,
        Map<String, Object> params,
        Instant start,
        Instant end,
        Integer status,
        Map<String, String> headers,
        byte[] body,
        String error,
        Boolean bodyJson,
        boolean bodyOneLine) {

    /** An exchange whose body was checked for JSON but not looked at for line breaks. */
    public HttpExchange(String method, String url, Map<String, Object> params, Instant start, Instant end,
            Integer status, Map<String, String> headers, byte[] body, String error, Boolean bodyJson) {
        this(method, url, params, start, end, status, headers, body, error, bodyJson, false);
    }

    /** An exchange whose body nobody checked yet. */
    public HttpExchange(String method, String url, Map<String, Object> params, Instant start, Instant end,
            Integer status, Map<String, String> headers, byte[] body, String error) {
        this(method, url, params, start, end, status, headers, body, error, null, false);
    }
}

package dev.discard.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.ClientInfo;
import dev.discard.format.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST client: authenticates, stays inside the rate limits, retries what is worth retrying, and reports every
 * attempt, answered or not, to the {@link ExchangeSink} the caller hands in. It never follows redirects and never lets
 * OkHttp retry silently, so the archive sees each request that actually went out.
 *
 * <p>Servers close idle keep-alive connections after a few seconds (Node: 5 s), and the client learns it only when it
 * reuses one. Pooled connections are therefore dropped after {@link #KEEP_ALIVE} idle, and a request that fails on a
 * reused connection before any byte of answer is recorded and sent again at once on a fresh connection, without
 * counting as a failed attempt: it never reached the server's application.
 *
 * <p>The read timeout of the caller's client is kept by a {@link StallWatch} instead of OkHttp: an attempt that
 * receives nothing for that long, its request's writing included, is cut and counts as a timed-out attempt.
 */
public final class DiscordRest {
    private static final String USER_AGENT_FORMAT = "DiscordBot (%s, %s)";
    private static final Logger LOG = LoggerFactory.getLogger(DiscordRest.class);
    /** How long a pooled connection may sit idle and still be reused: below Node's 5 s default. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(4);
    /** Fresh-connection repeats of one request after dead pooled connections; each one empties the pool. */
    private static final int MAX_STALE_REPEATS = 3;

    private final OkHttpClient http;
    private final HttpUrl baseUrl;
    private final Token token;
    private final String userAgent;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final RateLimiter limiter;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final InvalidRequestGuard guard;
    private final JsonScan scan;
    private final StallWatch stallWatch;
    private final HistoryPageSize historyPageSize;
    /** The share of the rate the limiter was last throttled to, as the invalid-request guard said. */
    private volatile double throttled = 1;

    private DiscordRest(Builder b) {
        OkHttpClient given = b.connection.http();
        this.stallWatch = new StallWatch(given.readTimeoutMillis());
        OkHttpClient.Builder derived = given.newBuilder().retryOnConnectionFailure(false).followRedirects(false)
                .followSslRedirects(false).readTimeout(Duration.ZERO); // the stall watch keeps it, cheaper
        // The watch counts an attempt silent from its start, while its request is written too: with a read timeout
        // it covers the write timeout, whose Okio watchdog would otherwise still wake for every request.
        if (given.readTimeoutMillis() > 0) derived.writeTimeout(Duration.ZERO);
        this.http = derived
                .connectionPool(new ConnectionPool(5, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
                .eventListenerFactory(ConnectionFacts.FACTORY).build();
        this.baseUrl = b.baseUrl;
        this.token = b.token;
        this.userAgent = String.format(USER_AGENT_FORMAT, b.clientUrl, b.clientVersion);
        this.mapper = b.mapper;
        this.clock = b.connection.clock();
        this.sleeper = b.connection.sleeper();
        this.limiter = b.limiter != null ? b.limiter
                : new RateLimiter(sleeper, b.connection.nanoTime(), RateLimiter.DISCORD_GLOBAL_PER_SECOND);
        this.retry = b.connection.retry();
        this.random = b.connection.random();
        this.guard = b.guard != null ? b.guard : new InvalidRequestGuard(InvalidRequestGuard.DEFAULT_LIMIT,
                b.connection.nanoTime());
        this.scan = new JsonScan(b.mapper.getFactory());
        this.historyPageSize = b.historyPageSize != null ? b.historyPageSize : HistoryPageSize.forServer(b.baseUrl);
    }

    /**
     * Starts configuring a client; everything else has a production default.
     *
     * @param connection the caller's connection; the REST client derives a client from its one that never retries or
     *     redirects on its own
     * @param baseUrl the API root, e.g. {@code https://discord.com/api/v10}
     */
    public static Builder builder(ConnectionConfig connection, HttpUrl baseUrl, Token token) {
        return new Builder(connection, baseUrl, token);
    }

    /**
     * The API root from a user's {@code --api-url}: any trailing slash dropped.
     *
     * @throws IllegalArgumentException when it is not an http(s) URL
     */
    public static HttpUrl baseUrl(String url) {
        HttpUrl parsed = HttpUrl.parse(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (parsed == null) throw new IllegalArgumentException("not an http(s) URL: " + url);
        return parsed;
    }

    public Token token() {
        return token;
    }

    /** What the rate limiter has seen: the request rate over the last second, the budget, the buckets' rate. */
    public RateLimiter.Pace pace() {
        return limiter.pace();
    }

    /** What this server's history pages prove about their end, learned from every walk of this client. */
    public HistoryPageSize historyPageSize() {
        return historyPageSize;
    }

    /** The API root as given, e.g. {@code https://discord.com/api/v10}. */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /**
     * Sends the request until Discord gives a final answer, recording every attempt into {@code sink}. A 429 is waited
     * out and repeated; 5xx and connection failures are repeated with backoff. The final answer is returned whatever
     * its status, callers decide what an error means for them, except for a 401: a refused token ends whatever asked,
     * so it is thrown here, the one place that checks for it.
     *
     * @throws DiscordUnreachableException when no attempt got an answer
     * @throws DiscordApiException when Discord refused the token (401); {@link DiscordApiException#tokenRefused()}
     */
    public ApiResponse get(ApiRequest request, ExchangeSink sink) throws IOException, InterruptedException {
        return get(request, sink, JsonScan.CHECK);
    }

    /**
     * As {@link #get(ApiRequest, ExchangeSink)}, reading each answer's body with {@code reader} in the pass that checks
     * it is JSON; what it read is {@link ApiResponse#scanned}.
     */
    ApiResponse get(ApiRequest request, ExchangeSink sink, JsonScan.Reader<?> reader)
            throws IOException, InterruptedException {
        RouteKey key = RouteKey.of(request.method(), request.path());
        String recordedUrl = recordedUrl(request.path());
        Request.Builder httpRequest = new Request.Builder()
                .url(url(request))
                .header("Authorization", token.authorization())
                .header("User-Agent", userAgent)
                .header("Accept", "application/json")
                .get();
        RetryLoop retries = new RetryLoop(retry, sleeper, random);
        int stale = 0;
        while (true) {
            limiter.acquire(key);
            Instant start = clock.instant();
            ConnectionFacts facts = new ConnectionFacts();
            Call call = http.newCall(httpRequest.tag(ConnectionFacts.class, facts).build());
            StallWatch.Attempt watched = stallWatch.watch(call::cancel);
            ApiResponse response;
            try (Response r = call.execute()) {
                byte[] bytes = readBody(r.body(), watched);
                watched.close();
                Map<String, String> headers = evidenceHeaders(r);
                JsonScan.Scanned<?> body = scan.scanBody(bytes, reader);
                Object scanned = body.value();
                sink.http(new HttpExchange(request.method(), recordedUrl, request.params(), start, clock.instant(),
                        r.code(), headers, bytes, null, scanned != null, body.oneLine()));
                response = new ApiResponse(r.code(), headers, bytes, mapper, scanned);
                // Answers other than 2xx are run.log's; a line for each 2xx was a twentieth of a large run's CPU,
                // and the archive records every request anyway.
                if (r.isSuccessful()) {
                    LOG.trace("{} {} {} -> {} ({} bytes)", request.method(), recordedUrl, request.params(), r.code(),
                            bytes.length);
                } else {
                    LOG.debug("{} {} {} -> {} ({} bytes)", request.method(), recordedUrl, request.params(), r.code(),
                            bytes.length);
                }
            } catch (IOException failure) {
                watched.close();
                // A call the watch cancelled timed out; any other cancelled call was stopped by its user.
                boolean interrupted = Thread.currentThread().isInterrupted()
                        || (call.isCanceled() && !watched.stalled());
                IOException e = watched.stalled() && !interrupted ? watched.timeout() : failure;
                boolean deadConnection = facts.reusedAndUnanswered() && stale < MAX_STALE_REPEATS && !interrupted;
                sink.http(new HttpExchange(request.method(), recordedUrl, request.params(), start, clock.instant(),
                        null, Map.of(), new byte[0], describe(e) + (deadConnection ? STALE_NOTE : "")));
                if (interrupted) throw new InterruptedException("interrupted during " + recordedUrl);
                if (deadConnection) {
                    stale++;
                    http.connectionPool().evictAll(); // its neighbours idled as long: none is worth trying
                    LOG.info("{} {}: {} on a reused connection; sent again at once on a new one", request.method(),
                            recordedUrl, describe(e));
                    continue;
                }
                if (!retries.mayRetryFailure()) throw new DiscordUnreachableException(recordedUrl, e);
                long delay = retries.nextBackoff();
                LOG.info("{} {}: {}; retry {} of {} in {} ms", request.method(), recordedUrl, describe(e),
                        retries.failures(), retries.maxRetries(), delay / 1_000_000);
                retries.await(delay);
                continue;
            }
            guard.record(response.status(), response.header("x-ratelimit-scope"));
            // Slows the whole run as refusals pile up, long before a ban; back to full speed as they age out.
            double share = guard.share();
            if (share != throttled) {
                throttled = share;
                limiter.throttle(share);
                LOG.warn("{} refused requests (401/403/429) within 10 minutes: requests slowed to {}% of the rate",
                        guard.count(), Math.round(share * 100));
            }
            if (response.status() == 429) {
                double retryAfter = retryAfterSeconds(response);
                boolean global = isGlobal(response) || isCloudflare(response);
                limiter.update(key, response.headers(), 429, retryAfter, global);
                if (!retries.mayRetry429()) {
                    LOG.info("{} {}: 429 Too Many Requests {} times; giving up", request.method(), recordedUrl,
                            retries.limited());
                    return response;
                }
                LOG.info("{} {}: 429 Too Many Requests ({}); waiting {} s", request.method(), recordedUrl,
                        isCloudflare(response) ? "Cloudflare, every request" : global ? "global" : "this bucket",
                        retryAfter);
                continue;
            }
            limiter.update(key, response.headers(), response.status(), Double.NaN, false);
            if (retries.mayRetry(response.status())) {
                long delay = retries.nextBackoff();
                LOG.info("{} {}: answered {}; retry {} of {} in {} ms", request.method(), recordedUrl,
                        response.status(), retries.failures(), retries.maxRetries(), delay / 1_000_000);
                retries.await(delay);
                continue;
            }
            if (response.status() == 401) {
                throw new DiscordApiException(request.method() + " " + request.path(), response);
            }
            return response;
        }
    }

    /**
     * The whole body, as {@link ResponseBody#bytes()} reads it, telling the stall watch after each read what arrived.
     */
    private static byte[] readBody(ResponseBody body, StallWatch.Attempt watched) throws IOException {
        if (body == null) return new byte[0];
        BufferedSource source = body.source();
        Buffer bytes = new Buffer();
        for (long read; (read = source.read(bytes, READ_CHUNK)) != -1; ) watched.received(read);
        long expected = body.contentLength();
        if (expected != -1 && expected != bytes.size()) {
            throw new IOException("Content-Length (" + expected + ") and stream length (" + bytes.size()
                    + ") disagree");
        }
        return bytes.readByteArray();
    }

    /** The most one read of a body asks for; Okio hands over what its segments hold, 8 KB at a time or less. */
    private static final long READ_CHUNK = 64 * 1024;

    /** Appended to the error of an attempt lost to a dead pooled connection. */
    static final String STALE_NOTE = " (on a reused keep-alive connection the server had closed; sent again at once"
            + " on a new connection, not counted as a failed attempt)";

    /** The base URL with the request's path (already percent-encoded by {@link Routes}) and query: no URL parsed. */
    private HttpUrl url(ApiRequest request) {
        String path = request.path();
        HttpUrl.Builder url = baseUrl.newBuilder().addEncodedPathSegments(path.startsWith("/") ? path.substring(1) : path);
        request.params().forEach((name, value) -> url.addQueryParameter(name, String.valueOf(value)));
        return url.build();
    }

    private String recordedUrl(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** Headers that are evidence or drive rate limits; never cookies or anything that could authenticate. */
    static Map<String, String> evidenceHeaders(Response response) {
        // Names in the order Headers.names() gives them (case-insensitive), repeated ones joined in the order received:
        // one pass over the headers, not a set of names and a search for each.
        Headers headers = response.headers();
        Map<String, String> kept = new TreeMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String lower = headers.name(i).toLowerCase(Locale.ROOT);
            if (lower.equals("date") || lower.equals("content-type") || lower.startsWith("x-ratelimit-")
                    || lower.equals("retry-after") || lower.equals("via") || lower.equals("cf-ray")) {
                kept.merge(lower, headers.value(i), (first, next) -> first + ", " + next);
            }
        }
        return new LinkedHashMap<>(kept);
    }

    /**
     * Seconds to wait after a 429: the body's {@code retry_after}, else the Retry-After header, else one second. API v6
     * and some compatible servers give {@code retry_after} in milliseconds; when it is far above the header's whole
     * seconds, the header is right.
     */
    static double retryAfterSeconds(ApiResponse response) {
        JsonNode retryAfter = response.json().get("retry_after");
        Double header = seconds(response.header("retry-after"));
        if (retryAfter != null && retryAfter.isNumber()) {
            double body = retryAfter.doubleValue();
            return header != null && body > header * 10 + 1 ? header : body;
        }
        return header != null ? header : 1.0;
    }

    private static Double seconds(String header) {
        if (header == null) return null;
        try {
            return Double.parseDouble(header.strip());
        } catch (NumberFormatException e) {
            return null; // An HTTP-date Retry-After is not something Discord sends.
        }
    }

    /**
     * A 429 without Discord's {@code Via} header comes from Cloudflare in front of Discord, not from the API: it
     * limits the whole IP, so every request waits.
     */
    static boolean isCloudflare(ApiResponse response) {
        return response.header("via") == null;
    }

    static boolean isGlobal(ApiResponse response) {
        JsonNode global = response.json().get("global");
        return (global != null && global.asBoolean(false))
                || "true".equalsIgnoreCase(response.header("x-ratelimit-global"))
                || "global".equalsIgnoreCase(response.header("x-ratelimit-scope"));
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }

    /** Configures a {@link DiscordRest}; {@link #build()} makes it. Not thread-safe. */
    public static final class Builder {
        private final ConnectionConfig connection;
        private final HttpUrl baseUrl;
        private final Token token;
        private String clientUrl = ClientInfo.URL;
        private String clientVersion = ClientInfo.VERSION;
        private ObjectMapper mapper = Json.newMapper();
        private RateLimiter limiter;
        private InvalidRequestGuard guard;
        private HistoryPageSize historyPageSize;

        private Builder(ConnectionConfig connection, HttpUrl baseUrl, Token token) {
            this.connection = Objects.requireNonNull(connection, "connection");
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            this.token = Objects.requireNonNull(token, "token");
        }

        /** What goes into the {@code User-Agent: DiscordBot (url, version)} Discord requires; discard's own by default. */
        public Builder client(String url, String version) {
            this.clientUrl = url;
            this.clientVersion = version;
            return this;
        }

        public Builder mapper(ObjectMapper mapper) {
            this.mapper = mapper;
            return this;
        }

        /**
         * The rate limiter; by default one of Discord's global 50 requests per second that waits with the connection's
         * sleeper.
         */
        public Builder rateLimiter(RateLimiter limiter) {
            this.limiter = limiter;
            return this;
        }

        /** Stops before Discord bans the IP; by default at {@link InvalidRequestGuard#DEFAULT_LIMIT}. */
        public Builder invalidRequestGuard(InvalidRequestGuard guard) {
            this.guard = guard;
            return this;
        }

        /**
         * Whether the server honours the history page {@code limit}; by default Discord's hosts do and others are
         * learned ({@link HistoryPageSize#forServer}).
         */
        public Builder historyPageSize(HistoryPageSize historyPageSize) {
            this.historyPageSize = historyPageSize;
            return this;
        }

        public DiscordRest build() {
            return new DiscordRest(this);
        }
    }
}

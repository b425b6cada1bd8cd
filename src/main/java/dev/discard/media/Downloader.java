package dev.discard.media;

import dev.discard.discord.ConnectionConfig;
import dev.discard.discord.RetryLoop;
import dev.discard.discord.RetryPolicy;
import dev.discard.discord.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Downloads files from the CDN and from whatever host a message links to. Sends no credentials: its requests carry no
 * Authorization header and no cookies, whichever host they go to. Each file is written to a temporary file in the
 * target folder (hashed with SHA-256 on the way) and handed back for the caller to move into place, so an interrupted
 * download never leaves a half file under a final name. 5xx answers and dropped connections are retried with
 * backoff; a 429 waits what {@code Retry-After} asks (at most {@link #MAX_RETRY_AFTER_SECONDS}). A host that could not
 * be reached at all (its name does not resolve, no connection) once every retry was spent is not tried again by this
 * downloader: each of a guild's hundred emojis would otherwise wait out the same backoff.
 */
public final class Downloader {
    static final long MAX_RETRY_AFTER_SECONDS = 60;
    private static final int BUFFER = 64 * 1024; // 64 KiB

    private final OkHttpClient http;
    private final String userAgent;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    /** Hosts that could not be reached at all after every retry. */
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();

    /** @param connection the caller's; requests are made without any credential of the caller's */
    public Downloader(ConnectionConfig connection, String userAgent) {
        this.http = connection.http().newBuilder().retryOnConnectionFailure(false).build();
        this.userAgent = userAgent;
        this.retry = connection.retry();
        this.sleeper = connection.sleeper();
        this.random = connection.random();
    }

    /**
     * A downloaded file, still under its temporary name. Immutable.
     *
     * @param temp the temporary file in the target folder; the caller moves or deletes it
     * @param size bytes
     * @param sha256 lower-case hex
     * @param contentType the server's Content-Type without parameters, or null
     */
    public record Fetched(Path temp, long size, String sha256, String contentType) {}

    /** A download that failed for good. {@link #status} is the last HTTP status, or 0 when none arrived. */
    public static final class FailedException extends IOException {
        private final int status;

        FailedException(String message, int status, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * Downloads {@code url} into a new temporary file in {@code dir}.
     *
     * @throws FailedException when every attempt failed, or the answer was a final error (4xx)
     * @throws InterruptedException when the thread was interrupted or the call cancelled
     */
    public Fetched fetch(String url, Path dir) throws FailedException, InterruptedException {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) throw new FailedException("not an http(s) URL", 0, null);
        if (unreachable.contains(parsed.host())) {
            throw new FailedException(parsed.host() + " could not be reached earlier in this run; not tried again", 0,
                    null);
        }
        Request request = new Request.Builder().url(parsed).header("User-Agent", userAgent).get().build();
        RetryLoop retries = new RetryLoop(retry, sleeper, random);
        while (true) {
            Call call = http.newCall(request);
            int status = 0;
            try (Response response = call.execute()) {
                status = response.code();
                if (response.isSuccessful()) return save(response, dir);
                if (status == 429 && retries.mayRetry429()) {
                    retries.await(TimeUnit.SECONDS.toNanos(retryAfter(response)));
                    continue;
                }
                if (!retries.mayRetry(status)) {
                    throw new FailedException("HTTP " + status + reason(response), status, null);
                }
            } catch (FailedException e) {
                throw e;
            } catch (IOException e) {
                if (call.isCanceled() || Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("interrupted while downloading " + url);
                }
                if (!retries.mayRetryFailure()) {
                    if (e instanceof UnknownHostException || e instanceof ConnectException) {
                        unreachable.add(parsed.host());
                    }
                    throw new FailedException(describe(e), status, e);
                }
            }
            retries.await(retries.nextBackoff());
        }
    }

    /** Streams the body into a temporary file, hashing it; deletes the file if anything goes wrong. */
    private static Fetched save(Response response, Path dir) throws IOException {
        ResponseBody body = response.body();
        // Not createTempFile: its owner-only permissions would stay on the file once it is moved into place.
        Path temp = Files.createFile(dir.resolve(".discard-" + UUID.randomUUID() + ".part"));
        boolean done = false;
        try (InputStream in = body == null ? InputStream.nullInputStream() : body.byteStream();
                OutputStream out = Files.newOutputStream(temp)) {
            MessageDigest sha = sha256();
            byte[] buffer = new byte[BUFFER];
            long size = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                sha.update(buffer, 0, n);
                size += n;
            }
            done = true;
            String type = response.header("Content-Type");
            if (type != null) type = type.split(";", 2)[0].strip();
            return new Fetched(temp, size, HexFormat.of().formatHex(sha.digest()), type);
        } finally {
            if (!done) Files.deleteIfExists(temp);
        }
    }

    private static long retryAfter(Response response) {
        String value = response.header("Retry-After");
        try {
            double seconds = value == null ? 1 : Double.parseDouble(value.strip());
            return Math.max(1, Math.min(MAX_RETRY_AFTER_SECONDS, (long) Math.ceil(seconds)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String reason(Response response) {
        String message = response.message();
        return message == null || message.isBlank() ? "" : " " + message;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

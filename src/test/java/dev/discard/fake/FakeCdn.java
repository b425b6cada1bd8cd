package dev.discard.fake;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * A CDN (or any image host a message links to) on MockWebServer: serves files by path with their content type,
 * answers Discord's {@code 404 This content is no longer available.} for signed URLs whose {@code ex} was expired, and
 * plays scripted failures. It is a host that must never see the token: every request that carries an Authorization
 * header or a cookie is counted in {@link #credentialed()} and refused.
 */
public final class FakeCdn extends Dispatcher implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final Map<String, Served> files = new ConcurrentHashMap<>();
    private final Set<String> expired = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Scripted> scripted = new ConcurrentLinkedQueue<>();
    private final RequestLog requests = new RequestLog();
    private final List<RecordedRequest> credentialed = new CopyOnWriteArrayList<>();

    public FakeCdn start() throws IOException {
        server.setDispatcher(this);
        // Without TCP_NODELAY, headers and body written apart wait out the client's delayed ACK (~40 ms a file).
        server.setServerSocketFactory(new TrackingServerSocketFactory());
        server.start();
        return this;
    }

    /** Serves {@code bytes} at {@code path} (e.g. {@code /attachments/1/2/a.png}); returns its URL. */
    public String put(String path, byte[] bytes, String contentType) {
        files.put(path, new Served(bytes, contentType));
        return url(path);
    }

    /** The URL of {@code path} on this server, without query. */
    public String url(String path) {
        return server.url(path).toString();
    }

    /** The root URL, for the image endpoints of icons, emojis, stickers and avatars. */
    public HttpUrl root() {
        return server.url("/");
    }

    /** {@code url} with a signature as Discord adds it: {@code ex}, {@code is}, {@code hm}. */
    public static String signed(String url, String ex) {
        return HttpUrl.get(url).newBuilder().addQueryParameter("ex", ex).addQueryParameter("is", "65c68ede")
                .addQueryParameter("hm", "2481f30dd67f503f54d020ae3b5533b9" + ex).build().toString();
    }

    /** URLs signed with this {@code ex} answer 404 from now on. */
    public FakeCdn expire(String ex) {
        expired.add(ex);
        return this;
    }

    /** The next {@code count} requests for {@code path} get this answer instead. */
    public FakeCdn script(String path, int count, MockResponse response) {
        for (int i = 0; i < count; i++) scripted.add(new Scripted(path, response));
        return this;
    }

    public List<RecordedRequest> requests() {
        return requests.all();
    }

    /** Paths (without query) requested, in order. */
    public List<String> paths() {
        return requests.paths();
    }

    /** Requests that came with an Authorization header or a cookie: there must be none. */
    public List<RecordedRequest> credentialed() {
        return Collections.unmodifiableList(credentialed);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        if (request.getHeader("Authorization") != null || request.getHeader("Cookie") != null) {
            credentialed.add(request);
            return new MockResponse().setResponseCode(400).setBody("credentials sent to a CDN");
        }
        HttpUrl url = request.getRequestUrl();
        String path = url.encodedPath();
        for (Scripted s : scripted) {
            if (s.path.equals(path) && scripted.remove(s)) return s.response;
        }
        String ex = url.queryParameter("ex");
        Served served = files.get(path);
        if (served == null || (ex != null && expired.contains(ex))) {
            return new MockResponse().setResponseCode(404).setHeader("Content-Type", "text/plain")
                    .setBody("This content is no longer available.");
        }
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", served.contentType)
                .setBody(new Buffer().write(served.bytes));
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }

    /** A real PNG of {@code size}×{@code size} pixels in one colour. */
    public static byte[] png(int size, Color color) {
        return image("png", size, color, BufferedImage.TYPE_INT_ARGB);
    }

    /** A real JPEG. */
    public static byte[] jpeg(int size, Color color) {
        return image("jpg", size, color, BufferedImage.TYPE_INT_RGB);
    }

    /** A real GIF. */
    public static byte[] gif(int size, Color color) {
        return image("gif", size, color, BufferedImage.TYPE_INT_RGB);
    }

    /** A valid 1×1 lossless WebP (RIFF container, VP8L chunk); the JDK cannot write WebP. */
    public static byte[] webp() {
        return new byte[] {'R', 'I', 'F', 'F', 0x1a, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 0x0d, 0, 0, 0,
                0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88, (byte) 0xfe, 0x07, 0};
    }

    private static byte[] image(String format, int size, Color color, int type) {
        BufferedImage image = new BufferedImage(size, size, type);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, size, size);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) throw new IllegalStateException("no ImageIO writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private record Served(byte[] bytes, String contentType) {}

    private record Scripted(String path, MockResponse response) {}
}

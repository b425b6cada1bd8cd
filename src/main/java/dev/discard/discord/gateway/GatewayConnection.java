package dev.discard.discord.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.discord.LogContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One websocket to the gateway: opens it, records every frame sent and received, parses what arrives and hands it to
 * its {@link Listener}. It knows nothing of sessions; the listener decides what a payload or an end means.
 *
 * <p>Binary frames are not expected (this client asks for {@code encoding=json} without compression). One that is
 * valid UTF-8 is treated as the text frame it spells; any other is recorded as {@code base64:} followed by its bytes
 * in base64, and ignored.
 */
final class GatewayConnection {
    /** Any close code but 1000 and 1001 keeps the session resumable; this client uses this one to reconnect. */
    static final int RECONNECT_CLOSE_CODE = 4000;
    /** Ends the session: Discord invalidates it and the account appears offline. */
    static final int NORMAL_CLOSE_CODE = 1000;

    private static final Logger log = LoggerFactory.getLogger(GatewayConnection.class);

    /** What happens on a connection. Called on OkHttp's reader thread; must not block. */
    interface Listener {
        /** A payload arrived; its frame has been recorded already. */
        void onPayload(GatewayConnection connection, GatewayPayload payload);

        /**
         * The connection ended: the gateway closed it with {@code code}, or it failed ({@code code} -1; the reason
         * says why). Called at most once per connection.
         */
        void onEnded(GatewayConnection connection, int code, String reason);
    }

    private final String name;
    private final HttpUrl url;
    private final ObjectMapper mapper;
    private final FrameRecorder recorder;
    private final Listener listener;
    private final SequenceMark session;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    /** Null until {@link #open} was called. */
    private volatile WebSocket webSocket;

    /** @param session the sequence numbers of the session this connection identifies or resumes */
    GatewayConnection(String name, HttpUrl url, ObjectMapper mapper, FrameRecorder recorder, Listener listener,
            SequenceMark session) {
        this.name = name;
        this.session = session;
        this.url = url;
        this.mapper = mapper;
        this.recorder = recorder;
        this.listener = listener;
    }

    void open(OkHttpClient client) {
        log.debug("{}: connecting to {}", name, url);
        // OkHttp's threads call the listener: with the opener's log context, its lines reach the run's run.log.
        webSocket = client.newWebSocket(new Request.Builder().url(url).build(),
                LogContext.capture().wrap(new SocketListener()));
    }

    /**
     * Sends one text frame and records it, as one step: a reply can never be recorded before the frame it answers.
     * Returns false when the socket is closing or failed and nothing was sent.
     */
    boolean send(String text, GatewayOpcode op) {
        synchronized (this) {
            Instant time = recorder.now();
            if (!webSocket.send(text)) return false;
            recorder.sent(time, text);
        }
        log.debug("{}: send op {} {} ({} chars)", name, op.code(), op, text.length()); // never the text: the token
        return true;
    }

    /** Starts the closing handshake; the socket is cancelled if the gateway does not finish it within a minute. */
    void close(int code, String reason) {
        webSocket.close(code, reason);
    }

    /** Drops the socket at once, without a closing handshake. */
    void cancel() {
        webSocket.cancel();
    }

    /** Waits until the socket is closed or failed; true if it is. */
    boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isFinished() {
        return finished.getCount() == 0;
    }

    @Override
    public String toString() {
        return name;
    }

    private void received(Instant time, String text) {
        GatewayPayload payload = GatewayPayload.parse(mapper, text);
        synchronized (this) {
            recorder.received(time, text, payload, session);
        }
        if (payload == GatewayPayload.UNREADABLE) {
            log.warn("{}: ignored a frame that is not a gateway payload ({} chars)", name, text.length());
            return;
        }
        log.debug("{}: recv {} ({} chars)", name, payload.summary(), text.length());
        listener.onPayload(this, payload);
    }

    private void end(int code, String reason) {
        if (ended.compareAndSet(false, true)) listener.onEnded(this, code, reason);
    }

    private final class SocketListener extends WebSocketListener {
        @Override
        public void onOpen(WebSocket ws, Response response) {
            log.debug("{}: open", name);
        }

        @Override
        public void onMessage(WebSocket ws, String text) {
            received(recorder.now(), text);
        }

        @Override
        public void onMessage(WebSocket ws, ByteString bytes) {
            Instant time = recorder.now();
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                synchronized (GatewayConnection.this) {
                    recorder.received(time, "base64:" + bytes.base64(), GatewayPayload.UNREADABLE, session);
                }
                log.warn("{}: ignored a binary frame that is not UTF-8 ({} bytes)", name, bytes.size());
                return;
            }
            received(time, text);
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            log.debug("{}: close frame {} {}", name, code, reason);
            ws.close(RECONNECT_CLOSE_CODE, null); // finish the handshake without invalidating the session
            end(code, reason);
        }

        @Override
        public void onClosed(WebSocket ws, int code, String reason) {
            log.debug("{}: closed with {}", name, code);
            end(code, reason);
            finished.countDown();
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            String reason = t.getMessage() != null ? t.getClass().getSimpleName() + ": " + t.getMessage()
                    : t.getClass().getSimpleName();
            log.debug("{}: failed: {}", name, reason);
            end(-1, reason);
            finished.countDown();
        }
    }
}

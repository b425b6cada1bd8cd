package dev.discard.discord;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import okhttp3.Call;
import okhttp3.EventListener;

/**
 * What one call did with its connection, so a failure can be told apart: a call that reused a pooled connection and
 * failed before any byte of the answer met a connection the server had closed while it sat idle (servers close idle
 * keep-alive connections after a few seconds; Node after 5). Such a request never reached the server's application and
 * is sent again at once on a fresh connection. One instance per call, tagged on its request.
 */
final class ConnectionFacts {
    private volatile boolean connected;
    private volatile boolean answered;

    /** Whether the call used a pooled connection and failed before the answer's headers arrived. */
    boolean reusedAndUnanswered() {
        return !connected && !answered;
    }

    /** Routes OkHttp's events of each call to the facts tagged on its request. */
    static final EventListener.Factory FACTORY = call -> {
        ConnectionFacts facts = call.request().tag(ConnectionFacts.class);
        if (facts == null) return EventListener.NONE;
        return new EventListener() {
            @Override
            public void connectStart(Call c, InetSocketAddress address, Proxy proxy) {
                facts.connected = true;
            }

            @Override
            public void responseHeadersStart(Call c) {
                facts.answered = true;
            }

            @Override
            public void responseFailed(Call c, IOException e) {
                // Headers started arriving only if responseHeadersStart fired; nothing to add.
            }
        };
    };
}

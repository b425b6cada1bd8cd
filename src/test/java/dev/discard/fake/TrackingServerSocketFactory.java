package dev.discard.fake;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ServerSocketFactory;

/**
 * Server sockets that remember the connections they accept, so a test can close them under the client as a network
 * failure would, and that send at once (TCP_NODELAY): MockWebServer writes headers and body separately, and with
 * Nagle's algorithm against the client's delayed ACK every response would stall ~40 ms, making the fake, not the
 * client, the bottleneck of every measurement. MockWebServer creates its server socket unbound, so only that method
 * is supported.
 */
final class TrackingServerSocketFactory extends ServerSocketFactory {
    private final Set<Socket> accepted = ConcurrentHashMap.newKeySet();
    /** Milliseconds a connection may wait for its next request before the server closes it; 0 for never. */
    private volatile int idleTimeoutMillis;

    /**
     * Closes connections idle longer than this, as servers close idle keep-alive connections (Node: 5 s): MockWebServer
     * gives up reading the next request and closes the socket, and the client finds out only when it reuses it.
     */
    void idleTimeout(int millis) {
        idleTimeoutMillis = millis;
    }

    /** Closes every connection accepted so far. */
    void closeAll() throws IOException {
        for (Socket socket : accepted) {
            socket.close();
            accepted.remove(socket);
        }
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                Socket socket = super.accept();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(idleTimeoutMillis);
                accepted.add(socket);
                return socket;
            }
        };
    }

    @Override
    public ServerSocket createServerSocket(int port) {
        throw new UnsupportedOperationException("expected an unbound server socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) {
        throw new UnsupportedOperationException("expected an unbound server socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
        throw new UnsupportedOperationException("expected an unbound server socket");
    }
}

package dev.discard.fake;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
    /** Whether connections accepted from now on know when they are idle, for {@link #closeIdle}. */
    private volatile boolean trackIdle;

    /** Connections accepted from now on know when they are idle: {@link #closeIdle} closes them then. */
    void trackIdle() {
        trackIdle = true;
    }

    /**
     * Closes the connections that answered a request and wait for the next one, as servers close idle keep-alive
     * connections (Node: after 5 s): the client finds out only when it reuses one.
     */
    void closeIdle() throws IOException {
        for (Socket socket : accepted) {
            if (socket instanceof TrackedSocket tracked && tracked.answered) {
                // The client may be told of the answer before the server's thread is back reading: such a connection
                // is closed as that thread starts to wait, so the client's wait decides, not the threads' race.
                tracked.closeWhenWaiting = true;
                if (tracked.idle()) socket.close();
                accepted.remove(socket);
            }
        }
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
                Socket socket = trackIdle ? new TrackedSocket() : new Socket();
                implAccept(socket);
                socket.setTcpNoDelay(true);
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

    /** A connection that knows whether it is idle: it answered a request and its server waits for the next one. */
    private static final class TrackedSocket extends Socket {
        private volatile boolean answered;
        private volatile boolean waiting;
        /** Set by {@link #closeIdle} on a connection that has answered: it closes when its server waits again. */
        private volatile boolean closeWhenWaiting;
        private InputStream in;
        private OutputStream out;

        boolean idle() {
            return answered && waiting;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (closeWhenWaiting && answered) {
                            TrackedSocket.this.close();
                            return -1;
                        }
                        waiting = true;
                        try {
                            int n = super.read(b, off, len);
                            if (n > 0) answered = false;
                            return n;
                        } finally {
                            waiting = false;
                        }
                    }

                    @Override
                    public int read() throws IOException {
                        byte[] one = new byte[1];
                        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                    }
                };
            }
            return in;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        answered = true;
                    }
                };
            }
            return out;
        }
    }
}

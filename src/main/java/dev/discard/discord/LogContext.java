package dev.discard.discord;

import java.util.Map;
import java.util.concurrent.Callable;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.MDC;

/**
 * The SLF4J MDC of the thread that starts some work, carried to the threads that do it. A run marks its thread in the
 * MDC so that its log lines go to its own {@code run.log}; the MDC is per thread and not inherited, so work handed to
 * a pool, a scheduler or OkHttp's websocket threads takes the marks along through this. Immutable.
 */
public final class LogContext {
    /** The captured map; null when the MDC was empty. */
    private final Map<String, String> map;

    private LogContext(Map<String, String> map) {
        this.map = map == null || map.isEmpty() ? null : Map.copyOf(map);
    }

    /** The calling thread's MDC as it is now. */
    public static LogContext capture() {
        return new LogContext(MDC.getCopyOfContextMap());
    }

    /** Runs {@code task} with this context, then puts the thread's own MDC back. */
    public Runnable wrap(Runnable task) {
        return () -> {
            Map<String, String> previous = enter();
            try {
                task.run();
            } finally {
                leave(previous);
            }
        };
    }

    /** Calls {@code task} with this context, then puts the thread's own MDC back. */
    public <T> Callable<T> wrap(Callable<T> task) {
        return () -> {
            Map<String, String> previous = enter();
            try {
                return task.call();
            } finally {
                leave(previous);
            }
        };
    }

    /** Each callback of {@code listener} runs with this context, on whichever OkHttp thread calls it. */
    public WebSocketListener wrap(WebSocketListener listener) {
        return new WebSocketListener() {
            @Override
            public void onOpen(WebSocket ws, Response response) {
                wrap(() -> listener.onOpen(ws, response)).run();
            }

            @Override
            public void onMessage(WebSocket ws, String text) {
                wrap(() -> listener.onMessage(ws, text)).run();
            }

            @Override
            public void onMessage(WebSocket ws, ByteString bytes) {
                wrap(() -> listener.onMessage(ws, bytes)).run();
            }

            @Override
            public void onClosing(WebSocket ws, int code, String reason) {
                wrap(() -> listener.onClosing(ws, code, reason)).run();
            }

            @Override
            public void onClosed(WebSocket ws, int code, String reason) {
                wrap(() -> listener.onClosed(ws, code, reason)).run();
            }

            @Override
            public void onFailure(WebSocket ws, Throwable t, Response response) {
                wrap(() -> listener.onFailure(ws, t, response)).run();
            }
        };
    }

    private Map<String, String> enter() {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        if (map == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(map);
        }
        return previous;
    }

    private static void leave(Map<String, String> previous) {
        if (previous == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(previous);
        }
    }
}

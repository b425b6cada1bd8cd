package dev.discard.fake;

import dev.discard.discord.ExchangeSink;
import dev.discard.discord.HttpExchange;
import dev.discard.discord.WsFrame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link ExchangeSink} that keeps everything in memory, in order, for tests to assert on. Thread-safe. */
public final class RecordingSink implements ExchangeSink {
    private final List<HttpExchange> http = new CopyOnWriteArrayList<>();
    private final List<WsFrame> frames = new CopyOnWriteArrayList<>();

    @Override
    public void http(HttpExchange exchange) {
        http.add(exchange);
    }

    @Override
    public void ws(WsFrame frame) {
        frames.add(frame);
    }

    public List<HttpExchange> http() {
        return List.copyOf(http);
    }

    public List<WsFrame> frames() {
        return List.copyOf(frames);
    }

    /** The texts of the frames in one direction, in order. */
    public List<String> texts(WsFrame.Direction direction) {
        return frames.stream().filter(f -> f.direction() == direction).map(WsFrame::text).toList();
    }
}

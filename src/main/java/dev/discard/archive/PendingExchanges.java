package dev.discard.archive;

import dev.discard.discord.ExchangeSink;
import dev.discard.discord.HttpExchange;
import dev.discard.discord.WsFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds the few exchanges made before their log can be chosen (the {@code GET /channels/{id}} that tells which guild
 * a channel belongs to), then hands them to that log in order.
 */
final class PendingExchanges implements ExchangeSink {
    private final List<Object> pending = new ArrayList<>();

    @Override
    public synchronized void http(HttpExchange exchange) {
        pending.add(exchange);
    }

    @Override
    public synchronized void ws(WsFrame frame) {
        pending.add(frame);
    }

    synchronized void drainTo(ExchangeSink sink) {
        for (Object record : pending) {
            if (record instanceof HttpExchange http) sink.http(http);
            else sink.ws((WsFrame) record);
        }
        pending.clear();
    }
}

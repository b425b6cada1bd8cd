package dev.discard.archive;

import dev.discard.discord.ExchangeSink;
import dev.discard.discord.HttpExchange;
import dev.discard.discord.WsFrame;

/**
 * The gateway session's sink in a rotated {@code --follow} run: the session goes on across a cut, its frames go to
 * the {@code run.jsonl} of the period they arrive in. Thread-safe.
 */
final class SwitchingSink implements ExchangeSink {
    private volatile ExchangeSink target;

    SwitchingSink(ExchangeSink target) {
        this.target = target;
    }

    void switchTo(ExchangeSink next) {
        target = next;
    }

    @Override
    public void http(HttpExchange exchange) {
        target.http(exchange);
    }

    @Override
    public void ws(WsFrame frame) {
        target.ws(frame);
    }
}

package dev.discard.discord;

/**
 * Where the Discord client reports every exchange it makes: each HTTP attempt and each websocket frame. The archive
 * implements it with one JSONL file; each caller passes the sink its records belong to, so concurrent work never
 * writes into another's file. Implementations must be safe to call from several threads.
 */
public interface ExchangeSink {
    /** Records one HTTP attempt, successful or not. */
    void http(HttpExchange exchange);

    /** Records one websocket frame. */
    void ws(WsFrame frame);
}

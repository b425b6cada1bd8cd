package dev.discard.export;

import java.io.IOException;
import java.sql.SQLException;

/** Writes one channel's file in a chat-export format: opened, fed its messages in order, closed. */
interface ChatWriter extends AutoCloseable {
    void message(ChatMessage message) throws IOException, SQLException;

    /** Finishes the file; {@code messages} is how many were written. */
    void finish(long messages) throws IOException;

    @Override
    void close() throws IOException;
}

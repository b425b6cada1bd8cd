package dev.discard.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.read.life.MessageLife;
import java.util.List;

/**
 * One message to write: its stored id, its newest version as Discord sent it, and (with {@code --history}) its
 * earlier versions and deletion. Immutable.
 */
record ChatMessage(String storedId, JsonNode json, List<ChatHistory.Version> versions,
        MessageLife.Deletion deletion) {}

package dev.discard.discord;

import java.time.Instant;

/**
 * One websocket frame as it crossed the wire. Immutable.
 *
 * @param time when it was sent or received
 * @param direction {@link Direction#SEND} or {@link Direction#RECV}
 * @param text the frame's text exactly as sent or received (JSON for Discord's gateway)
 */
public record WsFrame(Instant time, Direction direction, String text) {
    public enum Direction {
        SEND("send"),
        RECV("recv");

        private final String wireName;

        Direction(String wireName) {
            this.wireName = wireName;
        }

        /** The value of the record's {@code direction} key. */
        public String wireName() {
            return wireName;
        }
    }
}

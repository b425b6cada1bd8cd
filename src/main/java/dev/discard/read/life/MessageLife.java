package dev.discard.read.life;

import dev.discard.format.Timestamps;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The life of one message as the archive knows it. Immutable.
 *
 * @param id the message id as Discord writes it
 * @param channelId its channel, as Discord writes it; null when unknown
 * @param versions each distinct version (content, embeds, attachments, edited time), oldest first; the last is the
 *     message as it stood last, reactions included; never empty
 * @param deletion when and how the archive knows it was deleted; null when it is not known to be
 */
public record MessageLife(String id, String channelId, List<Version> versions, Deletion deletion) {
    public MessageLife {
        versions = List.copyOf(versions);
        if (versions.isEmpty()) throw new IllegalArgumentException("message " + id + " has no version");
    }

    /** The message as it stood last. */
    public Version current() {
        return versions.get(versions.size() - 1);
    }

    /** Whether the archive holds more than one version, or Discord marks the message edited. */
    public boolean edited() {
        return versions.size() > 1 || current().editedTimestamp() != null;
    }

    public boolean deleted() {
        return deletion != null;
    }

    /**
     * One version of the message.
     *
     * @param json the message object as it stood (for the last version, with the reactions as they stood last)
     * @param editedTimestamp its {@code edited_timestamp}; null when never edited
     * @param seenAt when the archive first saw this version: the time of its record
     * @param source how it was seen: {@code http} (a history page) or the dispatch's name ({@code MESSAGE_UPDATE})
     */
    public record Version(String json, String editedTimestamp, String seenAt, String source) {}

    /** How a deletion is known. */
    public enum How {
        /** A {@code MESSAGE_DELETE}, {@code MESSAGE_DELETE_BULK}, {@code CHANNEL_DELETE} or {@code THREAD_DELETE}. */
        LIVE("live"),
        /** A later run that read the message's range completely did not return it. */
        BETWEEN_RUNS("between_runs");

        private final String stored;

        How(String stored) {
            this.stored = stored;
        }

        /** The name the index stores and the JSON output writes. */
        public String stored() {
            return stored;
        }

        public static How of(String stored) {
            for (How h : values()) if (h.stored.equals(stored)) return h;
            throw new IllegalArgumentException("not a way of knowing a deletion: " + stored);
        }
    }

    /**
     * When and how a deletion is known.
     *
     * @param how a live record, or two runs
     * @param at the record's time (live), or the start of the later run that no longer found it (between runs)
     * @param lastSeen between runs: the start of the last run that still held it; null for live deletions
     * @param source the dispatch's name (live), or {@code run} (between runs)
     */
    public record Deletion(How how, String at, String lastSeen, String source) {
        /** The mark {@code discard read} and search print: {@code deleted 2026-12-07 10:31:02}. */
        public String mark() {
            return how == How.LIVE ? "deleted " + shown(at)
                    : "deleted: gone by " + shown(at) + ", last seen " + shown(lastSeen);
        }

        /** A time of the archive as {@code 2026-12-07 10:31:02} UTC; the text as it is when it does not parse. */
        static String shown(String time) {
            if (time == null) return "(unknown)";
            try {
                Instant t = Timestamps.parse(time);
                return Timestamps.seconds(t);
            } catch (DateTimeParseException e) {
                return time;
            }
        }
    }
}

package dev.discard.read;

import java.util.HashSet;
import java.util.Set;

/**
 * What the live records of a channel's log say happened, for {@code summary}: messages created, edited (an update
 * that sets {@code edited_timestamp}: not an embed filled in) and deleted, each message counted once per kind
 * however many dispatches or replays there were. Immutable; {@link Counter} gathers one.
 *
 * @param created messages created ({@code MESSAGE_CREATE})
 * @param edited messages edited ({@code MESSAGE_UPDATE} with an edited time)
 * @param deleted messages deleted ({@code MESSAGE_DELETE}, {@code MESSAGE_DELETE_BULK})
 */
public record LiveCounts(long created, long edited, long deleted) {
    public static final LiveCounts NONE = new LiveCounts(0, 0, 0);

    public LiveCounts plus(LiveCounts o) {
        return new LiveCounts(created + o.created, edited + o.edited, deleted + o.deleted);
    }

    public boolean isEmpty() {
        return created == 0 && edited == 0 && deleted == 0;
    }

    /** Counts the live events of one log; memory holds the ids of the messages they name. */
    public static final class Counter {
        private final ReplayFilter replays = new ReplayFilter();
        private final Set<String> created = new HashSet<>();
        private final Set<String> edited = new HashSet<>();
        private final Set<String> deleted = new HashSet<>();

        /** Counts the record when it is a live event about messages of {@code channelId} (null: any). */
        public void add(ArchiveRecord record, String channelId) {
            LiveEvent e = LiveEvent.of(record);
            if (e == null || !replays.first(e)) return;
            if (channelId != null && e.channelId() != null && !channelId.equals(e.channelId())) return;
            switch (e.kind()) {
                case MESSAGE_CREATE -> created.addAll(e.messageIds());
                case MESSAGE_UPDATE -> {
                    if (e.data().hasNonNull("edited_timestamp")) edited.addAll(e.messageIds());
                }
                case MESSAGE_DELETE, MESSAGE_DELETE_BULK -> deleted.addAll(e.messageIds());
                default -> { }
            }
        }

        public LiveCounts counts() {
            return new LiveCounts(created.size(), edited.size(), deleted.size());
        }
    }
}

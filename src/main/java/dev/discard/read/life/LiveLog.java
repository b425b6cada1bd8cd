package dev.discard.read.life;

import dev.discard.read.ReplayFilter;
import dev.discard.read.LiveEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.LogFile;
import dev.discard.read.ArchiveRecord;
import dev.discard.read.LiveRecordScan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live events of one channel log, by message, in the order recorded, replays dropped; read before its
 * messages are, so that each message printed carries its whole life. Memory holds the live events (a follow run's
 * own), never the history pages.
 */
public final class LiveLog {
    private final List<LogFile> files;
    private final String channelId;
    private final ObjectMapper mapper;
    /** Events by unsigned message id (sorted as ids), each list in record order. */
    private final TreeMap<Long, List<LiveEvent>> byMessage = new TreeMap<>(Long::compareUnsigned);
    private LiveEvent channelDeleted;

    private LiveLog(List<LogFile> files, String channelId, ObjectMapper mapper) {
        this.files = List.copyOf(files);
        this.channelId = channelId;
        this.mapper = mapper;
    }

    /**
     * Reads the live events of the log's parts.
     *
     * @param channelId the channel whose events to keep; null for any
     */
    public static LiveLog read(List<LogFile> files, String channelId, ObjectMapper mapper) {
        LiveLog log = new LiveLog(files, channelId, mapper);
        ReplayFilter replays = new ReplayFilter();
        LiveRecordScan.scan(files, mapper, r -> {
            LiveEvent e = LiveEvent.of(r);
            if (e == null || !replays.first(e)) return;
            if (channelId != null && e.channelId() != null && !channelId.equals(e.channelId())) return;
            if (e.kind().isChannel()) {
                if (log.channelDeleted == null) log.channelDeleted = e;
                return;
            }
            for (String id : e.messageIds()) {
                log.byMessage.computeIfAbsent(Long.parseUnsignedLong(id), k -> new ArrayList<>()).add(e);
            }
        });
        return log;
    }

    public boolean isEmpty() {
        return byMessage.isEmpty() && channelDeleted == null;
    }

    /** Whether a live event is about this message. */
    public boolean touches(long id) {
        return byMessage.containsKey(id);
    }

    /** The message ids that live events are about, in id order. */
    public Collection<Long> ids() {
        return byMessage.keySet();
    }

    /**
     * The life of a message that a history page holds: the events recorded before the page, the page's object, then
     * the events after it.
     *
     * @param page the page's record
     * @param json the message object as the page holds it
     */
    public MessageLife life(long id, ArchiveRecord page, String json) throws IOException {
        MessageLifeBuilder b = new MessageLifeBuilder(Long.toUnsignedString(id), mapper);
        JsonNode message = mapper.readTree(json);
        boolean placed = false;
        for (LiveEvent e : byMessage.getOrDefault(id, List.of())) {
            if (!placed && after(e.record(), page)) {
                b.observe(message, page.datetimeStart(), "http");
                placed = true;
            }
            b.apply(e);
        }
        if (!placed) b.observe(message, page.datetimeStart(), "http");
        return b.build();
    }

    /** The life of a message no history page holds (created live, deleted before any page); null when never seen. */
    public MessageLife liveOnly(long id) {
        MessageLifeBuilder b = new MessageLifeBuilder(Long.toUnsignedString(id), mapper);
        for (LiveEvent e : byMessage.getOrDefault(id, List.of())) b.apply(e);
        return b.seen() ? b.build() : null;
    }

    /** Whether record {@code a} comes after record {@code b} in the log (parts in order, then lines). */
    private boolean after(ArchiveRecord a, ArchiveRecord b) {
        int fa = part(a);
        int fb = part(b);
        return fa != fb ? fa > fb : a.line() > b.line();
    }

    private final Map<java.nio.file.Path, Integer> parts = new HashMap<>();

    private int part(ArchiveRecord r) {
        return parts.computeIfAbsent(r.file(), p -> {
            for (int i = 0; i < files.size(); i++) if (files.get(i).path().equals(p)) return i;
            return -1;
        });
    }

    /** The channel or thread's own deletion; null when none was recorded. */
    public LiveEvent channelDeleted() {
        return channelDeleted;
    }
}

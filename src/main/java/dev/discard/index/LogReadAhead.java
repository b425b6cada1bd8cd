package dev.discard.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.LogFile;
import dev.discard.read.ArchiveRecord;
import dev.discard.read.LiveEvent;
import dev.discard.read.ChannelLog;
import dev.discard.read.Message;
import dev.discard.read.RecordProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads one log file on a thread of its own, decompressing and parsing each message into its {@link MessageRow},
 * while the caller's thread writes what came before into SQLite: the two halves of indexing take about as long as
 * each other. What the log holds arrives in the log's order, in batches through a bounded queue, so memory stays
 * flat whatever the file's size. Problems arrive in the queue too: the caller's listener is called on its own thread.
 */
final class LogReadAhead implements AutoCloseable {
    /** Items per batch: large enough that the queue's hand-over costs nothing per message. */
    private static final int BATCH = 512;
    /** Batches in flight: bounds memory to a few thousand messages. */
    private static final int QUEUE = 8;

    /** One thing the log held, in order. */
    sealed interface Item permits Row, Other, Live, Problem, End {}

    /** A message of a successful page, parsed, and the time of the record it came in. */
    record Row(MessageRow row, String seenAt) implements Item {}

    /** A successful answer of another route, or a gateway GUILD_CREATE. */
    record Other(ArchiveRecord record) implements Item {}

    /** A live dispatch that changes a message or removes a channel ({@code --follow} runs). */
    record Live(LiveEvent event) implements Item {}

    /** A damaged line or message. */
    record Problem(RecordProblem problem) implements Item {}

    /** The end of the file: what the reader counted, or the error that stopped it. */
    record End(ChannelLog.Stats stats, RuntimeException error) implements Item {}

    private final BlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread thread;
    private volatile boolean cancelled;
    private List<Item> current = List.of();
    private int next;

    /** Starts reading {@code file}. */
    LogReadAhead(LogFile file, ObjectMapper mapper, MessageRowReader rows) {
        thread = new Thread(() -> read(file, mapper, rows), "index-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next item; the last one is an {@link End}. */
    Item next() throws InterruptedException {
        while (next >= current.size()) {
            current = queue.take();
            next = 0;
        }
        return current.get(next++);
    }

    private void read(LogFile file, ObjectMapper mapper, MessageRowReader rows) {
        Batch out = new Batch();
        ChannelLog.Stats stats = null;
        RuntimeException error = null;
        try {
            stats = new ChannelLog(List.of(file), null, false, mapper).read(new ChannelLog.Listener() {
                private String seenAt;

                @Override
                public void page(ArchiveRecord record, List<Message> sorted) {
                    seenAt = record.datetimeStart();
                }

                @Override
                public void message(Message m) {
                    MessageRow row;
                    try {
                        row = rows.read(m.source(), m.start(), m.end());
                    } catch (IOException e) {
                        out.add(new Problem(RecordProblem.ofFile(file.path(), "message " + m.id()
                                + " cannot be read: " + e.getMessage())));
                        return;
                    }
                    if (row.id != null) out.add(new Row(row, seenAt));
                }

                @Override
                public void otherRecord(ArchiveRecord record) {
                    if ((record.isHttp() && record.isSuccess()) || isGuildCreate(record)) {
                        out.add(new Other(record));
                    } else if (record.isWs()) {
                        LiveEvent event = LiveEvent.of(record);
                        if (event != null) out.add(new Live(event));
                    }
                }

                @Override
                public void problem(RecordProblem problem) {
                    out.add(new Problem(problem));
                }
            });
        } catch (Cancelled e) {
            return;
        } catch (RuntimeException e) {
            error = e;
        }
        try {
            out.items.add(new End(stats, error));
            out.flush();
        } catch (Cancelled e) {
            // the writer stopped first; nobody waits for the end
        }
    }

    /** A gateway GUILD_CREATE the session received: guild, channel, thread and role names when REST has none. */
    static boolean isGuildCreate(ArchiveRecord record) {
        if (!record.isWs() || !"recv".equals(record.direction())) return false;
        com.fasterxml.jackson.databind.JsonNode data = record.data();
        return data != null && "GUILD_CREATE".equals(data.path("t").asText(null)) && data.path("d").isObject();
    }

    /** The items being gathered for the queue, on the reader's thread. */
    private final class Batch {
        private List<Item> items = new ArrayList<>(BATCH);

        void add(Item item) {
            items.add(item);
            if (items.size() >= BATCH) flush();
        }

        void flush() {
            if (cancelled) throw new Cancelled();
            try {
                while (!queue.offer(items, 100, TimeUnit.MILLISECONDS)) {
                    if (cancelled) throw new Cancelled();
                }
            } catch (InterruptedException e) {
                throw new Cancelled();
            }
            items = new ArrayList<>(BATCH);
        }
    }

    /** Unwinds the reader when the writer has stopped. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** Stops the reader (when the writer failed) and waits for its thread to end. */
    @Override
    public void close() {
        cancelled = true;
        try {
            while (thread.isAlive()) {
                queue.clear();
                thread.join(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

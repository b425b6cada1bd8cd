package dev.discard.export;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The site's search index ({@link SearchIndexWriter}) built on a thread of its own while the pages are rendered, so
 * that on two cores the index costs the export little of its time. Messages are handed over in batches, in order;
 * at most {@value #QUEUE} batches of at most {@value #BATCH} messages or {@value #BATCH_CHARS} characters wait, so
 * memory stays flat. A failure of the index is thrown by the next call; after it nothing more is written.
 */
final class SearchIndexThread implements AutoCloseable {
    private static final int BATCH = 256;
    private static final int BATCH_CHARS = 1 << 18;
    private static final int QUEUE = 4;

    /** What the thread does with the writer, in the order handed over. */
    private interface Task {
        void run(SearchIndexWriter writer) throws IOException;
    }

    private record Message(int channel, String id, String authorId, String authorName, String time, String content) {}

    private static final Task STOP = writer -> {};

    private final SearchIndexWriter writer;
    private final BlockingQueue<Task> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread thread;
    private List<Message> batch = new ArrayList<>(BATCH);
    private int batchChars;
    private int channels;
    /** The first failure of the thread (an IOException, a RuntimeException or an Error). */
    private volatile Throwable failure;

    SearchIndexThread(SearchIndexWriter writer) {
        this.writer = writer;
        thread = new Thread(this::run, "discard-search-index");
        thread.setDaemon(true);
        thread.start();
    }

    /** A channel of the site: returns its number ({@link SearchIndexWriter#channel}). */
    int channel(String guild, String label, String folderPath) throws IOException {
        hand(w -> w.channel(guild, label, folderPath));
        return channels++;
    }

    /** The next message of a channel ({@link SearchIndexWriter#add}). */
    void add(int channel, String messageId, String authorId, String authorName, String time, String content)
            throws IOException {
        batch.add(new Message(channel, messageId, authorId, authorName, time, content));
        batchChars += content == null ? 0 : content.length();
        if (batch.size() == BATCH || batchChars >= BATCH_CHARS) handBatch();
    }

    /** The pages of a channel once they are written ({@link SearchIndexWriter#pages}). */
    void pages(int channel, List<String> firstIds) throws IOException {
        hand(w -> w.pages(channel, firstIds));
    }

    /** Waits until the whole index is written; returns its bytes. */
    long finish() throws IOException {
        long[] bytes = new long[1];
        hand(w -> bytes[0] = w.finish());
        put(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the search index");
        }
        rethrow();
        return bytes[0];
    }

    /** Stops the thread, dropping what waits (an export that failed); {@link #finish} first for a whole index. */
    @Override
    public void close() {
        if (!thread.isAlive()) return;
        queue.clear();
        queue.offer(STOP);
    }

    private void hand(Task task) throws IOException {
        handBatch();
        put(task);
    }

    private void handBatch() throws IOException {
        if (batch.isEmpty()) return;
        List<Message> messages = batch;
        batch = new ArrayList<>(BATCH);
        batchChars = 0;
        put(w -> {
            for (Message m : messages) w.add(m.channel(), m.id(), m.authorId(), m.authorName(), m.time(), m.content());
        });
    }

    private void put(Task task) throws IOException {
        rethrow();
        try {
            queue.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the search index");
        }
    }

    private void rethrow() throws IOException {
        Throwable t = failure;
        if (t == null) return;
        if (t instanceof IOException e) throw e;
        if (t instanceof RuntimeException e) throw e;
        throw (Error) t;
    }

    private void run() {
        while (true) {
            Task task;
            try {
                task = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (task == STOP) return;
            if (failure != null) continue; // drained, so that the exporter never waits on a full queue
            try {
                task.run(writer);
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
            }
        }
    }
}

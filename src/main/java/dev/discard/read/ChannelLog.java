package dev.discard.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.LogFile;
import java.io.IOException;
import java.util.List;

/**
 * The messages of one channel log, all parts in order, oldest first and each once, in constant memory.
 *
 * <p>Messages come in pages ({@code GET …/channels/{id}/messages?after=…&limit=100}). Each page is sorted by id, as
 * servers answer newest first (Discord) or oldest first (Spacebar). Pages of a well-formed log walk forward: each
 * starts after the largest id of the one before. So a message is printed when its id is larger than every id printed
 * so far; a message at or below that is a repeat (a retried page, an overlap between the parts of a resumed run)
 * when it is among the last {@value #WINDOW} ids printed, and is dropped.
 *
 * <p>Out-of-order logs (pages that go backward) are read without losing a message: a message below the largest id
 * printed that is not a recent repeat is printed where it is found, out of order, and the page is reported once as
 * a problem. A repeat of such a message older than the window is then printed twice.
 */
public final class ChannelLog {
    /** Ids remembered to recognise repeats: 100 pages of 100 messages. */
    static final int WINDOW = 10_000;

    /** What reading a channel log reports. Methods other than {@link #problem} do nothing by default. */
    public interface Listener {
        /** The next message, oldest first, each once. */
        default void message(Message message) {}

        /** A successful message page as recorded, sorted by id, repeats included, before {@link #message}. */
        default void page(ArchiveRecord record, List<Message> sorted) {}

        /** Every record that is not a successful message page of this channel. */
        default void otherRecord(ArchiveRecord record) {}

        void problem(RecordProblem problem);

        /**
         * A part cut short that a later part continues ({@link RecordProblem#continuedLater()}): not a problem, and
         * not counted as one.
         */
        default void continuedCut(RecordProblem cut) {}
    }

    /**
     * What was read.
     *
     * @param records parseable records
     * @param pages successful message pages
     * @param messages messages handed out, each once
     * @param repeats messages dropped as repeats
     * @param outOfOrder messages handed out out of order
     * @param problems problems reported
     */
    public record Stats(long records, long pages, long messages, long repeats, long outOfOrder, long problems) {}

    private final List<LogFile> files;
    private final String channelId;
    private final boolean details;
    private final ObjectMapper mapper;
    private final MessageRenderer renderer;

    /**
     * @param files the log's parts in order
     * @param channelId the channel whose pages to read (other channels' pages are ignored); null for any channel
     * @param details whether messages carry {@link MessageFields}, or ids and source only (faster)
     */
    public ChannelLog(List<LogFile> files, String channelId, boolean details, ObjectMapper mapper) {
        this(files, channelId, details, null, mapper);
    }

    /**
     * A log read to be printed: each message comes with its {@link Message#text}, rendered while the page is parsed
     * (on a parser thread, beside the caller's), and without its {@link Message#fields}.
     */
    public ChannelLog(List<LogFile> files, String channelId, MessageRenderer renderer, ObjectMapper mapper) {
        this(files, channelId, true, renderer, mapper);
    }

    private ChannelLog(List<LogFile> files, String channelId, boolean details, MessageRenderer renderer,
            ObjectMapper mapper) {
        this.files = List.copyOf(files);
        this.channelId = channelId;
        this.details = details;
        this.renderer = renderer;
        this.mapper = mapper;
    }

    public Stats read(Listener listener) {
        MessagePageParser pages = new MessagePageParser(channelId, details, renderer, mapper);
        long[] problemCount = {0};
        Merge merge = new Merge(listener);
        long pageCount = 0;
        try (ArchiveReader reader = new ArchiveReader(files, mapper, p -> {
            if (p.continuedLater()) {
                listener.continuedCut(p);
                return;
            }
            problemCount[0]++;
            listener.problem(p);
        }, pages)) {
            ArchiveRecord r;
            while ((r = reader.next()) != null) {
                if (!pages.isPageRequest(r) || !r.isSuccess()) {
                    listener.otherRecord(r);
                    continue;
                }
                MessagePageParser.Page page;
                try {
                    page = pages.page(r);
                } catch (IOException e) {
                    page = new MessagePageParser.Page(List.of(), List.of("cannot read the page: " + e.getMessage()));
                }
                for (String damage : page.damage()) {
                    problemCount[0]++;
                    listener.problem(RecordProblem.ofLine(r.file(), r.line(), r.offset(), damage));
                }
                List<Message> sorted = page.messages();
                if (sorted.size() > 1) sorted.sort((a, b) -> Long.compareUnsigned(a.id(), b.id()));
                pageCount++;
                listener.page(r, sorted);
                int late = merge.add(sorted);
                if (late > 0) {
                    problemCount[0]++;
                    listener.problem(RecordProblem.ofLine(r.file(), r.line(), r.offset(), late
                            + " messages older than messages read before: the pages are out of order;"
                            + " printed where found"));
                }
            }
            return new Stats(reader.records(), pageCount, merge.handedOut, merge.repeats, merge.late,
                    problemCount[0]);
        }
    }

    /** Deduplicates sorted pages against the largest id so far and a window of recent ids. */
    private static final class Merge {
        private final Listener listener;
        private final RecentIds recent = new RecentIds(WINDOW);
        private long highest = 0;
        long handedOut;
        long repeats;
        long late;

        Merge(Listener listener) {
            this.listener = listener;
        }

        /** Hands out the page's new messages; the number handed out of order. */
        int add(List<Message> sorted) {
            int lateHere = 0;
            for (Message m : sorted) {
                long id = m.id();
                if (Long.compareUnsigned(id, highest) > 0) {
                    highest = id;
                    recent.addInOrder(id);
                } else if (recent.contains(id)) {
                    repeats++;
                    continue;
                } else {
                    recent.addLate(id);
                    lateHere++;
                }
                handedOut++;
                listener.message(m);
            }
            late += lateHere;
            return lateHere;
        }
    }
}

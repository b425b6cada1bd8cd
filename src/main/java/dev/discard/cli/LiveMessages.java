package dev.discard.cli;

import dev.discard.read.ArchiveRecord;
import dev.discard.read.Message;
import dev.discard.read.RunRange;
import dev.discard.read.life.LifeRenderer;
import dev.discard.read.life.LiveLog;
import dev.discard.read.life.MessageLife;
import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The messages of {@code discard read} that live records change: printed with their whole life in place of the page's
 * line, and those that no page holds (created and deleted live) printed in id order among the others.
 */
final class LiveMessages {
    private final LiveLog live;
    private final RunRange range;
    private final boolean json;
    private final boolean versions;
    private final LineOutput out;
    private final LifeRenderer renderer = new LifeRenderer();
    private final Iterator<Long> pending;
    private final Set<Long> printed = new HashSet<>();
    private Long next;

    LiveMessages(LiveLog live, RunRange range, boolean json, boolean versions, LineOutput out) {
        this.live = live;
        this.range = range;
        this.json = json;
        this.versions = versions;
        this.out = out;
        this.pending = live.ids().iterator();
        this.next = pending.hasNext() ? pending.next() : null;
    }

    /** Prints the live-only messages with ids below {@code id}. */
    void before(long id) {
        while (next != null && Long.compareUnsigned(next, id) < 0) {
            if (!printed.contains(next)) printLiveOnly(next);
            next = pending.hasNext() ? pending.next() : null;
        }
    }

    /** Prints a message of a page that live records change. */
    void print(Message m, ArchiveRecord page) {
        printed.add(m.id());
        MessageLife life;
        try {
            life = live.life(m.id(), page, m.json());
        } catch (IOException e) {
            out.line(m.source(), m.start(), m.end() - m.start());
            return;
        }
        write(life);
    }

    /** Prints the live-only messages after the last page's. */
    void rest() {
        before(-1L); // the largest unsigned id
        if (next != null && !printed.contains(next)) printLiveOnly(next);
        next = null;
    }

    private void printLiveOnly(long id) {
        if (!range.contains(id)) return;
        MessageLife life = live.liveOnly(id);
        if (life != null) write(life);
    }

    private void write(MessageLife life) {
        if (json) {
            out.line(life.current().json());
            return;
        }
        for (String line : renderer.lines(life, versions)) out.line(line);
    }
}

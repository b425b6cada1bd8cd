package dev.discard.read;

import java.util.LinkedHashSet;
import java.util.Iterator;

/**
 * The last {@code capacity} message ids handed out, to tell a repeated message from one that arrives late. Ids that
 * arrive in increasing order (the normal case) sit in a sorted ring searched by bisection; the few that arrive late
 * sit in a small set. Memory: two times {@code capacity} ids at most.
 */
final class RecentIds {
    private final long[] ring;
    private int head;
    private int count;
    private final LinkedHashSet<Long> late = new LinkedHashSet<>();

    RecentIds(int capacity) {
        this.ring = new long[capacity];
    }

    /** Remembers an id larger than every id added before through this method. */
    void addInOrder(long id) {
        if (count < ring.length) {
            ring[(head + count) % ring.length] = id;
            count++;
        } else {
            ring[head] = id;
            head = (head + 1) % ring.length;
        }
    }

    /** Remembers an id that arrived after larger ones. */
    void addLate(long id) {
        late.add(id);
        if (late.size() > ring.length) {
            Iterator<Long> eldest = late.iterator();
            eldest.next();
            eldest.remove();
        }
    }

    boolean contains(long id) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long value = ring[(head + mid) % ring.length];
            if (value < id) lo = mid + 1;
            else if (value > id) hi = mid - 1;
            else return true;
        }
        return !late.isEmpty() && late.contains(id);
    }
}

package dev.discard.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A channel history of any length made on demand, so that benchmarks can serve a million messages without holding
 * them: message {@code i} is sent {@code i} seconds after the start, with a realistic body of about 500 bytes.
 */
final class SyntheticHistory {
    private final FakeDiscord discord;
    private final long channelId;
    private final int count;
    private final Instant start;
    private final ObjectNode author;

    SyntheticHistory(FakeDiscord discord, long channelId, int count, Instant start, ObjectNode author) {
        this.discord = discord;
        this.channelId = channelId;
        this.count = count;
        this.start = start;
        this.author = author;
    }

    long id(int i) {
        return Fixtures.snowflake(start.plusSeconds(i), i);
    }

    /** Up to {@code limit} messages with ids above {@code after}, oldest first. */
    List<ObjectNode> after(long after, int limit) {
        int low = 0;
        int high = count;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (id(mid) > after) high = mid;
            else low = mid + 1;
        }
        List<ObjectNode> page = new ArrayList<>(limit);
        for (int i = low; i < count && page.size() < limit; i++) page.add(message(i));
        return page;
    }

    private ObjectNode message(int i) {
        return Fixtures.message(discord, channelId, id(i), start.plusSeconds(i), author,
                "Synthetic message " + i + ": the quick brown fox jumps over the lazy dog, and Příliš žluťoučký kůň.");
    }
}

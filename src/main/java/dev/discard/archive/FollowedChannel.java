package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.format.ChannelMeta.MessageRef;
import dev.discard.format.Snowflake;
import java.util.ArrayList;
import java.util.List;

/**
 * One channel (or thread) a {@code --follow} run follows: where its log is, what its history pages held, and what
 * happened to it live. A few numbers whatever the channel's traffic: no state per message. Thread-safe.
 */
final class FollowedChannel {
    /** A time without a gateway session, and what the backfill after it fetched. Immutable. */
    record Gap(java.time.Instant from, java.time.Instant to, boolean backfilled, long messages, String error) {}

    final long id;
    final String guildStem;
    /** The channel object as Discord last described it (REST, or CHANNEL_/THREAD_CREATE/UPDATE); null if unknown. */
    private JsonNode channel;
    /** The history's result, or null for a channel first seen live. */
    private ChannelResult history;
    /** Whether the history walk fetched the pins list (false: none, or its pages proved the list empty). */
    private boolean pinsListed;
    /** The newest message the run's {@code http} pages hold (history, backfills, closing passes); 0 for none. */
    private long pagedAfter;
    private MessageRef oldest;
    private MessageRef newest;
    /** Messages in this run's pages after the history (backfills and the closing pass). */
    private long pagedLater;
    private long created;
    private long edited;
    private long deleted;
    private long reactions;
    private long otherEvents;
    private final List<Gap> gaps = new ArrayList<>();
    /** Why the channel is no longer followed (deleted, access lost), or null. */
    private String dropped;
    private String error;

    FollowedChannel(long id, String guildStem, JsonNode channel, long pagedAfter) {
        this.id = id;
        this.guildStem = guildStem;
        this.channel = channel;
        this.pagedAfter = pagedAfter;
    }

    /** The log's stem in the run directory, e.g. {@code 123/456}. */
    String stem() {
        return guildStem + "/" + Snowflake.toString(id);
    }

    synchronized void describedAs(JsonNode channel) {
        if (channel != null && channel.isObject()) this.channel = channel;
    }

    synchronized JsonNode channel() {
        return channel;
    }

    /** The history walk ended; its pages hold messages up to its newest. */
    synchronized void historyDone(JsonNode channel, ChannelResult result, boolean pinsListed) {
        describedAs(channel);
        history = result;
        this.pinsListed = pinsListed;
        if (result.newest() != null) pagedAfter = Snowflake.max(pagedAfter, result.newest().id());
        if (result.oldest() != null && (oldest == null || Snowflake.compare(result.oldest().id(), oldest.id()) < 0)) {
            oldest = result.oldest();
        }
        if (result.newest() != null && (newest == null || Snowflake.compare(result.newest().id(), newest.id()) > 0)) {
            newest = result.newest();
        }
        if (result.refused()) dropped = "Discord refused access: " + result.error();
    }

    synchronized ChannelResult history() {
        return history;
    }

    /** Whether the history walk fetched the pins list; false for a channel first seen live (none was fetched). */
    synchronized boolean pinsListed() {
        return pinsListed;
    }

    /** Where the next walk over this channel starts: after the newest message the run's pages hold. */
    synchronized long pagedAfter() {
        return pagedAfter;
    }

    /** The period before paged up to {@code id}: walks start after it at the earliest. */
    synchronized void advance(long id) {
        pagedAfter = Snowflake.max(pagedAfter, id);
    }

    /** A later walk (backfill, closing pass) put a message into an {@code http} page. */
    synchronized void paged(long id, String timestamp) {
        pagedLater++;
        if (Snowflake.compare(id, pagedAfter) > 0) pagedAfter = id;
        MessageRef ref = new MessageRef(id, timestamp);
        if (oldest == null || Snowflake.compare(id, oldest.id()) < 0) oldest = ref;
        if (newest == null || Snowflake.compare(id, newest.id()) > 0) newest = ref;
    }

    /** A live event about this channel was recorded. */
    synchronized void event(String event, JsonNode d) {
        switch (event) {
            case "MESSAGE_CREATE" -> created++;
            case "MESSAGE_UPDATE" -> edited++;
            case "MESSAGE_DELETE" -> deleted++;
            case "MESSAGE_DELETE_BULK" -> deleted += d.path("ids").size();
            case "MESSAGE_REACTION_ADD", "MESSAGE_REACTION_REMOVE", "MESSAGE_REACTION_REMOVE_ALL",
                    "MESSAGE_REACTION_REMOVE_EMOJI" -> reactions++;
            default -> otherEvents++;
        }
    }

    synchronized void gap(Gap gap) {
        gaps.add(gap);
    }

    synchronized List<Gap> gaps() {
        return List.copyOf(gaps);
    }

    synchronized void drop(String why) {
        if (dropped == null) dropped = why;
    }

    /** Why the channel is not followed any more, or null while it is. */
    synchronized String dropped() {
        return dropped;
    }

    synchronized void failed(String error) {
        this.error = error;
    }

    /**
     * What the channel's meta file says at the end of the run: the history's messages plus those the later walks
     * paged, the oldest and newest of all, and the first error.
     */
    synchronized ChannelResult result() {
        long messages = (history == null ? 0 : history.messages()) + pagedLater;
        String failure = error != null ? error : history != null && history.failed() ? history.error() : null;
        return new ChannelResult(id, channel == null ? null : Ids.text(channel, "name"), guildStem, messages, oldest,
                newest, failure, history == null ? 0 : history.pins(), history != null && history.refused());
    }

    /** Live counts for the meta file: {@code created}, {@code edited}, {@code deleted}, {@code reactions}, … */
    synchronized long[] counts() {
        return new long[] {created, edited, deleted, reactions, otherEvents};
    }
}

package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.format.Snowflake;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Archives the threads of one channel (forum and media posts included): the active ones the caller knows, and the
 * archived ones listed into the parent's log; each thread like a channel, into {@code <guild>/<thread>.jsonl} with a
 * meta file that carries {@code parent_id} and {@code thread_metadata}. Threads share their parent's permissions.
 */
final class ThreadArchiver {
    private final ArchiveContext context;
    private final ChannelArchiver channels;
    private final ThreadLister lister;

    ThreadArchiver(ArchiveContext context, ChannelArchiver channels) {
        this.context = context;
        this.channels = channels;
        this.lister = new ThreadLister(context);
    }

    /**
     * @param active the parent's active threads (from {@code /guilds/{id}/threads/active} or the gateway)
     * @param managesThreads whether the account may list private archived threads (MANAGE_THREADS)
     * @return the threads' results, in id order
     */
    List<ChannelResult> archive(JsonNode parent, String guildStem, ExchangeLog parentLog, List<JsonNode> active,
            boolean userAccount, boolean managesThreads) throws IOException, InterruptedException {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode thread : active) {
            if (lister.inRange(thread)) found.add(thread);
        }
        lister.archived(Ids.of(parent, "id"), guildStem, parentLog, userAccount, managesThreads, found);
        Map<Long, JsonNode> unique = new LinkedHashMap<>();
        found.stream().sorted((a, b) -> Snowflake.compare(Ids.of(a, "id"), Ids.of(b, "id")))
                .forEach(t -> unique.putIfAbsent(Ids.of(t, "id"), t));
        List<ChannelResult> results = new ArrayList<>();
        for (Map.Entry<Long, JsonNode> thread : unique.entrySet()) {
            ChannelResult done = context.doneBefore(thread.getKey());
            if (done == null) {
                try (ExchangeLog log = context.openLog(guildStem + "/" + thread.getKey())) {
                    done = channels.archive(thread.getValue(), guildStem, log);
                }
            }
            context.counters.threads.increment();
            results.add(done);
        }
        return results;
    }
}

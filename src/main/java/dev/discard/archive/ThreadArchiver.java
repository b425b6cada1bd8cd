package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Archives the threads of one channel (forum and media posts included): the active ones the caller knows, and the
 * archived ones listed into the parent's log; each thread like a channel, into {@code <guild>/<thread>.jsonl} with a
 * meta file that carries {@code parent_id} and {@code thread_metadata}. Threads share their parent's permissions.
 *
 * <p>Each thread is a task of the run's {@link ChannelPool} of its own, spawned as soon as the listing page that names
 * it arrives: a forum of 5,000 archived threads has its first threads archived while its listing goes on, and its
 * threads share the run's request budget with the other channels. A thread listed twice (archived between the active
 * list and the archived one) is archived once.
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
     * Lists the parent's threads and spawns a task for each; must run as a task of the run's pool. Their results reach
     * {@code results} as they end, from their own threads, before the pool's {@code runAll} returns. The parent's meta
     * file, written with {@code completed: false} ({@link ChannelArchiver#archive(JsonNode, String, ExchangeLog,
     * boolean)}), is marked completed when the listing and every thread it named have ended, by whichever ends last;
     * a listing or thread cut short (interrupted, the token stopped working) leaves it incomplete, so that
     * {@code --resume} lists the threads again instead of skipping them.
     *
     * @param active the parent's active threads (from {@code /guilds/{id}/threads/active} or the gateway)
     * @param managesThreads whether the account may list private archived threads (MANAGE_THREADS)
     */
    void archive(JsonNode parent, String guildStem, ExchangeLog parentLog, List<JsonNode> active,
            boolean userAccount, boolean managesThreads, Consumer<ChannelResult> results)
            throws IOException, InterruptedException {
        Set<Long> spawned = ConcurrentHashMap.newKeySet();
        ParentCompletion completion = new ParentCompletion(guildStem + "/" + Ids.of(parent, "id"));
        ThreadLister.ThreadSink spawn = thread -> {
            long id = Ids.of(thread, "id");
            if (!spawned.add(id)) return;
            context.found(1);
            completion.opened();
            context.pool.spawn(() -> {
                ChannelResult done;
                try {
                    done = context.doneBefore(id);
                    if (done == null) {
                        try (ExchangeLog log = context.openLog(guildStem + "/" + id)) {
                            done = channels.archive(thread, guildStem, log);
                        }
                    }
                } catch (IOException | InterruptedException | RuntimeException | Error e) {
                    completion.cut();
                    throw e;
                }
                context.counters.threads.increment();
                results.accept(done);
                completion.ended();
                return done;
            });
        };
        try {
            for (JsonNode thread : active) {
                if (lister.inRange(thread)) spawn.thread(thread);
            }
            lister.archived(Ids.of(parent, "id"), guildStem, parentLog, userAccount, managesThreads, spawn);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            completion.cut();
            throw e;
        }
        completion.ended();
    }

    /**
     * Counts what must end before a parent's meta file may say completed: its thread listing and each thread task it
     * spawned (issue 25's rule: a channel with threads says completed only once its threads are archived too). Thread
     * tasks end on other threads of the pool, after the listing returns.
     */
    private final class ParentCompletion {
        private final String parentStem;
        /** The listing, plus each spawned thread until it ends. */
        private final AtomicInteger open = new AtomicInteger(1);
        private volatile boolean cut;

        ParentCompletion(String parentStem) {
            this.parentStem = parentStem;
        }

        void opened() {
            open.incrementAndGet();
        }

        /** One part ended short: the parent stays incomplete. */
        void cut() {
            cut = true;
        }

        /** One part ended whole; the last one marks the parent completed unless a part was cut. */
        void ended() throws IOException {
            if (open.decrementAndGet() == 0 && !cut) context.completeMeta(parentStem);
        }
    }
}

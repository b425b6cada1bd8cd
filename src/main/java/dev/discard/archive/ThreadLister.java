package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.DiscordUnreachableException;
import dev.discard.discord.ExchangeSink;
import dev.discard.discord.ListPages;
import dev.discard.discord.Routes;
import dev.discard.format.Snowflake;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Lists a channel's archived threads into its log: public ones, private ones where the account may manage threads,
 * and, for user accounts, the private ones it joined. Discord answers them newest archived first; pages follow with
 * {@code before} = the last {@code archive_timestamp} (a thread id for joined ones) while {@code has_more}. With
 * {@code --after}, listing stops at threads archived before it. A list that fails (a refusal, an error that outlived
 * the retries, no answer) is recorded and noted, and the run goes on with the threads found. See
 * https://discord.com/developers/docs/resources/channel#list-public-archived-threads.
 */
final class ThreadLister {
    static final int PAGE = 100;

    private final ArchiveContext context;

    ThreadLister(ArchiveContext context) {
        this.context = context;
    }

    /**
     * Hands each archived thread of {@code parentId} that touches the run's range to {@code found} as soon as its page
     * arrives, so that the thread's messages are fetched while the listing goes on.
     *
     * @param guildStem where a failure is noted
     */
    void archived(long parentId, String guildStem, ExchangeSink log, boolean userAccount, boolean managesThreads,
            ThreadSink found) throws IOException, InterruptedException {
        String base = Routes.channel(parentId);
        String[] lists = {Routes.publicArchivedThreads(parentId),
                managesThreads ? Routes.privateArchivedThreads(parentId) : null,
                userAccount ? Routes.myPrivateArchivedThreads(parentId) : null};
        for (String list : lists) {
            if (list == null) continue;
            String relative = list.substring(base.length());
            boolean joined = relative.startsWith("/users");
            String what = (joined ? "threads/joined/archived/private" : relative.substring(1))
                    + " of channel " + Snowflake.toString(parentId) + ": ";
            try {
                list(list, joined, log, found)
                        .ifPresent(failure -> context.notes.add(guildStem, what + failure));
            } catch (DiscordUnreachableException e) {
                context.notes.add(guildStem, what + e.getMessage());
            }
        }
    }

    /** Receives the threads found, in the listing's order, from the listing's thread. */
    @FunctionalInterface
    interface ThreadSink {
        void thread(JsonNode thread) throws IOException, InterruptedException;
    }

    /** Lists into {@code found}; returns what went wrong, if anything did. */
    private Optional<String> list(String path, boolean byId, ExchangeSink log, ThreadSink found)
            throws IOException, InterruptedException {
        String[] failure = {null};
        ListPages.walk(context.rest, path, PAGE, "before", null, log, (response, before) -> {
            JsonNode threads = response.json().path("threads");
            // Private lists need MANAGE_THREADS, which channel runs assume without knowing: their 403 is expected.
            if (response.status() == 403 && path.endsWith("/private")) return null;
            if (!response.isSuccessful()) {
                failure[0] = ExtraNotes.answer(response);
                return null;
            }
            if (!threads.isArray()) {
                failure[0] = "expected a thread list but the answer had none (HTTP " + response.status() + ")";
                return null;
            }
            if (threads.isEmpty()) return null;
            Object last = before;
            boolean older = false;
            for (JsonNode thread : threads) {
                Instant archivedAt = archivedAt(thread);
                if (context.range.after() != null && archivedAt != null && archivedAt.isBefore(context.range.after())) {
                    older = true;
                    continue;
                }
                if (inRange(thread)) found.thread(thread);
                last = byId ? Ids.text(thread, "id") : thread.path("thread_metadata").path("archive_timestamp").asText();
            }
            return older || !response.json().path("has_more").asBoolean(false) ? null : last;
        });
        return Optional.ofNullable(failure[0]);
    }

    /** A thread belongs to the run when it was created before --before and was active after --after. */
    boolean inRange(JsonNode thread) {
        long id = Ids.of(thread, "id");
        if (context.range.before() != null && Snowflake.compare(id, Snowflake.of(context.range.before())) >= 0) return false;
        Instant archivedAt = archivedAt(thread);
        boolean archived = thread.path("thread_metadata").path("archived").asBoolean(false);
        return context.range.after() == null || !archived || archivedAt == null
                || !archivedAt.isBefore(context.range.after());
    }

    private static Instant archivedAt(JsonNode thread) {
        String value = thread.path("thread_metadata").path("archive_timestamp").asText(null);
        if (value == null) return null;
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

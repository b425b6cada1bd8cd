package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.ExchangeSink;
import dev.discard.discord.ListPages;
import dev.discard.discord.Routes;
import dev.discard.format.Snowflake;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Lists a channel's archived threads into its log: public ones, private ones where the account may manage threads,
 * and, for user accounts, the private ones it joined. Discord answers them newest archived first; pages follow with
 * {@code before} = the last {@code archive_timestamp} (a thread id for joined ones) while {@code has_more}. With
 * {@code --after}, listing stops at threads archived before it. See
 * https://discord.com/developers/docs/resources/channel#list-public-archived-threads.
 */
final class ThreadLister {
    static final int PAGE = 100;

    private final ArchiveContext context;

    ThreadLister(ArchiveContext context) {
        this.context = context;
    }

    /** Adds the archived threads of {@code parentId} that touch the run's range to {@code into}. */
    void archived(long parentId, ExchangeSink log, boolean userAccount, boolean managesThreads, List<JsonNode> into)
            throws IOException, InterruptedException {
        list(Routes.publicArchivedThreads(parentId), false, log, into);
        if (managesThreads) list(Routes.privateArchivedThreads(parentId), false, log, into);
        if (userAccount) list(Routes.myPrivateArchivedThreads(parentId), true, log, into);
    }

    private void list(String path, boolean byId, ExchangeSink log, List<JsonNode> into)
            throws IOException, InterruptedException {
        ListPages.walk(context.rest, path, PAGE, "before", null, log, (response, before) -> {
            JsonNode threads = response.json().path("threads");
            if (!response.isSuccessful() || !threads.isArray() || threads.isEmpty()) return null;
            Object last = before;
            boolean older = false;
            for (JsonNode thread : threads) {
                Instant archivedAt = archivedAt(thread);
                if (context.range.after() != null && archivedAt != null && archivedAt.isBefore(context.range.after())) {
                    older = true;
                    continue;
                }
                if (inRange(thread)) into.add(thread);
                last = byId ? Ids.text(thread, "id") : thread.path("thread_metadata").path("archive_timestamp").asText();
            }
            return older || !response.json().path("has_more").asBoolean(false) ? null : last;
        });
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

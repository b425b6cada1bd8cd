package dev.discard.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.ApiRoute;
import dev.discard.format.LogFile;
import dev.discard.read.ArchiveRecord;
import dev.discard.read.ChannelLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Indexes one log file: the messages of its successful message pages (read by {@link ChannelLog}, so retried pages
 * count once) and the guilds, channels, roles, emojis, stickers and users of the other successful answers it
 * records. The file is read and parsed on a thread of its own ({@link LogReadAhead}) while this one writes.
 */
final class LogIndexer implements AutoCloseable {
    /** Messages per transaction: large enough to amortise the commit, small enough to bound the WAL file. */
    static final int BATCH = 20_000;
    /** Messages between two progress reports. */
    private static final int PROGRESS_EVERY = 5_000;

    private final Connection connection;
    private final ObjectMapper mapper;
    private final MessageRowReader rows;
    private final MessageStore messages;
    private final EntityStore entities;
    private final LiveIndexer live;
    private long read;
    private long added;
    private long replaced;
    private long uncommitted;

    LogIndexer(Connection connection, ObjectMapper mapper) throws SQLException {
        this.connection = connection;
        this.mapper = mapper;
        this.rows = new MessageRowReader(new JsonFactory());
        this.messages = new MessageStore(connection, rows, mapper);
        this.entities = new EntityStore(connection);
        this.live = new LiveIndexer(connection, messages, entities, rows, mapper);
    }

    EntityStore entities() {
        return entities;
    }

    /** What one file held. */
    record FileResult(long records, long messages, long problems) {}

    /**
     * @param guildId the guild folder's id (padded), null for direct messages: the guild of messages that name none
     * @param runId the run the file belongs to
     */
    FileResult index(LogFile file, String guildId, long runId, IndexListener listener) throws SQLException {
        long before = read;
        ChannelLog.Stats stats;
        try (LogReadAhead log = new LogReadAhead(file, mapper, rows)) {
            while (true) {
                LogReadAhead.Item item = log.next();
                if (item instanceof LogReadAhead.Row r) {
                    store(r.row(), guildId, runId, r.seenAt(), listener);
                } else if (item instanceof LogReadAhead.Other o) {
                    other(o.record(), guildId, runId);
                } else if (item instanceof LogReadAhead.Live l) {
                    live.apply(l.event(), guildId, runId);
                    if (++uncommitted >= BATCH) commit();
                } else if (item instanceof LogReadAhead.Problem p) {
                    listener.problem(p.problem());
                } else if (item instanceof LogReadAhead.End end) {
                    if (end.error() != null) throw end.error();
                    stats = end.stats();
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading " + file.path(), e);
        }
        entities.flushUsers();
        listener.progress(read);
        return new FileResult(stats.records(), read - before, stats.problems());
    }

    private void store(MessageRow row, String folderGuild, long runId, String seenAt, IndexListener listener)
            throws SQLException {
        if (row.guildId == null) row.guildId = folderGuild;
        read++;
        switch (messages.put(row, runId, seenAt)) {
            case ADDED -> added++;
            case REPLACED -> replaced++;
            case KEPT -> { }
        }
        entities.user(row.author);
        if (++uncommitted >= BATCH) commit();
        if (read % PROGRESS_EVERY == 0) listener.progress(read);
    }

    private void other(ArchiveRecord record, String folderGuild, long runId) throws SQLException {
        if (record.isWs()) {
            entities.guildCreate(record.data().get("d"));
            return;
        }
        ApiRoute route = ApiRoute.of(record.url());
        if (route == null) return;
        JsonNode data = record.data();
        if (data == null) return;
        String routeId = route.id() == -1 ? null : IndexIds.of(route.id());
        switch (route.kind()) {
            case GUILD -> entities.guild(data);
            case GUILD_CHANNELS -> {
                for (JsonNode ch : each(data)) {
                    entities.channel(ch, routeId);
                    live.listed(runId, IndexIds.of(EntityStore.text(ch, "id")));
                }
            }
            case GUILD_ROLES -> {
                for (JsonNode r : each(data)) entities.role(routeId, r);
            }
            case GUILD_EMOJIS -> {
                for (JsonNode e : each(data)) entities.emoji(routeId, e);
            }
            case GUILD_STICKERS -> {
                for (JsonNode st : each(data)) entities.sticker(routeId, st);
            }
            case GUILD_MEMBERS -> {
                for (JsonNode member : each(data)) {
                    if (member.has("user")) entities.user(member.get("user"));
                }
            }
            case THREADS -> {
                for (JsonNode thread : each(data.path("threads"))) entities.channel(thread, folderGuild);
            }
            case CHANNEL -> entities.channel(data, folderGuild);
            case DM_CHANNELS -> {
                for (JsonNode ch : each(data)) entities.channel(ch, null);
            }
            case REACTION_USERS -> {
                boolean burst = "1".equals(record.param("type"));
                for (JsonNode user : each(data)) {
                    String id = IndexIds.of(EntityStore.text(user, "id"));
                    if (id == null) continue;
                    entities.reactionUser(IndexIds.of(route.messageId()), route.emoji(), id, burst);
                    entities.user(user);
                }
            }
        }
    }

    /** The elements of an array; nothing for any other value (an answer of an unexpected shape). */
    private static Iterable<JsonNode> each(JsonNode array) {
        return array.isArray() ? array : List.of();
    }

    /** Commits the work so far: an interrupted update keeps it, and the next one goes on from the file it was in. */
    void commit() throws SQLException {
        entities.flushUsers();
        connection.commit();
        uncommitted = 0;
    }

    long read() {
        return read;
    }

    long added() {
        return added;
    }

    long replaced() {
        return replaced;
    }

    @Override
    public void close() throws SQLException {
        messages.close();
        entities.close();
        live.close();
    }
}

package dev.discard.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.ChannelMeta;
import dev.discard.format.ChannelMeta.MessageRef;
import dev.discard.format.MetaFileException;
import dev.discard.format.MetaJson;
import dev.discard.format.Snowflake;
import dev.discard.read.ChannelLog;
import dev.discard.read.LogParts;
import dev.discard.read.Message;
import dev.discard.read.RecordProblem;
import dev.discard.read.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an interrupted run already holds, channel by channel, so {@code --resume} can go on from there: channels whose
 * meta file says they completed are done; any other channel with a log continues after its last recorded page. That
 * last page is fetched again, because the interruption may have come while its reaction users were being fetched;
 * only the messages before it count as archived already.
 */
final class ResumeState {
    /**
     * A channel's state in the run being resumed. Immutable.
     *
     * @param done whether its meta file says it completed
     * @param after the id to continue after; -1 to start from the run's range
     * @param messages messages archived before {@code after}, within the range
     * @param oldest the oldest of those, or null
     * @param newest the newest of those, or null
     * @param name the channel's name as the meta file has it, or null
     * @param guildStem the directory the channel is in: its guild's id, or {@code @me}
     * @param parentId a thread's parent channel, from its meta file; -1 for none
     */
    record Prior(boolean done, long after, long messages, MessageRef oldest, MessageRef newest, String name,
            String guildStem, long parentId) {}

    private final Map<Long, Prior> channels;

    private ResumeState(Map<Long, Prior> channels) {
        this.channels = Map.copyOf(channels);
    }

    static ResumeState none() {
        return new ResumeState(Map.of());
    }

    /** The channel's state, or null when the run had not touched it. */
    Prior channel(long channelId) {
        return channels.get(channelId);
    }

    /** The threads of {@code parentId} that the run holds a meta file of, in id order. */
    List<Long> threadsOf(long parentId) {
        return channels.entrySet().stream().filter(e -> e.getValue().parentId() == parentId).map(Map.Entry::getKey)
                .sorted(Snowflake::compare).toList();
    }

    /** Reads every channel of the run directory; messages count within {@code range}. */
    static ResumeState scan(Path runDir, Range range, ObjectMapper mapper) throws IOException {
        Map<Long, Prior> channels = new HashMap<>();
        for (RunDirectory.GuildFolder guild : RunDirectory.open(runDir).guilds()) {
            for (RunDirectory.ChannelFiles files : guild.channels()) {
                ChannelMeta meta = null;
                if (files.metaFile() != null) {
                    try {
                        meta = ChannelMeta.read(files.metaFile(), mapper);
                    } catch (MetaFileException e) {
                        meta = null; // A damaged meta file proves nothing: the log decides.
                    }
                }
                long id = Snowflake.parse(files.id());
                // A channel with threads says completed only once its threads are archived too.
                boolean done = meta != null && Boolean.TRUE.equals(meta.completed()) && meta.error() == null;
                long parentId = files.metaFile() == null ? -1 : parentId(files.metaFile(), mapper);
                channels.put(id, done
                        ? new Prior(true, -1, meta.numMessages() == null ? 0 : meta.numMessages(),
                                meta.oldest(), meta.newest(), meta.name(), guild.id(), parentId)
                        : continuation(files.log(), id, range, meta == null ? null : meta.name(), guild.id(),
                                parentId, mapper));
            }
        }
        return new ResumeState(channels);
    }

    /** Where a half-done channel goes on: before its last page, with the messages before that counted. */
    private static Prior continuation(LogParts log, long channelId, Range range, String name, String guildStem,
            long parentId, ObjectMapper mapper) {
        Counter counter = new Counter(range);
        new ChannelLog(log.files(), Snowflake.toString(channelId), true, mapper).read(counter);
        return new Prior(false, counter.lastPageStart != 0 ? counter.lastPageStart - 1 : 0, counter.before,
                counter.beforeOldest, counter.beforeNewest, name, guildStem, parentId);
    }

    /** A thread's {@code channel.parent_id} in its meta file; -1 for a channel, or a file that cannot be read. */
    private static long parentId(Path metaFile, ObjectMapper mapper) {
        try {
            return Snowflake.parseLenient(MetaJson.text(MetaJson.read(metaFile, mapper).path(ChannelMeta.CHANNEL)
                    .get("parent_id")));
        } catch (MetaFileException e) {
            return -1;
        }
    }

    /** Counts the messages in range page by page, remembering the totals as they stood before the last page. */
    private static final class Counter implements ChannelLog.Listener {
        private final long afterId;
        private final long beforeId;
        long lastPageStart;
        long count;
        MessageRef oldest;
        MessageRef newest;
        long before;
        MessageRef beforeOldest;
        MessageRef beforeNewest;

        Counter(Range range) {
            this.afterId = range.afterId();
            this.beforeId = range.beforeId();
        }

        @Override
        public void page(dev.discard.read.ArchiveRecord record, List<Message> sorted) {
            if (sorted.isEmpty()) return;
            lastPageStart = sorted.get(0).id();
            before = count;
            beforeOldest = oldest;
            beforeNewest = newest;
        }

        @Override
        public void message(Message message) {
            long id = message.id();
            if (Snowflake.compare(id, afterId) <= 0 || Snowflake.compare(id, beforeId) >= 0) return;
            MessageRef ref = new MessageRef(id, message.fields() == null ? null : message.fields().timestamp());
            if (oldest == null || Snowflake.compare(id, oldest.id()) < 0) oldest = ref;
            if (newest == null || Snowflake.compare(id, newest.id()) > 0) newest = ref;
            count++;
        }

        @Override
        public void problem(RecordProblem problem) {
            // A truncated or damaged log is expected after a hard stop: what could be read counts.
        }
    }
}

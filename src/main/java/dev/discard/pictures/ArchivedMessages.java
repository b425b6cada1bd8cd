package dev.discard.pictures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.ChannelMeta;
import dev.discard.format.MetaFileException;
import dev.discard.format.Snowflake;
import dev.discard.read.Message;
import dev.discard.read.RecordProblem;
import dev.discard.read.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The messages of an archive run directory (DESIGN.md), read back for {@code discard media --from-archive} with the
 * shared streaming reader ({@code dev.discard.read}): every channel log, its resumed parts, plain or gzip, archives of
 * the Python Discard too; each message once, oldest first. A damaged line or a truncated gzip stream costs the
 * messages in it, not the rest.
 */
final class ArchivedMessages {
    private final ObjectMapper mapper;

    ArchivedMessages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * A channel log of the run. Immutable.
     *
     * @param name the channel's name from its meta file, or null
     */
    record ChannelLog(RunDirectory.ChannelFiles files, long channelId, String name) {
        String describe() {
            return (name != null ? name + " (" + channelId + ")" : Long.toString(channelId));
        }
    }

    /** The channel logs in the run directory, by channel id. */
    List<ChannelLog> channels(Path runDir) throws IOException {
        if (!Files.isDirectory(runDir)) throw new IOException("not an archive run directory: " + runDir);
        List<ChannelLog> logs = new ArrayList<>();
        for (RunDirectory.GuildFolder guild : RunDirectory.open(runDir).guilds()) {
            for (RunDirectory.ChannelFiles channel : guild.channels()) {
                if (channel.log().isEmpty()) continue;
                logs.add(new ChannelLog(channel, Snowflake.parse(channel.id()), channelName(channel)));
            }
        }
        logs.sort(Comparator.comparingLong(ChannelLog::channelId));
        return logs;
    }

    /** Receives the archived messages, one at a time, as trees. */
    @FunctionalInterface
    interface Handler {
        void page(List<JsonNode> messages) throws IOException, InterruptedException;
    }

    /** Hands each message of the log with {@code afterId < id < beforeId} to the handler, oldest first. */
    void read(ChannelLog log, long afterId, long beforeId, Handler handler)
            throws IOException, InterruptedException {
        dev.discard.read.ChannelLog reader = new dev.discard.read.ChannelLog(log.files().log().files(),
                Long.toString(log.channelId()), false, mapper);
        try {
            reader.read(new dev.discard.read.ChannelLog.Listener() {
                @Override
                public void message(Message message) {
                    if (Snowflake.compare(message.id(), afterId) <= 0
                            || Snowflake.compare(message.id(), beforeId) >= 0) return;
                    try {
                        handler.page(List.of(mapper.readTree(message.json())));
                    } catch (IOException | InterruptedException e) {
                        throw new Stop(e);
                    }
                }

                @Override
                public void problem(RecordProblem problem) {
                    // The reader skips what it cannot read; the messages around it still count.
                }
            });
        } catch (Stop stop) {
            if (stop.getCause() instanceof InterruptedException e) throw e;
            throw (IOException) stop.getCause();
        }
    }

    private String channelName(RunDirectory.ChannelFiles channel) {
        if (channel.metaFile() == null) return null;
        try {
            return ChannelMeta.read(channel.metaFile(), mapper).name();
        } catch (MetaFileException e) {
            return null;
        }
    }

    /** Carries the handler's checked exception out of the reader's listener. */
    private static final class Stop extends RuntimeException {
        Stop(Exception cause) {
            super(cause);
        }
    }
}

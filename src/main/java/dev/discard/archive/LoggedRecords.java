package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.read.ArchiveReader;
import dev.discard.read.ArchiveRecord;
import dev.discard.read.LogParts;
import dev.discard.read.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The http and ws records a run directory's logs hold. A session killed hard (SIGKILL, power loss) never rewrote
 * {@code run.meta.json} with its counts; the session that resumes it counts what the logs hold instead, so that the
 * run's counters add up over all its parts.
 */
final class LoggedRecords {
    private LoggedRecords() {}

    /**
     * {@code previous} as it is when its session finished; else a copy whose {@code summary.num_http_requests} and
     * {@code num_ws_packets} count the records in {@code runDir}'s logs.
     */
    static JsonNode recount(JsonNode previous, Path runDir, ObjectMapper mapper) throws IOException {
        if (previous.path("run").path("finished").asBoolean(false)) return previous;
        List<LogParts> logs = new ArrayList<>();
        RunDirectory run = RunDirectory.open(runDir);
        logs.add(run.runLog());
        for (RunDirectory.GuildFolder guild : run.guilds()) {
            logs.add(guild.guildLog());
            for (RunDirectory.ChannelFiles channel : guild.channels()) logs.add(channel.log());
        }
        long http = 0;
        long ws = 0;
        for (LogParts log : logs) {
            // Damage is expected after a hard stop: what can be read counts, the rest is verify's to report.
            try (ArchiveReader reader = new ArchiveReader(log.files(), mapper, problem -> {}, null)) {
                ArchiveRecord r;
                while ((r = reader.next()) != null) {
                    if (r.isHttp()) http++;
                    else if (r.isWs()) ws++;
                }
            }
        }
        ObjectNode copy = previous.deepCopy();
        JsonNode summary = copy.path("summary");
        ObjectNode counts = summary.isObject() ? (ObjectNode) summary : copy.putObject("summary");
        counts.put("num_http_requests", http);
        counts.put("num_ws_packets", ws);
        return copy;
    }
}

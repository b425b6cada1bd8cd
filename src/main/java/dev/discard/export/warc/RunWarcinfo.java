package dev.discard.export.warc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.format.ClientInfo;
import dev.discard.format.Scrubber;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.Warcinfo;

/**
 * The {@code warcinfo} record written before a run's records: the exporting software, the run's client, command and
 * settings as its {@code run.meta.json} recorded them (the token scrubbed, {@code settings.token} included), and a plain
 * statement of what the records hold. Every record of the run names it in {@code WARC-Warcinfo-ID}.
 */
final class RunWarcinfo {
    static final String FORMAT = "WARC File Format 1.1";
    static final String CONFORMS_TO = "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/";
    static final String STATEMENT = "Exchanges with the Discord API recorded by discard (or the Python Discard),"
            + " converted from its JSON Lines archive. Response bodies are as the archive recorded them: Discord's JSON"
            + " byte for byte as it stands in the log line (response.data), or the text of a body that was not JSON;"
            + " Content-Length is the length of that body. Response headers are the subset the archive kept (date,"
            + " content-type, rate limits, via, cf-ray), not all that Discord sent; the status line has the code's"
            + " standard reason phrase. Request records hold the method, URL and Host only: the archive keeps no"
            + " request headers, and never the Authorization header, tokens or cookies. Gateway frames are resource"
            + " records of JSON Lines (type send/recv, payloadData, datetime as recorded). Media are resource records"
            + " of the media store's bytes: the store keeps no HTTP response. Metadata records hold what the HTTP"
            + " records cannot say: record type and source line, end time, errors of attempts without an answer.";

    private RunWarcinfo() {}

    /**
     * @param meta the run's {@code run.meta.json}
     * @param runName the run directory's name
     * @param fileName the WARC file's name
     */
    static Warcinfo of(UUID id, JsonNode meta, String runName, String fileName, Secrets secrets, Instant date) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        put(fields, "software", ClientInfo.NAME + "/" + ClientInfo.VERSION + " (export warc; jwarc)");
        put(fields, "format", FORMAT);
        put(fields, "conformsTo", CONFORMS_TO);
        put(fields, "description", STATEMENT);
        put(fields, "isPartOf", runName);
        put(fields, "discard-run", runName);
        JsonNode client = meta.path("client");
        if (!client.isMissingNode()) put(fields, "discard-client", secrets.scrub(client.toString()));
        JsonNode command = meta.path("command");
        if (!command.isMissingNode()) put(fields, "discard-command", secrets.scrub(command.toString()));
        JsonNode settings = meta.path("settings");
        if (settings.isObject()) {
            ObjectNode copy = settings.deepCopy();
            if (copy.hasNonNull("token")) copy.put("token", Scrubber.MARK);
            put(fields, "discard-settings", secrets.scrub(copy.toString()));
        }
        JsonNode run = meta.path("run");
        put(fields, "discard-run-start", text(run.get("datetime_start")));
        put(fields, "discard-run-end", text(run.get("datetime_end")));
        put(fields, "discard-run-completed", text(run.get("completed")));
        return new Warcinfo.Builder().version(MessageVersion.WARC_1_1).recordId(id).date(date).filename(fileName)
                .fields(fields).build();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static void put(Map<String, List<String>> fields, String name, String value) {
        if (value != null) fields.put(name, List.of(value.replace('\n', ' ').replace('\r', ' ')));
    }

    static URI uri(UUID id) {
        return HttpExchangeRecords.id(id);
    }
}

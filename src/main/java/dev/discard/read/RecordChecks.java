package dev.discard.read;

import dev.discard.format.Timestamps;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * The checks every record of every log gets: a known type, the keys its type needs, readable date-times (naive
 * local times of Python Discard ws records accepted), and scrubbed records noted. Counts http and ws records.
 */
final class RecordChecks {
    long http;
    long ws;

    void check(ArchiveRecord r, Consumer<Finding> findings) {
        if (r.isHttp()) {
            http++;
            if (!r.hasRequest() || r.url() == null) problem(r, findings, "http record without request.url");
            if (!r.hasResponse() && r.error() == null) problem(r, findings, "http record with neither response nor error");
            time(r, r.datetimeStart(), "datetime_start", findings);
            time(r, r.datetimeEnd(), "datetime_end", findings);
        } else if (r.isWs()) {
            ws++;
            if (!"send".equals(r.direction()) && !"recv".equals(r.direction())) {
                problem(r, findings, "ws record with direction '" + r.direction() + "', expected send or recv");
            }
            time(r, r.datetime(), "datetime", findings);
        } else {
            problem(r, findings, "unknown record type '" + r.type() + "', expected http, http_attempt or ws");
        }
        if (r.scrubbed()) {
            findings.accept(Finding.info(r.file(), r.line(), "scrubbed record: the token was replaced by [SCRUBBED]"));
        }
    }

    private static void time(ArchiveRecord r, String value, String key, Consumer<Finding> findings) {
        if (value == null) {
            problem(r, findings, key + " is missing");
            return;
        }
        try {
            Timestamps.parse(value);
        } catch (DateTimeParseException e) {
            problem(r, findings, key + " is not a date-time: '" + value + "'");
        }
    }

    private static void problem(ArchiveRecord r, Consumer<Finding> findings, String message) {
        findings.accept(Finding.problem(r.file(), r.line(), message));
    }
}

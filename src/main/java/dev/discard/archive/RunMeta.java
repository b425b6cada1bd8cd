package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.format.ClientInfo;
import dev.discard.format.Scrubber;
import dev.discard.format.Timestamps;
import dev.discard.media.MediaArchiver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code run.meta.json}: Discard's keys (client, command, settings, run, summary, user) and their meaning, with
 * {@code after}/{@code before} the right way round. Holds the run's state between the write at the start and the
 * rewrite at the end; the {@link MetaWriter} scrubs the token from all of it. Run thread only.
 */
final class RunMeta {
    private final ObjectMapper mapper;
    private final ArchiveSettings settings;
    private final Scrubber scrubber;
    private final Instant start;
    private final String runDirectory;
    private final String ident;
    private final RunCounters counters;
    /** The meta file of the interrupted run this one resumes, or null for a new run. */
    private final JsonNode previous;
    private final List<RunResult.Failure> failures = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private Map<String, Long> wsEventsNotRecorded = Map.of();
    private String gatewayError;
    /** Where a --follow run's coverage ends (the closing pass's cut); null otherwise. */
    private Instant followEnd;
    /** Why a --follow run stopped (SIGTERM, say), or null. */
    private String stopped;
    /** Where a rotated period's coverage starts (the cut before it); null for a run's first. */
    private Instant followStart;
    /** The run directory of the period before this one; null for a run's first. */
    private String followPrevious;
    private Instant end;
    private boolean completed;
    private boolean finished;
    private String exception;
    private String traceback;
    private String interrupted;
    private JsonNode user;
    private MediaArchiver.Summary media;
    /** Where {@code --media} fetched images built from ids; null when it was not asked for. */

    RunMeta(ObjectMapper mapper, ArchiveSettings settings, Scrubber scrubber, Instant start, String runDirectory,
            String ident, RunCounters counters, JsonNode previous) {
        this.previous = previous;
        this.mapper = mapper;
        this.settings = settings;
        this.scrubber = scrubber;
        this.start = start;
        this.runDirectory = runDirectory;
        this.ident = ident;
        this.counters = counters;
    }

    JsonNode user() {
        return user;
    }

    void warning(String warning) {
        warnings.add(warning);
    }

    /** What the gateway session left out of the record, and why it ended early if it did. */
    void gateway(Map<String, Long> eventsNotRecorded, String error) {
        this.wsEventsNotRecorded = eventsNotRecorded;
        this.gatewayError = error;
    }

    /**
     * The meta of the rotated period that starts at {@code cut}: the same settings and user, its own directory,
     * ident and counts, {@code settings.after} the cut.
     */
    RunMeta next(Instant cut, String directory, String nextIdent, RunCounters nextCounters, String previousDirectory) {
        RunMeta next = new RunMeta(mapper, settings, scrubber, cut, directory, nextIdent, nextCounters, null);
        next.user = user;
        next.followStart = cut;
        next.followPrevious = previousDirectory;
        return next;
    }

    /** Why the gateway could not be used, or null. */
    String gatewayError() {
        return gatewayError;
    }

    /**
     * A --follow run ended its follow at {@code cut} (its closing pass covers messages before it), because of
     * {@code reason} ({@code SIGTERM}; null when the gateway gave up).
     */
    void followEnded(Instant cut, String reason) {
        this.followEnd = cut;
        this.stopped = reason;
    }

    /** The totals of {@code --media}. */
    void media(MediaArchiver.Summary media) {
        this.media = media;
    }

    void user(JsonNode user) {
        this.user = user;
    }

    void failure(RunResult.Failure failure) {
        failures.add(new RunResult.Failure(failure.target(), scrubber.scrub(failure.error())));
    }

    List<RunResult.Failure> failures() {
        return List.copyOf(failures);
    }

    void completed(Instant end) {
        this.end = end;
        this.finished = true;
        this.completed = true;
    }

    void failed(Instant end, Throwable error, String trace) {
        this.end = end;
        this.finished = true;
        this.exception = error.getClass().getSimpleName() + ": " + error.getMessage();
        this.traceback = trace;
    }

    void interrupted(Instant end, String reason) {
        this.end = end;
        this.finished = true;
        this.interrupted = reason;
        this.exception = "interrupted: " + reason;
    }

    /** A count the resumed run's earlier sessions wrote into records that stay in the run; 0 for a new run. */
    private long earlier(String key) {
        return previous == null ? 0 : previous.path("summary").path(key).asLong(0);
    }

    JsonNode toJson() {
        ObjectNode meta = mapper.createObjectNode();
        ObjectNode client = meta.putObject("client");
        client.put("name", ClientInfo.NAME);
        client.put("version", ClientInfo.VERSION);
        client.put("implementation", "java");
        client.put("java_version", System.getProperty("java.version"));
        ArrayNode command = meta.putArray("command");
        settings.command().forEach(command::add);

        ObjectNode s = meta.putObject("settings");
        s.put("mode", settings.mode().wireName());
        s.put("token", settings.noScrub() ? settings.token().secret() : null);
        s.put("is_user_account", settings.userAccount());
        s.put("output_dir", settings.outputDir().toString());
        Instant after = followStart != null ? followStart : settings.after();
        s.put("after", after == null ? null : Timestamps.isoSeconds(after));
        Instant before = followEnd != null ? followEnd : settings.before();
        // A followed run's coverage ends at its cut (a whole second), known at the end: written then.
        s.put("before", before == null ? null : Timestamps.isoSeconds(before));
        s.put("no_scrub", settings.noScrub());
        s.put("gzip", settings.gzip());
        s.put("api_url", settings.apiUrl());
        s.put("no_gateway", settings.noGateway());
        s.put("concurrency", settings.concurrency());
        s.put("incremental", settings.incremental());
        s.put("max_rate", settings.maxRate());
        s.put("members", settings.members());
        ArrayNode ids = s.putArray(settings.mode() == Mode.GUILD ? "guild_ids" : "channel_ids");
        settings.ids().forEach(ids::add);
        if (settings.media()) s.put("media", true);
        if (settings.follow()) {
            s.put("follow", true);
            s.put("rotate", settings.rotate().toString());
        }
        // The CDN of a --media run, so that --resume fetches from the same one.
        if (settings.media()) s.put("cdn_url", settings.cdnUrl());

        ObjectNode run = meta.putObject("run");
        run.put("datetime_start", previous != null ? previous.path("run").path("datetime_start").asText()
                : Timestamps.isoMicros(start));
        run.put("datetime_end", end == null ? null : Timestamps.isoMicros(end));
        run.put("run_directory", runDirectory);
        run.put("ident", ident);
        run.put("completed", completed);
        run.put("finished", finished);
        run.put("errors", exception != null || !failures.isEmpty());
        run.put("exception", exception);
        run.put("traceback", traceback);
        run.put("interrupted", interrupted);
        run.put("gateway_error", gatewayError);
        if (settings.follow()) {
            run.put("stopped", stopped);
            run.put("follows", followPrevious);
        }
        ArrayNode resumes = run.putArray("resumes");
        if (previous != null) {
            previous.path("run").path("resumes").forEach(resumes::add);
            ObjectNode resume = resumes.addObject();
            resume.put("datetime_start", Timestamps.isoMicros(start));
            resume.put("datetime_end", end == null ? null : Timestamps.isoMicros(end));
            resume.put("completed", completed);
            resume.put("interrupted", interrupted);
            ArrayNode resumeCommand = resume.putArray("command");
            settings.command().forEach(resumeCommand::add);
        }
        ArrayNode w = run.putArray("warnings");
        warnings.forEach(w::add);

        ObjectNode summary = meta.putObject("summary");
        summary.put("num_http_requests", earlier("num_http_requests") + counters.httpRequests.sum());
        summary.put("num_ws_packets", earlier("num_ws_packets") + counters.wsPackets.sum());
        summary.put("num_messages", counters.messages.sum());
        summary.put("num_guilds", counters.guilds.sum());
        summary.put("num_channels", counters.channels.sum());
        summary.put("num_channels_failed", counters.channelsFailed.sum());
        summary.put("num_reaction_users", earlier("num_reaction_users") + counters.reactionUsers.sum());
        summary.put("num_threads", counters.threads.sum());
        summary.put("num_members", earlier("num_members") + counters.members.sum());
        summary.put("num_pins", earlier("num_pins") + counters.pins.sum());
        summary.put("num_invites", earlier("num_invites") + counters.invites.sum());
        ObjectNode dropped = summary.putObject("ws_events_not_recorded");
        wsEventsNotRecorded.forEach(dropped::put);
        if (settings.media()) {
            summary.put("num_media_files", earlier("num_media_files") + (media == null ? 0 : media.files()));
            summary.put("num_media_bytes", earlier("num_media_bytes") + (media == null ? 0 : media.bytes()));
            summary.put("num_media_duplicates",
                    earlier("num_media_duplicates") + (media == null ? 0 : media.duplicates()));
            summary.put("num_media_failed", earlier("num_media_failed") + (media == null ? 0 : media.failed()));
        }

        ArrayNode f = meta.putArray("failures");
        for (RunResult.Failure failure : failures) {
            f.addObject().put("target", failure.target()).put("error", failure.error());
        }

        if (user == null) {
            meta.putNull("user");
        } else {
            ObjectNode u = meta.putObject("user");
            u.put("id", Ids.of(user, "id"));
            u.put("name", Ids.text(user, "username"));
            u.put("discriminator", Ids.text(user, "discriminator"));
            u.put("global_name", Ids.text(user, "global_name"));
            u.put("bot", user.path("bot").asBoolean(false));
        }
        return meta;
    }
}

package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.format.Json;
import dev.discard.format.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of an interrupted run, read back from its {@code run.meta.json}, for {@code --resume}: the same mode,
 * ids, range, compression and server, so the resumed run continues exactly what was asked. Only runs written by this
 * discard can be resumed; the Python Discard's runs lack what is needed.
 */
public final class ResumedSettings {
    private ResumedSettings() {}

    /** As {@link #read(Path, String, List, String)}, with the CDN the run recorded. */
    public static ArchiveSettings read(Path runDir, String token, List<String> command) throws IOException {
        return read(runDir, token, command, null);
    }

    /**
     * The settings to continue the run in {@code runDir} with; run them with {@link ArchiveRun}.
     *
     * @param token the token to continue with (run.meta.json never holds it unless the run used --no-scrub)
     * @param command the command line to record in the meta file, or an empty list
     * @param cdnUrl a CDN to fetch from instead of the one the run recorded ({@code --cdn-url}), or null
     * @throws IllegalArgumentException with a line to show when the directory is not a run that can be resumed
     */
    public static ArchiveSettings read(Path runDir, String token, List<String> command, String cdnUrl)
            throws IOException {
        Path file = runDir.resolve(RunFiles.RUN_META);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("not a run directory (no run.meta.json): " + runDir);
        }
        JsonNode meta = meta(runDir);
        if (!"java".equals(meta.path("client").path("implementation").asText())) {
            throw new IllegalArgumentException(runDir + " was written by another client ("
                    + meta.path("client").path("name").asText("?") + " " + meta.path("client").path("version").asText("?")
                    + "): only runs of this discard can be resumed; archive again instead");
        }
        JsonNode s = meta.path("settings");
        Mode mode;
        try {
            mode = Mode.valueOf(s.path("mode").asText("").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": unknown mode '" + s.path("mode").asText() + "'");
        }
        List<Long> ids = new ArrayList<>();
        s.path(mode == Mode.GUILD ? "guild_ids" : "channel_ids").forEach(id -> ids.add(id.asLong()));
        Path parent = runDir.toAbsolutePath().normalize().getParent();
        return ArchiveSettings.builder(mode, token, parent)
                .ids(ids)
                .userAccount(s.path("is_user_account").asBoolean(false))
                .after(time(s.get("after")))
                .before(time(s.get("before")))
                .noScrub(s.path("no_scrub").asBoolean(false))
                .gzip(s.path("gzip").asBoolean(false))
                .apiUrl(s.path("api_url").asText(ArchiveSettings.DEFAULT_API_URL))
                .cdnUrl(cdnUrl != null ? cdnUrl : s.path("cdn_url").asText(ArchiveSettings.DEFAULT_CDN_URL))
                .command(command)
                .noGateway(s.path("no_gateway").asBoolean(false))
                .concurrency(s.path("concurrency").asInt(ArchiveSettings.DEFAULT_CONCURRENCY))
                .maxRate(s.path("max_rate").asInt(dev.discard.discord.RateLimiter.DISCORD_GLOBAL_PER_SECOND))
                .members(s.path("members").asBoolean(false))
                .media(s.path("media").asBoolean(false))
                .resumeDir(runDir)
                .build();
    }

    /** Whether the run completed already, so there is nothing to resume. */
    public static boolean completed(Path runDir) throws IOException {
        return meta(runDir).path("run").path("completed").asBoolean(false);
    }

    private static JsonNode meta(Path runDir) throws IOException {
        return Json.newMapper().readTree(runDir.resolve(RunFiles.RUN_META).toFile());
    }

    private static java.time.Instant time(JsonNode value) {
        if (value == null || value.isNull()) return null;
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("settings hold a date that is not ISO 8601: " + value.asText());
        }
    }

}

package dev.discard.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.MetaFileException;
import dev.discard.format.MetaJson;
import dev.discard.format.RunFiles;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What {@code run.meta.json} says about a run, with the Python Discard 0.1 mistake undone: it wrote {@code after} and
 * {@code before} swapped (and without offset). Such runs are recognised by {@code client.version} 0.1.x and no
 * {@code client.implementation}. Immutable.
 *
 * @param directory the run directory
 * @param clientName {@code client.name}
 * @param clientVersion {@code client.version}
 * @param legacy whether the Python Discard 0.1 wrote it
 * @param mode {@code profile}, {@code channel} or {@code guild}
 * @param after start of the archived range, exclusive; null for "from the beginning"
 * @param before end of the archived range, exclusive; null for "until the run started"
 * @param start when the run started
 * @param end when it ended; null if it never ended cleanly
 * @param completed whether it completed
 * @param finished whether it finished, completed or not
 * @param exception the exception that ended it, or null
 * @param settingsToken {@code settings.token}: non-null only for runs made with {@code --no-scrub}
 * @param summary the {@code summary} object as written (counts), never null
 */
public record RunInfo(
        Path directory,
        String clientName,
        String clientVersion,
        boolean legacy,
        String mode,
        Instant after,
        Instant before,
        Instant start,
        Instant end,
        boolean completed,
        boolean finished,
        String exception,
        String settingsToken,
        JsonNode summary) {

    public static final String FILE_NAME = RunFiles.RUN_META;

    /** Reads {@code <runDirectory>/run.meta.json}. */
    public static RunInfo read(Path runDirectory, ObjectMapper mapper) throws MetaFileException {
        Path file = runDirectory.resolve(FILE_NAME);
        JsonNode root = MetaJson.read(file, mapper);
        JsonNode client = root.path("client");
        String version = MetaJson.text(client.get("version"));
        boolean legacy = version != null && (version.equals("0.1") || version.startsWith("0.1."))
                && !client.has("implementation");
        JsonNode settings = root.path("settings");
        JsonNode run = root.path("run");
        Instant after = MetaJson.time(file, settings.get(legacy ? "before" : "after"), "settings.after");
        Instant before = MetaJson.time(file, settings.get(legacy ? "after" : "before"), "settings.before");
        Instant start = MetaJson.time(file, run.get("datetime_start"), "run.datetime_start");
        if (start == null) throw new MetaFileException(file, "run.datetime_start is missing");
        return new RunInfo(runDirectory, MetaJson.text(client.get("name")), version, legacy,
                MetaJson.text(settings.get("mode")), after, before, start,
                MetaJson.time(file, run.get("datetime_end"), "run.datetime_end"),
                run.path("completed").asBoolean(false), run.path("finished").asBoolean(false),
                MetaJson.text(run.get("exception")), MetaJson.text(settings.get("token")),
                root.path("summary").isObject() ? root.get("summary") : mapper.createObjectNode());
    }

    /** Where the run's coverage ends: {@code --before}, or the run's start when none was given. */
    public Instant coverageEnd() {
        return before != null ? before : start;
    }

    /** Whether the run asked for the whole history ({@code _full}). */
    public boolean isFullHistory() {
        return after == null && before == null;
    }

    /** The directory name, {@code 20210201T174740_guild}. */
    public String name() {
        return directory.getFileName().toString();
    }
}

package dev.discard.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.MetaFileException;
import dev.discard.format.MetaJson;
import dev.discard.format.RunFiles;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What {@code run.meta.json} says about a run, with the mistake of the early Python Discard undone: every version below
 * 0.3.3 wrote {@code after} and {@code before} swapped (and without offset). Such runs are recognised by a
 * {@code client.version} below 0.3.3 and no {@code client.implementation} (which every run of this project writes).
 * Immutable.
 *
 * @param directory the run directory
 * @param clientName {@code client.name}
 * @param clientVersion {@code client.version}
 * @param python whether the Python Discard wrote it (no {@code client.implementation})
 * @param legacy whether a Python Discard below 0.3.3 wrote it
 * @param mode {@code profile}, {@code channel} or {@code guild}
 * @param after start of the archived range, exclusive; null for "from the beginning"
 * @param before end of the archived range, exclusive; null for "until the run started"
 * @param start when the run started
 * @param end when it ended; null if it never ended cleanly
 * @param completed whether it completed
 * @param finished whether it finished, completed or not
 * @param exception the exception that ended it, or null
 * @param interrupted why it was interrupted (Ctrl-C, SIGTERM), or null
 * @param settingsToken {@code settings.token}: non-null only for runs made with {@code --no-scrub}
 * @param apiUrl {@code settings.api_url}, the server the run talked to; null when not recorded (the Python Discard)
 * @param summary the {@code summary} object as written (counts), never null
 * @param followed whether it followed the gateway ({@code settings.follow}): its {@code before} is where its closing
 *     pass ended, which may be after its start
 */
public record RunInfo(
        Path directory,
        String clientName,
        String clientVersion,
        boolean python,
        boolean legacy,
        String mode,
        Instant after,
        Instant before,
        Instant start,
        Instant end,
        boolean completed,
        boolean finished,
        String exception,
        String interrupted,
        String settingsToken,
        String apiUrl,
        JsonNode summary,
        boolean followed) {

    public static final String FILE_NAME = RunFiles.RUN_META;
    /** The first Python Discard that wrote {@code after} and {@code before} the right way round. */
    private static final int[] FIXED_RANGE = {0, 3, 3};

    /** Reads {@code <runDirectory>/run.meta.json}. */
    public static RunInfo read(Path runDirectory, ObjectMapper mapper) throws MetaFileException {
        Path file = runDirectory.resolve(FILE_NAME);
        JsonNode root = MetaJson.read(file, mapper);
        JsonNode client = root.path("client");
        String version = MetaJson.text(client.get("version"));
        boolean python = !client.has("implementation");
        boolean legacy = python && version != null && below(version, FIXED_RANGE);
        JsonNode settings = root.path("settings");
        JsonNode run = root.path("run");
        Instant after = MetaJson.time(file, settings.get(legacy ? "before" : "after"), "settings.after");
        Instant before = MetaJson.time(file, settings.get(legacy ? "after" : "before"), "settings.before");
        Instant start = MetaJson.time(file, run.get("datetime_start"), "run.datetime_start");
        if (start == null) throw new MetaFileException(file, "run.datetime_start is missing");
        return new RunInfo(runDirectory, MetaJson.text(client.get("name")), version, python, legacy,
                MetaJson.text(settings.get("mode")), after, before, start,
                MetaJson.time(file, run.get("datetime_end"), "run.datetime_end"),
                run.path("completed").asBoolean(false), run.path("finished").asBoolean(false),
                MetaJson.text(run.get("exception")), MetaJson.text(run.get("interrupted")),
                MetaJson.text(settings.get("token")), MetaJson.text(settings.get("api_url")),
                root.path("summary").isObject() ? root.get("summary") : mapper.createObjectNode(),
                settings.path("follow").asBoolean(false));
    }

    /** Compares dotted numbers as numbers ({@code 0.3.10} is not below {@code 0.3.3}); other text is not below. */
    static boolean below(String version, int[] than) {
        String[] parts = version.trim().split("\\.");
        for (int i = 0; i < than.length; i++) {
            int part;
            if (i >= parts.length) {
                part = 0;
            } else {
                String digits = parts[i].replaceFirst("^(\\d+).*", "$1");
                if (digits.isEmpty() || !Character.isDigit(digits.charAt(0))) return false;
                part = Integer.parseInt(digits.length() > 6 ? "999999" : digits);
            }
            if (part != than[i]) return part < than[i];
        }
        return false;
    }

    /**
     * Where the run's coverage ends: {@code --before}, or the run's start when none was given or it is later; for a
     * completed {@code --follow} run, its cut ({@code before}).
     */
    public Instant coverageEnd() {
        // A followed run that completed paged every channel up to its cut, its before, at the end.
        if (followed && completed && before != null) return before;
        return before != null && before.isBefore(start) ? before : start;
    }

    /** Whether it stopped part way and {@code --resume} can finish it: interrupted, or killed before it finished. */
    public boolean isResumable() {
        return !completed && (interrupted != null || !finished);
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

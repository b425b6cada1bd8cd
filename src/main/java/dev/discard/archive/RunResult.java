package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * What a finished run reports back. Immutable.
 *
 * @param runDirectory the directory the run wrote
 * @param user the logged-in user as Discord sent it ({@code GET /users/@me})
 * @param failures the guilds and channels that failed, each with Discord's answer; empty when all went well
 * @param messages messages archived
 * @param channels channels whose history was walked (failed ones included)
 * @param channelsFailed channels whose history Discord refused part-way or from the start
 * @param httpRequests HTTP attempts recorded
 * @param rateLimited answers of 429 Too Many Requests among them, each waited out before the request went again
 */
public record RunResult(Path runDirectory, JsonNode user, List<Failure> failures, long messages, long channels,
        long channelsFailed, long httpRequests, long rateLimited) {
    /** One guild or channel that could not be archived, e.g. {@code channel 123} / {@code 403 Missing Access (50001)}. */
    public record Failure(String target, String error) {
        @Override
        public String toString() {
            return target + ": " + error;
        }
    }

    public RunResult {
        failures = List.copyOf(failures);
    }
}

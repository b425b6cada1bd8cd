package dev.discard.archive;

import dev.discard.discord.ApiResponse;
import dev.discard.discord.DiscordApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the optional parts of a run (pins, thread lists, invites) could not fetch, one line each, by the directory of
 * their guild ({@code @me} for DMs): they go into {@code guild.meta.json}'s {@code notes} and the run meta's
 * {@code warnings}, and the run goes on. At most {@value #MAX_PER_GUILD} lines a guild, then a count, so a server that
 * fails every invite does not fill the meta file. Thread-safe.
 */
final class ExtraNotes {
    static final int MAX_PER_GUILD = 50;

    private final Map<String, Set<String>> notes = new LinkedHashMap<>();
    private final Map<String, Integer> leftOut = new LinkedHashMap<>();

    synchronized void add(String guildStem, String note) {
        Set<String> lines = notes.computeIfAbsent(guildStem, s -> new LinkedHashSet<>());
        if (lines.contains(note)) return;
        if (lines.size() < MAX_PER_GUILD) lines.add(note);
        else leftOut.merge(guildStem, 1, Integer::sum);
    }

    /** The notes of one guild, in the order they came. */
    synchronized List<String> of(String guildStem) {
        List<String> lines = new ArrayList<>(notes.getOrDefault(guildStem, Set.of()));
        Integer more = leftOut.get(guildStem);
        if (more != null) lines.add("… and " + more + " more like these; the logs record each attempt");
        return lines;
    }

    /** Every guild's notes, each line prefixed with its directory. */
    synchronized List<String> all() {
        List<String> lines = new ArrayList<>();
        for (String stem : notes.keySet()) {
            String where = stem.equals("@me") ? "direct messages: " : "guild " + stem + ": ";
            for (String line : of(stem)) lines.add(where + line);
        }
        return lines;
    }

    /** Discord's failed answer as a note's end, e.g. {@code the server failed (502 Bad Gateway)}. */
    static String answer(ApiResponse response) {
        String answer = new DiscordApiException("", response).answer();
        if (response.status() == 403) return "refused (" + answer + ")";
        if (response.status() == 404) return "not supported by this server (" + answer + ")";
        if (response.status() >= 500) return "the server failed (" + answer + ")";
        return answer;
    }
}

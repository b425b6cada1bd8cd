package dev.discard.pictures;

import dev.discard.media.SafeNames;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names images as DiscordPicExtract does: {@code YYYY-MM-DD_HH-MM-SS_<original name>.<ext>}, the message's time in
 * UTC. The second image of the same name in the same second gets {@code _2}, the third {@code _3}, in the order of
 * message id and position in the message, so the same image gets the same name on every run over the same messages
 * (which is what lets a re-run skip what it has). Names are compared without case, for case-insensitive file systems.
 * Feed it messages in id order; it remembers one second at a time.
 */
final class ImageNames {
    private static final DateTimeFormatter PREFIX =
            DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss").withZone(ZoneOffset.UTC);

    private String second;
    /** Lower-case name → how many images of that name this second had. */
    private final Map<String, Integer> counts = new HashMap<>();
    /** Lower-case file names given out this second, so that a numbered name never meets an original one. */
    private final Set<String> given = new HashSet<>();

    /**
     * The file name of the next image with this (untrusted) original name, posted at {@code time}.
     *
     * @param defaultExtension for a name without an extension
     */
    String next(Instant time, String originalName, String defaultExtension) {
        String prefix = PREFIX.format(time);
        if (!prefix.equals(second)) {
            second = prefix;
            counts.clear();
            given.clear();
        }
        SafeNames.Name name = SafeNames.of(originalName, "image");
        String extension = name.extension().isEmpty() ? defaultExtension : name.extension();
        String base = prefix + "_" + name.stem();
        String key = (base + "." + extension).toLowerCase(Locale.ROOT);
        while (true) {
            int n = counts.merge(key, 1, Integer::sum);
            String candidate = base + (n == 1 ? "" : "_" + n) + "." + extension;
            if (given.add(candidate.toLowerCase(Locale.ROOT))) return candidate;
        }
    }
}

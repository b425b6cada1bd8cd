package dev.discard.dedupe;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time DiscordPicExtract puts at the start of a file name, {@code YYYY-MM-DD_HH-MM-SS_original.ext}
 * ({@code 2024-01-15_14-30-25_signal.png}).
 *
 * <p>The time has no zone: it is taken as written, and differences between two names are counted on that local
 * time line (a daylight-saving change between them is not corrected). After the seconds comes {@code _} as
 * DiscordPicExtract writes it; a name that ends right there ({@code 2024-01-15_14-30-25.png}) is accepted too.
 */
public final class DatedImageName {
    private static final Pattern DATED =
            Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})_(\\d{2})-(\\d{2})-(\\d{2})(?:[_.].*)?", Pattern.DOTALL);

    /** How a name must begin, for messages. */
    public static final String FORMAT = "YYYY-MM-DD_HH-MM-SS_";

    private DatedImageName() {}

    /** The time at the start of {@code fileName}; empty if it does not start so or is no real date (2024-02-30). */
    public static Optional<LocalDateTime> timestamp(String fileName) {
        Matcher m = DATED.matcher(fileName);
        if (!m.matches()) return Optional.empty();
        try {
            return Optional.of(LocalDateTime.of(number(m, 1), number(m, 2), number(m, 3),
                    number(m, 4), number(m, 5), number(m, 6)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}

package dev.discard.cli;

import java.time.Instant;
import picocli.CommandLine.Option;

/** {@code --after} and {@code --before} of the commands that select archived messages by when they were sent. */
final class MessageTimeRange {
    @Option(names = "--after", paramLabel = "DATETIME", converter = UtcDateTimeConverter.class,
            description = "Only messages sent after this time (UTC): YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS.")
    Instant after;

    @Option(names = "--before", paramLabel = "DATETIME", converter = UtcDateTimeConverter.class,
            description = "Only messages sent before this time (UTC): YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS.")
    Instant before;
}

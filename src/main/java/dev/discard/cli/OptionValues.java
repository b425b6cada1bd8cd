package dev.discard.cli;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The shared options as given ({@link ConnectionOptions}, {@link ArchiveOptions}), wherever they appeared on the
 * command line: one per root command. Null means "not given".
 */
final class OptionValues {
    String token;
    boolean userAccount;
    Path outputDir;
    Instant after;
    Instant before;
    boolean noScrub;
    boolean gzip;
    String apiUrl;
    String cdnUrl;
    boolean verbose;
    boolean quiet;
    boolean noGateway;
    Integer concurrency;
    boolean incremental;
    Path resume;
    Integer maxRate;
    boolean media;
    boolean members;
    boolean follow;
    java.time.Duration rotate;
}

package dev.discard.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The shared options of one command line ({@link ConnectionOptions}, {@link ArchiveOptions}), wherever they appeared:
 * before the subcommand, after it, or both. Immutable; built once by the command that runs and handed to what needs
 * it. Null means "not given".
 */
record SharedOptions(
        String token,
        boolean userAccount,
        Path outputDir,
        Instant after,
        Instant before,
        boolean noScrub,
        boolean gzip,
        String apiUrl,
        String cdnUrl,
        boolean verbose,
        boolean quiet,
        boolean noGateway,
        Integer concurrency,
        boolean incremental,
        Path resume,
        Integer maxRate,
        boolean media,
        boolean members,
        boolean follow,
        java.time.Duration rotate) {

    /**
     * The options as the mixins received them, in command-line order (the root command's first): a value given later
     * wins, a flag given anywhere is set. A command without {@link ArchiveOptions} passes a list without them.
     */
    static SharedOptions of(List<ConnectionOptions> connection, List<ArchiveOptions> archive) {
        return new SharedOptions(
                last(connection, c -> c.token),
                any(connection, c -> c.userAccount),
                last(archive, a -> a.outputDir),
                last(connection, c -> c.after),
                last(connection, c -> c.before),
                any(archive, a -> a.noScrub),
                any(archive, a -> a.gzip),
                last(connection, c -> c.apiUrl),
                last(archive, a -> a.cdnUrl),
                any(connection, c -> c.verbose),
                any(connection, c -> c.quiet),
                any(archive, a -> a.noGateway),
                last(archive, a -> a.concurrency),
                any(archive, a -> a.incremental),
                last(archive, a -> a.resume),
                last(archive, a -> a.maxRate),
                any(archive, a -> a.media),
                any(archive, a -> a.members),
                any(archive, a -> a.follow),
                last(archive, a -> a.rotate));
    }

    private static <M, T> T last(List<M> mixins, Function<M, T> value) {
        return mixins.stream().map(value).filter(Objects::nonNull).reduce((first, second) -> second).orElse(null);
    }

    private static <M> boolean any(List<M> mixins, Predicate<M> flag) {
        return mixins.stream().anyMatch(flag);
    }
}

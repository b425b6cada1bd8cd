package dev.discard.cli;

/** The documented exit codes of the {@code discard} command; README.md lists them for monitoring. */
public final class ExitCode {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** The run failed: the token was refused, nothing could be archived, or the output could not be written. */
    public static final int FAILED = 1;
    /** The command line was wrong: unknown option, bad date or id, no token. Nothing was written. */
    public static final int USAGE = 2;
    /** The run completed, but some channels or guilds failed; their meta files say why. */
    public static final int PARTIAL = 3;
    /** Interrupted by Ctrl-C (128 + SIGINT). */
    public static final int INTERRUPTED = 130;
    /** Terminated by SIGTERM (128 + SIGTERM). */
    public static final int TERMINATED = 143;

    private ExitCode() {}
}

package dev.discard.format;

/**
 * The names inside a run directory (DESIGN.md, "The run directory"), for the archiver that writes them and the tools
 * that read them. Log file names and their compression are {@link LogFile}'s.
 */
public final class RunFiles {
    /** The run's meta file, directly in the run directory; its presence is what makes a directory a run. */
    public static final String RUN_META = "run.meta.json";
    /** A guild folder's meta file. */
    public static final String GUILD_META = "guild.meta.json";
    /** What every meta file's name ends with: {@code run}, {@code guild} or a channel id comes before it. */
    public static final String META_SUFFIX = ".meta.json";
    /** The name of the log of everything not tied to one guild: {@code run.jsonl[.gz]}. */
    public static final String RUN_LOG = "run";
    /** The name of a guild folder's own log: {@code guild.jsonl[.gz]}. */
    public static final String GUILD_LOG = "guild";
    /** The run's list of the media it downloaded ({@code --media}), one JSON line per file. */
    public static final String MEDIA_MANIFEST = "media.jsonl";

    private RunFiles() {}

    /** {@code <stem>.meta.json}. */
    public static String metaFile(String stem) {
        return stem + META_SUFFIX;
    }

    /** The stem of a meta file's name ({@code 123} of {@code 123.meta.json}), or null when it is not one. */
    public static String metaStem(String fileName) {
        return fileName.endsWith(META_SUFFIX) ? fileName.substring(0, fileName.length() - META_SUFFIX.length()) : null;
    }
}

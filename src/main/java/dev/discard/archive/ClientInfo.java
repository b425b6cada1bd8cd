package dev.discard.archive;

/** What this client is, as written into {@code run.meta.json} and the User-Agent. */
public final class ClientInfo {
    public static final String NAME = "discard";
    /** Kept in step with the pom's version. */
    public static final String VERSION = "1.0.0";
    public static final String URL = "https://github.com/discard-java/discard";

    private ClientInfo() {}
}

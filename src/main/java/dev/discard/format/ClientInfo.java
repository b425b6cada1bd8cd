package dev.discard.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What this client is, as written into {@code run.meta.json} and the User-Agent. The version is the pom's, read from
 * {@code version.properties}, which the build fills in: nothing to keep in step by hand.
 */
public final class ClientInfo {
    public static final String NAME = "discard";
    /** The pom's version, e.g. {@code 1.0.0}; {@code unknown} when the classes run outside a Maven build. */
    public static final String VERSION = buildVersion();
    public static final String URL = "https://github.com/discard-java/discard";

    private ClientInfo() {}

    private static String buildVersion() {
        Properties build = new Properties();
        try (InputStream in = ClientInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) build.load(in);
        } catch (IOException e) {
            return "unknown";
        }
        String version = build.getProperty("version", "").strip();
        return version.isEmpty() || version.startsWith("${") ? "unknown" : version;
    }
}

package dev.discard.discord.gateway;

import java.util.Locale;
import java.util.Objects;

/**
 * The {@code properties} of IDENTIFY: what the client runs on. Immutable.
 *
 * @param os the operating system, e.g. {@code linux}
 * @param browser the library name
 * @param device the library name
 * @see <a href="https://discord.com/developers/docs/events/gateway-events#identify-identify-connection-properties">
 *     Identify Connection Properties</a>
 */
public record ConnectionProperties(String os, String browser, String device) {
    public ConnectionProperties {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(device, "device");
    }

    /** This machine's OS name in lower case, browser and device {@code discard}, as Discard sends. */
    public static ConnectionProperties discard() {
        String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT);
        return new ConnectionProperties(os, "discard", "discard");
    }
}

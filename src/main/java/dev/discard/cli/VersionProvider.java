package dev.discard.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: discard's own version, then the Java and OkHttp versions it runs on. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "discard " + dev.discard.format.ClientInfo.VERSION,
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
            "OkHttp " + okhttp3.OkHttp.VERSION
        };
    }
}

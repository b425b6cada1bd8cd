package dev.discard.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Removes the token from text bound for disk or the console. With {@code --no-scrub} it lets everything through.
 * Immutable.
 */
public final class Scrubber {
    public static final String MARK = "[SCRUBBED]";
    private static final Scrubber NONE = new Scrubber(null);

    private final String secret;
    private final byte[] secretUtf8;

    private Scrubber(String secret) {
        this.secret = secret == null || secret.isEmpty() ? null : secret;
        this.secretUtf8 = this.secret == null ? null : this.secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A scrubber for {@code secret}; with {@code noScrub}, one that changes nothing. */
    public static Scrubber of(String secret, boolean noScrub) {
        return noScrub ? NONE : new Scrubber(secret);
    }

    public boolean finds(String text) {
        return secret != null && text != null && text.contains(secret);
    }

    /** Whether UTF-8 bytes hold the secret. */
    public boolean finds(byte[] utf8) {
        return finds(utf8, 0, utf8.length);
    }

    /** Whether {@code utf8[from, to)} holds the secret. */
    public boolean finds(byte[] utf8, int from, int to) {
        if (secret == null) return false;
        byte[] wanted = secretUtf8;
        int last = to - wanted.length;
        int i = from;
        while (i <= last && (i = ByteScan.indexOf(utf8, i, last + 1, wanted[0])) >= 0) {
            if (Arrays.equals(utf8, i, i + wanted.length, wanted, 0, wanted.length)) return true;
            i++;
        }
        return false;
    }

    public String scrub(String text) {
        return finds(text) ? text.replace(secret, MARK) : text;
    }
}

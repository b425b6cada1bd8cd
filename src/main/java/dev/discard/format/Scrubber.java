package dev.discard.format;

/**
 * Removes the token from text bound for disk or the console. With {@code --no-scrub} it lets everything through.
 * Immutable.
 */
public final class Scrubber {
    public static final String MARK = "[SCRUBBED]";
    private static final Scrubber NONE = new Scrubber(null);

    private final String secret;

    private Scrubber(String secret) {
        this.secret = secret == null || secret.isEmpty() ? null : secret;
    }

    /** A scrubber for {@code secret}; with {@code noScrub}, one that changes nothing. */
    public static Scrubber of(String secret, boolean noScrub) {
        return noScrub ? NONE : new Scrubber(secret);
    }

    public boolean finds(String text) {
        return secret != null && text != null && text.contains(secret);
    }

    public String scrub(String text) {
        return finds(text) ? text.replace(secret, MARK) : text;
    }
}

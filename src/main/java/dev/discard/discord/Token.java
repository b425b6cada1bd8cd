package dev.discard.discord;

import dev.discard.format.Scrubber;

/**
 * A bot or user token and how Discord wants it presented. Immutable; {@link #toString} never shows the secret, so a
 * token that ends up in a log line or an exception message by accident stays hidden.
 */
public final class Token {
    private final String secret;
    private final boolean userAccount;

    public Token(String secret, boolean userAccount) {
        if (secret == null || secret.isBlank()) throw new IllegalArgumentException("token is empty");
        this.secret = secret.strip();
        this.userAccount = userAccount;
    }

    /** The raw token, for the Authorization header, IDENTIFY, and scrubbing. */
    public String secret() {
        return secret;
    }

    /** What removes this token from text bound for disk or the console; with {@code noScrub}, nothing. */
    public Scrubber scrubber(boolean noScrub) {
        return Scrubber.of(secret, noScrub);
    }

    public boolean userAccount() {
        return userAccount;
    }

    /** {@code Bot <token>} for bots, the bare token for user accounts. */
    public String authorization() {
        return userAccount ? secret : "Bot " + secret;
    }

    @Override
    public String toString() {
        return userAccount ? "Token[user, [SCRUBBED]]" : "Token[bot, [SCRUBBED]]";
    }
}

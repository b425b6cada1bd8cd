package dev.discard.discord;

import dev.discard.format.Scrubber;

/**
 * A bot or user token and how Discord wants it presented. Immutable; {@link #toString} never shows the secret, so a
 * token that ends up in a log line or an exception message by accident stays hidden.
 *
 * <p>A token is checked when it is made, before anything is sent or written: it goes into an HTTP header, so it may
 * hold only visible ASCII (a header value cannot hold a line break, and Discord's tokens are base64 and dots). A bot
 * token given as the header reads, {@code Bot <token>}, is taken for the token after the prefix.
 */
public final class Token {
    /** How Discord's Authorization header presents a bot token. */
    private static final String BOT_PREFIX = "Bot ";

    private final String secret;
    private final boolean userAccount;

    /** @throws IllegalArgumentException with one line that says what is wrong, never showing the token */
    public Token(String secret, boolean userAccount) {
        if (secret == null || secret.isBlank()) throw new IllegalArgumentException("token is empty");
        String token = secret.strip();
        if (token.startsWith(BOT_PREFIX)) {
            if (userAccount) {
                throw new IllegalArgumentException("the token starts with 'Bot ', as a bot's does, but -U says it is a"
                        + " user account's: leave out -U for a bot, or 'Bot ' for a user account");
            }
            token = token.substring(BOT_PREFIX.length()).strip();
            if (token.isEmpty()) throw new IllegalArgumentException("token is empty after 'Bot '");
        }
        checkCharacters(token);
        this.secret = token;
        this.userAccount = userAccount;
    }

    /** Every character must be visible ASCII; the error names the position and the kind, not the character. */
    private static void checkCharacters(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c > 0x20 && c < 0x7f) continue;
            String what = c == '\n' || c == '\r' ? "a line break"
                    : c == ' ' || c == '\t' ? "a space"
                    : c < 0x20 || c == 0x7f ? "a control character"
                    : "a character that is not ASCII";
            throw new IllegalArgumentException("the token holds " + what + " at character " + (i + 1) + " of "
                    + token.length() + ", which no token has: give the token alone, on one line"
                    + " (a copied file's line break or a space is often the cause)");
        }
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
        return userAccount ? secret : BOT_PREFIX + secret;
    }

    @Override
    public String toString() {
        return userAccount ? "Token[user, [SCRUBBED]]" : "Token[bot, [SCRUBBED]]";
    }
}

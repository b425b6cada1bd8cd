package dev.discard.discord;

/**
 * A successful answer whose body is not what the API documents (a wrong server, a broken proxy, an HTML page with
 * status 200). The exchange is recorded like any other; what it was for fails.
 */
public class UnexpectedResponseException extends RuntimeException {
    public UnexpectedResponseException(String message) {
        super(message);
    }
}

package dev.discard.discord;

/**
 * Discord answered with an error status. The message reads like {@code 403 Missing Access (50001)}: the status, then
 * Discord's own message and JSON error code where the body had them.
 */
public class DiscordApiException extends RuntimeException {
    private final int status;
    private final Integer code;
    private final String answer;

    public DiscordApiException(String what, ApiResponse response) {
        this(what, response.status(), response.errorCode(), describe(response));
    }

    private DiscordApiException(String what, int status, Integer code, String answer) {
        super(what + ": " + answer);
        this.status = status;
        this.code = code;
        this.answer = answer;
    }

    /** Discord's answer alone, e.g. {@code 403 Missing Access (50001)}. */
    public String answer() {
        return answer;
    }

    /** Whether Discord refused the token (401 Unauthorized): nothing else will work either. */
    public boolean tokenRefused() {
        return status == 401;
    }

    /** What to tell the user when {@link #tokenRefused()}: one line, with what to do. */
    public static String tokenRefusedAdvice(boolean userAccount) {
        return "the token was refused (401 Unauthorized): check it"
                + (userAccount ? "" : ", and pass -U if it is a user account's token");
    }

    public int status() {
        return status;
    }

    /** Discord's JSON error code (e.g. 10003 Unknown Channel), or null when the body had none. */
    public Integer code() {
        return code;
    }

    static String describe(ApiResponse response) {
        StringBuilder s = new StringBuilder().append(response.status());
        String message = response.errorMessage();
        // Discord's generic errors repeat the status in the message: {"message": "404: Not Found", "code": 0}.
        String prefix = response.status() + ":";
        if (message != null && message.startsWith(prefix)) message = message.substring(prefix.length()).strip();
        s.append(' ').append(message != null && !message.isEmpty() ? message : reason(response.status()));
        Integer code = response.errorCode();
        if (code != null && code != 0) s.append(" (").append(code).append(')');
        return s.toString();
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP error";
        };
    }
}

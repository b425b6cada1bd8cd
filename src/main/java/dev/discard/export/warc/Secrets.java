package dev.discard.export.warc;

import dev.discard.format.Scrubber;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must never reach a WARC, whatever the archive holds: the tokens known (the one a {@code --no-scrub} run
 * recorded in {@code settings.token}, and any the user names), credential headers, and the {@code token} of a sent
 * gateway frame (IDENTIFY, RESUME) even when no token is known. Immutable.
 */
final class Secrets {
    /** Header names never written, lower case: credentials of either side. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "set-cookie2");
    /** A JSON {@code "token": "…"} member, whose value is replaced unless it is the scrub mark already. */
    private static final Pattern TOKEN_MEMBER = Pattern.compile("(\"token\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Scrubber> scrubbers;

    private Secrets(List<Scrubber> scrubbers) {
        this.scrubbers = List.copyOf(scrubbers);
    }

    /** Scrubs each of {@code tokens} that is neither null nor blank. */
    static Secrets of(String... tokens) {
        List<Scrubber> list = new ArrayList<>();
        for (String token : tokens) {
            if (token != null && !token.isBlank() && !token.equals(Scrubber.MARK)) list.add(Scrubber.of(token, false));
        }
        return new Secrets(list);
    }

    /** These secrets and {@code token} too. */
    Secrets and(String token) {
        if (token == null || token.isBlank() || token.equals(Scrubber.MARK)) return this;
        List<Scrubber> list = new ArrayList<>(scrubbers);
        list.add(Scrubber.of(token, false));
        return new Secrets(list);
    }

    static boolean isCredentialHeader(String name) {
        return CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    String scrub(String text) {
        if (text == null) return null;
        for (Scrubber s : scrubbers) text = s.scrub(text);
        return text;
    }

    /** Whether {@code utf8[from, to)} holds a known token. */
    boolean finds(byte[] utf8, int from, int to) {
        for (Scrubber s : scrubbers) {
            if (s.finds(utf8, from, to)) return true;
        }
        return false;
    }

    /** {@code utf8[from, to)}, scrubbed when it holds a token; the same bytes (copied) otherwise. */
    byte[] scrub(byte[] utf8, int from, int to) {
        if (!finds(utf8, from, to)) return java.util.Arrays.copyOfRange(utf8, from, to);
        return scrub(new String(utf8, from, to - from, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    /** A sent frame's text with the known tokens and any {@code "token"} member's value replaced by the mark. */
    String scrubSentFrame(String frame) {
        String text = scrub(frame);
        if (!text.contains("\"token\"")) return text;
        Matcher m = TOKEN_MEMBER.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + Scrubber.MARK + "\""));
        }
        m.appendTail(b);
        return b.toString();
    }
}

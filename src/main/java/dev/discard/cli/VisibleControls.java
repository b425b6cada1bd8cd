package dev.discard.cli;

import java.nio.charset.StandardCharsets;

/**
 * Control characters made visible in the text that {@code read} and {@code search} print, as {@code less} shows them:
 * a message could otherwise retitle, clear or overwrite the reader's terminal ({@code ESC]0;…BEL}, {@code ESC[2J},
 * {@code \r}). C0 controls and DEL become caret notation ({@code ^[}, {@code ^M}, {@code ^?}), C1 controls
 * {@code <U+009B>}; tab and line feed stay, as the text's own layout. The same on a terminal and in a pipe or file,
 * which a terminal shows later; {@code --json} keeps every character exactly (JSON escapes them).
 */
final class VisibleControls {
    private VisibleControls() {}

    /** The text with its control characters visible; the same instance when it has none. */
    static String of(String text) {
        return of(text, "");
    }

    /** As {@link #of(String)}, leaving the characters of {@code keep} as they are (search's match markers). */
    static String of(String text, String keep) {
        if (text == null || !hasControls(text)) return text;
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c) || keep.indexOf(c) >= 0) out.append(c);
            else if (c < 0x20) out.append('^').append((char) (c + 0x40));
            else if (c == 0x7f) out.append("^?");
            else out.append(String.format("<U+%04X>", (int) c));
        }
        return out.toString();
    }

    /** As {@link #of(String)} for UTF-8 bytes; null when they hold no control character (print them as they are). */
    static byte[] of(byte[] utf8, int offset, int count) {
        if (!hasControls(utf8, offset, count)) return null;
        return of(new String(utf8, offset, count, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' || c >= 0x7f && c <= 0x9f;
    }

    private static boolean hasControls(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) return true;
        }
        return false;
    }

    /** C0 and DEL are single bytes in UTF-8; C1 are 0xC2 0x80–0x9F. */
    private static boolean hasControls(byte[] b, int offset, int count) {
        int end = offset + count;
        for (int i = offset; i < end; i++) {
            int v = b[i] & 0xff;
            if (v < 0x20 && v != '\t' && v != '\n' || v == 0x7f) return true;
            if (v == 0xc2 && i + 1 < end && (b[i + 1] & 0xff) >= 0x80 && (b[i + 1] & 0xff) <= 0x9f) return true;
        }
        return false;
    }
}

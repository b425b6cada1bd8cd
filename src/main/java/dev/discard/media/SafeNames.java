package dev.discard.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a file name from Discord (an attachment's {@code filename}, a URL's last segment: untrusted) into one that is
 * safe on Linux, macOS and Windows: one path segment, no {@code ..}, no control or invisible formatting characters,
 * none of {@code <>:"/\|?*}, no leading dot (hidden file) or trailing dot or space, no reserved device name
 * ({@code CON}, {@code NUL}, {@code COM1}, …), and at most {@link #MAX_BYTES} bytes of UTF-8 with the extension kept.
 */
public final class SafeNames {
    /** Room for the date prefix and a collision suffix below the 255 bytes most file systems allow. */
    public static final int MAX_BYTES = 200;
    /** Extensions are short letters and digits, or they are part of the name. */
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,10}");
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private SafeNames() {}

    /**
     * A name split into stem and extension, both safe. Immutable.
     *
     * @param stem never empty
     * @param extension without the dot; empty when there is none
     */
    public record Name(String stem, String extension) {
        /** {@code stem.extension}, or the stem alone. */
        public String full() {
            return extension.isEmpty() ? stem : stem + "." + extension;
        }
    }

    /** The safe form of {@code untrusted}; {@code fallback} (itself safe) when nothing usable is left. */
    public static Name of(String untrusted, String fallback) {
        String cleaned = clean(untrusted == null ? "" : untrusted);
        String stem = cleaned;
        String extension = "";
        int dot = cleaned.lastIndexOf('.');
        if (dot > 0 && EXTENSION.matcher(cleaned.substring(dot + 1)).matches()) {
            stem = cleaned.substring(0, dot);
            extension = cleaned.substring(dot + 1);
        }
        stem = trimEnds(stem);
        if (stem.isEmpty()) stem = fallback;
        if (RESERVED.contains(stem.toUpperCase(Locale.ROOT))
                || RESERVED.contains(stem.split("\\.", 2)[0].strip().toUpperCase(Locale.ROOT))) {
            stem = "_" + stem;
        }
        int room = MAX_BYTES - (extension.isEmpty() ? 0 : extension.length() + 1);
        return new Name(truncate(stem, room), extension);
    }

    /**
     * Replaces separators and forbidden characters with {@code _}, drops control and formatting characters, and makes
     * every run of dots one dot, so no {@code ..} is left anywhere.
     */
    private static String clean(String name) {
        StringBuilder s = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return;
            }
            if ("<>:\"/\\|?*".indexOf(c) >= 0) {
                s.append('_');
            } else {
                s.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
            }
        });
        return s.toString().replaceAll("\\.{2,}", ".");
    }

    /** No leading dots or spaces (hidden files, {@code ..}), no trailing ones (Windows drops them). */
    private static String trimEnds(String stem) {
        int start = 0;
        int end = stem.length();
        while (start < end && (stem.charAt(start) == '.' || stem.charAt(start) == ' ')) start++;
        while (end > start && (stem.charAt(end - 1) == '.' || stem.charAt(end - 1) == ' ')) end--;
        return stem.substring(start, end);
    }

    /** At most {@code maxBytes} of UTF-8, cut between code points. */
    static String truncate(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) return text;
        StringBuilder s = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) break;
            s.appendCodePoint(c);
            bytes += size;
            i += Character.charCount(c);
        }
        return trimEnds(s.toString());
    }
}

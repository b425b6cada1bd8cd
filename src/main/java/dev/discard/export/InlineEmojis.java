package dev.discard.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emoji a text shows, each name once in order of first use, as DiscordChatExporter's {@code inlineEmojis} lists
 * them: custom emoji ({@code <:name:id>}, {@code <a:name:id>}) and Unicode emoji. Unicode emoji are recognised by
 * code point (the pictographic blocks, with variation selectors, skin tones, keycaps and zero-width-joined
 * sequences kept together); that tool's {@code :shortcode:} forms are left as text.
 */
final class InlineEmojis {
    private static final Pattern CUSTOM = Pattern.compile("<(a?):([A-Za-z0-9_~-]{1,64}):([0-9]{1,20})>");

    /** One emoji: {@code id} null for a Unicode emoji, whose {@code name} is the emoji itself. */
    record Emoji(String id, String name, boolean animated) {}

    private InlineEmojis() {}

    static List<Emoji> of(String text) {
        if (text == null || text.isEmpty() || !mayHoldEmoji(text)) return List.of();
        List<Emoji> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Matcher custom = CUSTOM.matcher(text);
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '<' && custom.find(i) && custom.start() == i) {
                if (names.add(custom.group(2))) out.add(new Emoji(custom.group(3), custom.group(2),
                        !custom.group(1).isEmpty()));
                i = custom.end();
                continue;
            }
            int c = text.codePointAt(i);
            if (!isPictographic(c)) {
                i += Character.charCount(c);
                continue;
            }
            int end = i + Character.charCount(c);
            while (end < text.length()) {
                int next = text.codePointAt(end);
                if (next == 0xFE0F || next == 0x20E3 || next >= 0x1F3FB && next <= 0x1F3FF
                        || next >= 0xE0020 && next <= 0xE007F) {
                    end += Character.charCount(next);
                } else if (next == 0x200D && end + 1 < text.length() && isPictographic(text.codePointAt(end + 1))) {
                    end += 1 + Character.charCount(text.codePointAt(end + 1));
                } else if (c >= 0x1F1E6 && c <= 0x1F1FF && next >= 0x1F1E6 && next <= 0x1F1FF && end == i + 2) {
                    end += 2; // a flag: two regional indicators
                } else {
                    break;
                }
            }
            String emoji = text.substring(i, end);
            if (names.add(emoji)) out.add(new Emoji(null, emoji, false));
            i = end;
        }
        return out;
    }

    /** Whether a text has a {@code <} or a character from the emoji blocks' range: most messages have neither. */
    private static boolean mayHoldEmoji(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c >= 0x2600 && c <= 0x2BFF || Character.isHighSurrogate(c)) return true;
        }
        return false;
    }

    /** Code points that are emoji on their own (Unicode's pictographic blocks). */
    private static boolean isPictographic(int c) {
        return c >= 0x1F000 && c <= 0x1FAFF || c >= 0x2600 && c <= 0x27BF || c >= 0x2B00 && c <= 0x2BFF;
    }
}

package dev.discard.export;

/** HTML escaping for the few places that build markup outside the templates (Discord Markdown). */
final class Html {
    private Html() {}

    /** Appends {@code text[from, to)} escaped for element content and quoted attribute values. */
    static void escape(CharSequence text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(text, 0, text.length(), out);
        return out.toString();
    }

    /** Whether {@code url} may be a link target: http and https only (never javascript:, data: or file:). */
    static boolean isWebLink(String url) {
        return (url.startsWith("https://") || url.startsWith("http://")) && url.length() > 8
                && url.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>' || c == '`');
    }
}

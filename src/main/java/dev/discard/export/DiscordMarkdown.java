package dev.discard.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Discord's Markdown to HTML, escaping every character of the text it does not turn into markup: bold, italic,
 * underline, strikethrough, inline code and code blocks, spoilers, quotes ({@code >} and {@code >>>}), headers,
 * subtext, lists, masked links, mentions, custom emoji and timestamps. Links go to http(s) only; nothing it writes
 * loads from the network. See https://support.discord.com/hc/en-us/articles/210298617 for the syntax.
 */
final class DiscordMarkdown {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** Nesting deeper than this is written as text: a hostile message cannot blow the stack. */
    private static final int MAX_DEPTH = 12;

    private final Names names;
    private final EmojiImages emoji;

    DiscordMarkdown(Names names, EmojiImages emoji) {
        this.names = names;
        this.emoji = emoji;
    }

    /** The message content as HTML; empty for null. */
    String toHtml(String content) {
        if (content == null || content.isEmpty()) return "";
        StringBuilder out = new StringBuilder(content.length() + content.length() / 4 + 16);
        blocks(content, out);
        return out.toString();
    }

    private void blocks(String text, StringBuilder out) {
        int i = 0;
        int n = text.length();
        String list = null;
        boolean firstLine = true;
        while (i < n) {
            if (text.startsWith("```", i)) {
                int close = text.indexOf("```", i + 3);
                if (close > 0) {
                    closeList(list, out);
                    list = null;
                    codeBlock(text, i + 3, close, out);
                    i = close + 3;
                    if (i < n && text.charAt(i) == '\n') i++;
                    firstLine = true;
                    continue;
                }
            }
            int end = text.indexOf('\n', i);
            if (end < 0) end = n;
            int codeStart = text.indexOf("```", i);
            if (codeStart >= 0 && codeStart < end && codeStart > i && text.indexOf("```", codeStart + 3) > 0) {
                end = codeStart; // a code block that starts mid-line ends this line's text
            }
            if (text.startsWith(">>> ", i)) {
                closeList(list, out);
                out.append("<blockquote>");
                inline(text, i + 4, n, out, 0, true);
                out.append("</blockquote>");
                return;
            }
            String item = listItem(text, i, end);
            if (item != null) {
                if (!item.equals(list)) {
                    closeList(list, out);
                    out.append('<').append(item).append('>');
                    list = item;
                }
                int start = text.indexOf(' ', i) + 1;
                out.append("<li>");
                inline(text, start, end, out, 0, false);
                out.append("</li>");
            } else {
                if (list != null) {
                    closeList(list, out);
                    list = null;
                    firstLine = true;
                }
                if (!firstLine) out.append("<br>");
                firstLine = line(text, i, end, out); // no break after a quote or heading: blocks end their line

            }
            i = end < n && text.charAt(end) == '\n' ? end + 1 : end;
            if (end == n) break;
        }
        closeList(list, out);
    }

    /** Writes one line and says whether it was a block (quote, heading, subtext). */
    private boolean line(String text, int i, int end, StringBuilder out) {
        if (text.startsWith("> ", i) || (text.startsWith(">", i) && end == i + 1)) {
            out.append("<blockquote>");
            inline(text, Math.min(i + 2, end), end, out, 0, false);
            out.append("</blockquote>");
        } else if (text.startsWith("### ", i)) {
            heading("h5", text, i + 4, end, out);
        } else if (text.startsWith("## ", i)) {
            heading("h4", text, i + 3, end, out);
        } else if (text.startsWith("# ", i)) {
            heading("h3", text, i + 2, end, out);
        } else if (text.startsWith("-# ", i)) {
            out.append("<small class=\"subtext\">");
            inline(text, i + 3, end, out, 0, false);
            out.append("</small>");
        } else {
            inline(text, i, end, out, 0, false);
            return false;
        }
        return true;
    }

    private void heading(String tag, String text, int from, int end, StringBuilder out) {
        out.append('<').append(tag).append('>');
        inline(text, from, end, out, 0, false);
        out.append("</").append(tag).append('>');
    }

    /** "ul" or "ol" when the line is a list item ({@code - }, {@code * } or {@code 1. }), else null. */
    private static String listItem(String text, int i, int end) {
        if (end - i >= 2 && (text.charAt(i) == '-' || text.charAt(i) == '*') && text.charAt(i + 1) == ' ') return "ul";
        int j = i;
        while (j < end && j - i < 9 && Character.isDigit(text.charAt(j))) j++;
        if (j > i && j + 1 < end && text.charAt(j) == '.' && text.charAt(j + 1) == ' ') return "ol";
        return null;
    }

    private static void closeList(String list, StringBuilder out) {
        if (list != null) out.append("</").append(list).append('>');
    }

    private static void codeBlock(String text, int from, int close, StringBuilder out) {
        int newline = text.indexOf('\n', from);
        // ```lang\n…```: the first word names the language when a newline follows it.
        if (newline > from && newline < close && text.substring(from, newline).matches("[A-Za-z0-9_+#.-]+")) {
            from = newline + 1;
        } else if (newline == from) {
            from++;
        }
        out.append("<pre><code>");
        Html.escape(text, from, close, out);
        out.append("</code></pre>");
    }

    /** Inline markup of {@code text[from, to)}; {@code newlines} turns newlines into line breaks. */
    private void inline(String text, int from, int to, StringBuilder out, int depth, boolean newlines) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            int next = depth < MAX_DEPTH ? markup(text, i, to, out, depth, newlines) : -1;
            if (next > i) {
                i = next;
                continue;
            }
            if (c == '\n') {
                out.append("<br>");
            } else if (c == '\\' && i + 1 < to && isEscapable(text.charAt(i + 1))) {
                Html.escape(text, i + 1, i + 2, out);
                i++;
            } else {
                Html.escape(text, i, i + 1, out);
            }
            i++;
        }
    }

    /** Writes the markup starting at {@code i} and returns where it ends, or -1 when none starts there. */
    private int markup(String text, int i, int to, StringBuilder out, int depth, boolean newlines) {
        char c = text.charAt(i);
        switch (c) {
            case '`' -> {
                int run = text.startsWith("``", i) ? 2 : 1;
                int close = find(text, "`".repeat(run), i + run, to);
                if (close < 0) return -1;
                out.append("<code>");
                Html.escape(text, i + run, close, out);
                out.append("</code>");
                return close + run;
            }
            case '*' -> {
                if (text.startsWith("***", i)) return wrap(text, i, to, "***", "<strong><em>", "</em></strong>", out,
                        depth, newlines);
                if (text.startsWith("**", i)) return wrap(text, i, to, "**", "<strong>", "</strong>", out, depth,
                        newlines);
                return wrap(text, i, to, "*", "<em>", "</em>", out, depth, newlines);
            }
            case '_' -> {
                if (text.startsWith("__", i)) return wrap(text, i, to, "__", "<u>", "</u>", out, depth, newlines);
                if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) return -1; // snake_case stays as is
                return wrap(text, i, to, "_", "<em>", "</em>", out, depth, newlines);
            }
            case '~' -> {
                return text.startsWith("~~", i) ? wrap(text, i, to, "~~", "<s>", "</s>", out, depth, newlines) : -1;
            }
            case '|' -> {
                return text.startsWith("||", i) ? wrap(text, i, to, "||",
                        "<span class=\"spoiler\" tabindex=\"0\">", "</span>", out, depth, newlines) : -1;
            }
            case '[' -> {
                return maskedLink(text, i, to, out, depth);
            }
            case '<' -> {
                return angle(text, i, to, out);
            }
            case 'h' -> {
                return bareLink(text, i, to, out);
            }
            case '@' -> {
                for (String all : new String[] {"@everyone", "@here"}) {
                    if (text.startsWith(all, i)) {
                        out.append("<span class=\"mention\">").append(all).append("</span>");
                        return i + all.length();
                    }
                }
                return -1;
            }
            default -> {
                return -1;
            }
        }
    }

    private int wrap(String text, int i, int to, String mark, String open, String close, StringBuilder out,
            int depth, boolean newlines) {
        int start = i + mark.length();
        int end = find(text, mark, start + 1, to);
        if (end < 0 || Character.isWhitespace(text.charAt(start)) && mark.length() == 1) return -1;
        out.append(open);
        inline(text, start, end, out, depth + 1, newlines);
        out.append(close);
        return end + mark.length();
    }

    private int maskedLink(String text, int i, int to, StringBuilder out, int depth) {
        int closeText = find(text, "](", i + 1, to);
        if (closeText < 0) return -1;
        int closeUrl = text.indexOf(')', closeText + 2);
        if (closeUrl < 0 || closeUrl >= to) return -1;
        String url = text.substring(closeText + 2, closeUrl).strip();
        if (url.startsWith("<") && url.endsWith(">")) url = url.substring(1, url.length() - 1);
        if (!Html.isWebLink(url) || closeText == i + 1) return -1;
        link(url, out);
        inline(text, i + 1, closeText, out, depth + 1, false);
        out.append("</a>");
        return closeUrl + 1;
    }

    private int bareLink(String text, int i, int to, StringBuilder out) {
        if (!text.startsWith("http://", i) && !text.startsWith("https://", i)) return -1;
        if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) return -1;
        int end = i;
        while (end < to && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '<') end++;
        while (end > i && ".,:;!?)'\"*_~|".indexOf(text.charAt(end - 1)) >= 0) end--;
        String url = text.substring(i, end);
        if (!Html.isWebLink(url)) return -1;
        link(url, out);
        Html.escape(url, 0, url.length(), out);
        out.append("</a>");
        return end;
    }

    private static void link(String url, StringBuilder out) {
        out.append("<a href=\"");
        Html.escape(url, 0, url.length(), out);
        out.append("\" rel=\"noopener noreferrer nofollow\">");
    }

    /** Mentions, channels, custom emoji, timestamps and {@code <url>} links, which Discord writes in angle brackets. */
    private int angle(String text, int i, int to, StringBuilder out) {
        int close = text.indexOf('>', i + 1);
        if (close < 0 || close >= to || close - i > 200) return -1;
        String inner = text.substring(i + 1, close);
        if (inner.startsWith("@&") && digits(inner, 2)) {
            String name = names.role(inner.substring(2));
            String colour = name == null ? null : names.roleClass(inner.substring(2));
            out.append(colour == null ? "<span class=\"mention\">" : "<span class=\"mention role " + colour + "\">");
            String label = "@" + (name != null ? name : "deleted-role");
            Html.escape(label, 0, label.length(), out);
            out.append("</span>");
        } else if (inner.startsWith("@!") && digits(inner, 2)) {
            userMention(inner.substring(2), out);
        } else if (inner.startsWith("@") && digits(inner, 1)) {
            userMention(inner.substring(1), out);
        } else if (inner.startsWith("#") && digits(inner, 1)) {
            String id = inner.substring(1);
            String name = names.channel(id);
            String href = names.channelHref(id);
            String label = "#" + (name != null ? name : "unknown-channel");
            if (href != null) {
                out.append("<a class=\"mention\" href=\"");
                Html.escape(href, 0, href.length(), out);
                out.append("\">");
                Html.escape(label, 0, label.length(), out);
                out.append("</a>");
            } else {
                mention(label, out);
            }
        } else if (inner.matches("a?:[A-Za-z0-9_~]{1,64}:[0-9]{1,20}")) {
            String[] parts = inner.split(":");
            customEmoji(parts[1], parts[2], out);
        } else if (inner.matches("t:-?[0-9]{1,13}(:[tTdDfFR])?")) {
            String[] parts = inner.split(":");
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            out.append("<time class=\"stamp\" datetime=\"").append(at).append("\">")
                    .append(STAMP.format(at)).append("</time>");
        } else if (Html.isWebLink(inner)) {
            link(inner, out);
            Html.escape(inner, 0, inner.length(), out);
            out.append("</a>");
        } else {
            return -1;
        }
        return close + 1;
    }

    private void userMention(String id, StringBuilder out) {
        String name = names.user(id);
        mention("@" + (name != null ? name : "unknown-user"), out);
    }

    private static void mention(String label, StringBuilder out) {
        out.append("<span class=\"mention\">");
        Html.escape(label, 0, label.length(), out);
        out.append("</span>");
    }

    private void customEmoji(String name, String id, StringBuilder out) {
        String src = emoji.src(id);
        if (src != null) {
            out.append("<img class=\"emoji\" alt=\":");
            Html.escape(name, 0, name.length(), out);
            out.append(":\" title=\":").append(name).append(":\" src=\"");
            Html.escape(src, 0, src.length(), out);
            out.append("\">");
        } else {
            out.append("<span class=\"emoji-name\">:").append(name).append(":</span>");
        }
    }

    private static boolean digits(String s, int from) {
        if (s.length() <= from || s.length() - from > 20) return false;
        for (int i = from; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    private static boolean isEscapable(char c) {
        return "\\*_~`|<>[]()#-.:@".indexOf(c) >= 0;
    }

    /** The first {@code mark} in {@code text[from, to)}, or -1. */
    private static int find(String text, String mark, int from, int to) {
        int at = text.indexOf(mark, from);
        return at >= 0 && at + mark.length() <= to ? at : -1;
    }
}

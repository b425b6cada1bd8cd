package dev.discard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscordMarkdownTest {
    private final Names names = new Names() {
        @Override
        public String user(String id) {
            return Map.of("42", "sanqui", "7", "<b>evil</b>").get(id);
        }

        @Override
        public String role(String id) {
            return "9".equals(id) ? "Archivists" : null;
        }

        @Override
        public String channel(String id) {
            return "5".equals(id) ? "general" : null;
        }

        @Override
        public String channelHref(String id) {
            return "5".equals(id) ? "../../1/5/1.html" : null;
        }
    };
    private final DiscordMarkdown markdown = new DiscordMarkdown(names, id -> "1".equals(id) ? "../../media/e.png" : null);

    private String html(String content) {
        return markdown.toHtml(content);
    }

    @Test
    void hostileMarkupIsText() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;",
                html("<script>alert(1)</script><img src=x onerror=\"alert('x')\">"));
        assertEquals("<span class=\"mention\">@&lt;b&gt;evil&lt;/b&gt;</span>", html("<@7>"));
    }

    @Test
    void linksGoToTheWebOnly() {
        assertEquals("[x](javascript:alert(1))", html("[x](javascript:alert(1))"));
        assertEquals("<a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\">"
                + "<strong>site</strong></a>", html("[**site**](https://example.com/a?b=1&c=2)"));
        assertEquals("see <a href=\"https://x.org/p\" rel=\"noopener noreferrer nofollow\">https://x.org/p</a>.",
                html("see https://x.org/p."));
        assertEquals("https://a.b/&quot;onmouseover=x", html("https://a.b/\"onmouseover=x"),
                "a quote inside a URL cannot end an attribute: not a link");
    }

    @Test
    void inlineStyles() {
        assertEquals("<strong>b</strong> <em>i</em> <em>j</em> <u>u</u> <s>s</s> <code>&lt;c&gt;</code> "
                + "<span class=\"spoiler\" tabindex=\"0\">sp</span> <strong><em>bi</em></strong>",
                html("**b** *i* _j_ __u__ ~~s~~ `<c>` ||sp|| ***bi***"));
        assertEquals("snake_case_name", html("snake_case_name"));
        assertEquals("\\<em>italic</em>", html("\\\\*italic*"), "an escaped backslash");
        assertEquals("*not italic*", html("\\*not italic*"));
    }

    @Test
    void blocks() {
        assertEquals("<pre><code>if (a &lt; b) **x**\n</code></pre>after", html("```java\nif (a < b) **x**\n```\nafter"));
        assertEquals("<blockquote>quoted</blockquote>plain", html("> quoted\nplain"));
        assertEquals("<blockquote>all<br>of it</blockquote>", html(">>> all\nof it"));
        assertEquals("<h3>Title</h3><h4>Sub</h4><small class=\"subtext\">tiny</small>", html("# Title\n## Sub\n-# tiny"));
        assertEquals("<ul><li>one</li><li><em>two</em></li></ul><ol><li>first</li></ol>end",
                html("- one\n* *two*\n1. first\nend"));
        assertEquals("a<br>b", html("a\nb"));
    }

    @Test
    void mentionsEmojiAndTimestamps() {
        assertEquals("<span class=\"mention\">@sanqui</span> <span class=\"mention\">@sanqui</span> "
                + "<span class=\"mention\">@Archivists</span> <a class=\"mention\" href=\"../../1/5/1.html\">#general</a> "
                + "<span class=\"mention\">@unknown-user</span> <span class=\"mention\">#unknown-channel</span>",
                html("<@42> <@!42> <@&9> <#5> <@3> <#6>"));
        assertEquals("<img class=\"emoji\" alt=\":blob:\" title=\":blob:\" src=\"../../media/e.png\"> "
                + "<span class=\"emoji-name\">:gone:</span>", html("<:blob:1> <a:gone:2>"));
        assertEquals("<time class=\"stamp\" datetime=\"2021-02-01T12:00:00Z\">2021-02-01 12:00 UTC</time>",
                html("<t:1612180800:F>"));
        assertEquals("<span class=\"mention\">@everyone</span>", html("@everyone"));
    }

    @Test
    void deepNestingStaysBounded() {
        String deep = "**".repeat(5000) + "x" + "**".repeat(5000);
        assertFalse(html(deep).contains("<script"));
        assertEquals("", html(null));
    }
}

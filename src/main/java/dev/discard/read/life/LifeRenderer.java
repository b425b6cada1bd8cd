package dev.discard.read.life;

import com.fasterxml.jackson.core.JsonFactory;
import dev.discard.read.MessageRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A message's life as {@code discard read} prints it: the last version as {@link MessageRenderer} does, then
 * {@code [deleted 2026-12-07 10:31:02]} when it was deleted; with versions, each earlier version on an indented line
 * under it ({@code     version 1 of 3, seen 2026-12-07 10:00:01 (http): [...] <author> text}).
 */
public final class LifeRenderer {
    private static final String INDENT = "    ";

    private final MessageRenderer renderer = new MessageRenderer();
    private final JsonFactory factory = new JsonFactory();

    /**
     * The lines of a message.
     *
     * @param versions whether to print every earlier version under the message
     */
    public List<String> lines(MessageLife life, boolean versions) {
        List<String> out = new ArrayList<>();
        String line = render(life.current().json());
        if (life.deleted()) line += " [" + life.deletion().mark() + "]";
        out.add(line);
        if (versions && life.versions().size() > 1) {
            int n = life.versions().size();
            for (int i = 0; i < n - 1; i++) out.add(INDENT + versionLine(life.versions().get(i), i, n));
        }
        return out;
    }

    /** {@code version 1 of 3, seen 2026-12-07 10:00:01 (http): [...] <author> text}, continuations indented. */
    public String versionLine(MessageLife.Version v, int index, int count) {
        return ("version " + (index + 1) + " of " + count + ", seen " + MessageLife.Deletion.shown(v.seenAt())
                + " (" + v.source() + "): " + render(v.json())).replace("\n", "\n" + INDENT);
    }

    /** One version's line as {@link MessageRenderer} prints it; the raw JSON when it is not a message object. */
    public String render(String json) {
        try {
            return renderer.render(json.getBytes(StandardCharsets.UTF_8), factory);
        } catch (IOException e) {
            return json;
        }
    }
}

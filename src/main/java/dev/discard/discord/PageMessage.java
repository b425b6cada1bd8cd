package dev.discard.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the crawl needs of one message of a history page, read while the page was checked (see {@link JsonScan}).
 * Immutable.
 *
 * @param id the message id, or -1 when it has none that reads as a number
 * @param timestamp its {@code timestamp}, or null
 * @param content its {@code content} when that is a string with a slash (every link has one: what the crawl looks
 *     for in it), else null
 * @param embedUrls the {@code url} strings of its embeds, in order
 * @param reactions its reactions, in order
 * @param pinned its {@code pinned} flag; null when the message has none (a server that leaves it out), so that no
 *     one concludes from it that the message is not pinned
 * @param tree the whole message as a tree, only when the walk was asked for trees (for media), else null
 * @param authorId its {@code author.id}, or -1
 * @param hasContent whether its {@code content} is a non-empty string (a bot without the MESSAGE_CONTENT intent gets
 *     empty content in messages of others)
 */
public record PageMessage(long id, String timestamp, String content, List<String> embedUrls,
        List<Reaction> reactions, Boolean pinned, JsonNode tree, long authorId, boolean hasContent) {

    /** A message whose author is not known; it has content when it has link text. */
    public PageMessage(long id, String timestamp, String content, List<String> embedUrls, List<Reaction> reactions,
            Boolean pinned, JsonNode tree) {
        this(id, timestamp, content, embedUrls, reactions, pinned, tree, -1, content != null);
    }

    /**
     * A reaction as the message lists it.
     *
     * @param emojiId the emoji's {@code id} (custom emoji), or null
     * @param emojiName the emoji's {@code name}, or null
     * @param normal users who reacted normally: {@code count_details.normal}, else {@code count}, else 1
     * @param burst users who reacted with a burst ("super") reaction: {@code count_details.burst}, else 0
     */
    public record Reaction(String emojiId, String emojiName, long normal, long burst) {}

    /** The trees of the messages, for callers that asked for them. */
    public static List<JsonNode> trees(List<PageMessage> messages) {
        return messages.stream().map(PageMessage::tree).toList();
    }
}

package dev.discard.read;

import java.util.List;

/**
 * The fields of {@link MessageFields} as a message reader finds them, one name after another (a name met twice: the
 * last one counts). Shared by the Jackson and the cursor reading of a message, which fill it alike.
 */
final class MessageDraft {
    int type;
    String content;
    String timestamp;
    boolean edited;
    MessageFields.Author author;
    List<String> attachments = List.of();
    List<String> embeds = List.of();
    String referencedId;
    List<String> stickers = List.of();
    List<String> mentions = List.of();
    String commandName;
    String callEnded;
    String pollQuestion;

    MessageFields fields() {
        return new MessageFields(type, content, timestamp, edited, author, attachments, embeds, referencedId,
                stickers, mentions, commandName, callEnded, pollQuestion);
    }
}

package dev.discard.read;

import java.util.List;

/**
 * The parts of a Discord message object that the plain-text view shows. Immutable; strings are null when absent.
 *
 * @param type the message type (0 default, 19 reply, 7 member join, …), 0 when absent
 * @param content the text
 * @param timestamp when it was sent, as Discord wrote it ({@code 2021-02-01T14:35:33.216000+00:00})
 * @param edited whether {@code edited_timestamp} is set
 * @param author who sent it
 * @param attachmentUrls the attachments' URLs
 * @param embeds a short description of each embed
 * @param referencedId {@code message_reference.message_id}: the message replied to, pinned, or crossposted
 * @param stickers sticker names
 * @param mentions display names of the mentioned users (recipient add/remove name them)
 * @param commandName the slash command or app command used, from {@code interaction_metadata} or {@code interaction}
 * @param callEndedTimestamp {@code call.ended_timestamp} of a call message
 * @param pollQuestion the question of a poll
 */
public record MessageFields(
        int type,
        String content,
        String timestamp,
        boolean edited,
        Author author,
        List<String> attachmentUrls,
        List<String> embeds,
        String referencedId,
        List<String> stickers,
        List<String> mentions,
        String commandName,
        String callEndedTimestamp,
        String pollQuestion) {

    /** A message author or mentioned user. Immutable. */
    public record Author(String username, String discriminator, String globalName) {
        /**
         * {@code username#discriminator} when the discriminator is set and not {@code 0} (accounts before
         * Discord's 2023 username change, bots, webhooks), otherwise the display name, otherwise the username.
         */
        public String displayName() {
            if (discriminator != null && !discriminator.isEmpty() && !"0".equals(discriminator)) {
                return username + "#" + discriminator;
            }
            if (globalName != null && !globalName.isEmpty()) return globalName;
            return username != null ? username : "(unknown)";
        }
    }
}

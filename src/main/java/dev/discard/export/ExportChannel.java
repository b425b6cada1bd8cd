package dev.discard.export;

import dev.discard.index.IndexIds;

/**
 * A channel or thread of the index, with what the export needs to place it. Ids are stored ids (20 digits). Immutable.
 *
 * @param guildId null for direct messages
 * @param parentId a thread's channel, a channel's category, null for neither
 * @param type Discord's channel type (4 category, 10–12 threads)
 * @param messages how many messages of it the index holds
 * @param first timestamp of its oldest message, null when none
 * @param last timestamp of its newest message, null when none
 */
record ExportChannel(String id, String guildId, String name, int type, String parentId, int position, long messages,
        String first, String last) {
    static final int CATEGORY = 4;

    boolean isThread() {
        return type == 10 || type == 11 || type == 12;
    }

    /** The name shown: the channel's name, else its id. */
    String label() {
        return name != null && !name.isEmpty() ? name : IndexIds.display(id);
    }

    /** The channel's folder relative to the export root: {@code <guild id>/<channel id>/}. */
    String folder() {
        return (guildId == null ? "direct-messages" : IndexIds.display(guildId)) + "/" + IndexIds.display(id) + "/";
    }

    /** Page {@code n} (1-based) relative to the export root. */
    String page(int n) {
        return folder() + n + ".html";
    }
}

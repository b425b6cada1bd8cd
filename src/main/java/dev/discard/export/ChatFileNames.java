package dev.discard.export;

import dev.discard.index.IndexIds;
import java.util.Locale;

/**
 * Names of chat-export files: one folder per guild, {@code <guild name> [<guild id>]}, and in it one file per channel
 * and thread, {@code <nnnn> <category or parent> - <name> [<id>].<ext>}, numbered in the order of the guild's channel
 * list (categories by position, their channels by position, threads under their channel), so that sorting the files
 * by name lists them as Discord does. Characters that file systems refuse become {@code _}.
 */
final class ChatFileNames {
    /** Characters of a name kept in a file name; longer names are cut (ids keep files apart). */
    private static final int MAX_NAME = 80;

    private ChatFileNames() {}

    static String guildFolder(String storedGuildId, String guildName) {
        if (storedGuildId == null) return "Direct Messages";
        return clean(guildName) + " [" + IndexIds.display(storedGuildId) + "]";
    }

    static String channelFile(int number, String parent, ExportChannel channel, String extension) {
        String prefix = String.format(Locale.ROOT, "%04d ", number);
        String parentPart = parent == null ? "" : clean(parent) + " - ";
        return prefix + parentPart + clean(channel.label()) + " [" + IndexIds.display(channel.id()) + "]."
                + extension;
    }

    private static String clean(String name) {
        StringBuilder b = new StringBuilder(Math.min(name.length(), MAX_NAME));
        name.codePoints().limit(MAX_NAME).forEach(c -> {
            boolean refused = c < 0x20 || c == 0x7F || "/\\:*?\"<>|".indexOf(c) >= 0;
            b.appendCodePoint(refused ? '_' : c);
        });
        String s = b.toString().strip();
        while (s.startsWith(".")) s = "_" + s.substring(1); // no hidden files, no "..".
        return s.isEmpty() ? "_" : s;
    }
}

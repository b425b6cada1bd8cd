package dev.discard.index;

/** One user as the {@code users} table holds it; {@code seenId} is the id of the newest message that showed it. */
final class UserRow {
    String id;
    String username;
    String globalName;
    String discriminator;
    String avatar;
    boolean bot;
    String seenId;
}

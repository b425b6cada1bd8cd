package dev.discard.export;

/** What mentions in a message resolve to; every method answers null for an id it does not know. */
interface Names {
    /** The display name of a user, for {@code <@id>}. */
    String user(String id);

    /** A role's name, for {@code <@&id>}. */
    String role(String id);

    /** The stylesheet class of a role's colour ({@code colours.css}), null for a role without one. */
    default String roleClass(String id) {
        return null;
    }

    /** A channel's name, for {@code <#id>}. */
    String channel(String id);

    /** A page of the export holding the channel, relative to the page being written; null when not exported. */
    String channelHref(String id);
}

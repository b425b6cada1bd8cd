package dev.discard.archive;

import java.util.Locale;

/** What a run archives; its lower-case name is part of the run directory's name and the meta file. */
public enum Mode {
    PROFILE,
    CHANNEL,
    GUILD,
    /** A user account's direct messages and group DMs, under {@code @me/}. */
    DM;

    /** {@code profile}, {@code channel} or {@code guild}, as in run directory names and meta files. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

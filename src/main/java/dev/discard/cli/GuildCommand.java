package dev.discard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code discard guild}. */
@Command(name = "guild", mixinStandardHelpOptions = true, sortOptions = false, description = "Archive one or multiple guilds.")
final class GuildCommand implements Callable<Integer> {
    @Mixin ArchiveOptions archiveOptions;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not yet");
    }
}

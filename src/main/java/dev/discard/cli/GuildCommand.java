package dev.discard.cli;

import dev.discard.archive.Mode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code discard guild <id>…}. */
@Command(name = "guild", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Archive all messages accessible in one or multiple guilds (or within --after/--before).")
final class GuildCommand implements Callable<Integer> {
    @Mixin ConnectionOptions connectionOptions;
    @Mixin ArchiveOptions archiveOptions;

    @Parameters(arity = "1..*", paramLabel = "GUILD_ID", converter = IdConverter.class,
            description = "The ids of the guilds to archive.")
    List<Long> ids;

    @ParentCommand DiscardCommand parent;

    @Override
    public Integer call() {
        return RunLauncher.launch(parent, parent.options(connectionOptions, archiveOptions), Mode.GUILD, ids);
    }
}

package dev.discard.cli;

import dev.discard.archive.Mode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code discard dm}: a user account's direct messages and group DMs. */
@Command(name = "dm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Archive every direct message and group DM of a user account (-U), under @me/.")
final class DmCommand implements Callable<Integer> {
    @Mixin ConnectionOptions connectionOptions;
    @Mixin ArchiveOptions archiveOptions;

    @ParentCommand DiscardCommand parent;

    @Override
    public Integer call() {
        return RunLauncher.launch(parent, parent.options(connectionOptions, archiveOptions), Mode.DM, List.of());
    }
}

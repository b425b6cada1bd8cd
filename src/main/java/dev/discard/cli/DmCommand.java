package dev.discard.cli;

import dev.discard.archive.Mode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code discard dm}: a user account's direct messages and group DMs. */
@Command(name = "dm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Archive every direct message and group DM of a user account (-U), under @me/.")
final class DmCommand implements Callable<Integer> {
    @Mixin ConnectionOptions connectionOptions;
    @Mixin ArchiveOptions archiveOptions;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        return RunLauncher.launch(spec, Mode.DM, List.of());
    }
}

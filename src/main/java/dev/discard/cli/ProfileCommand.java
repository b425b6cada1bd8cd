package dev.discard.cli;

import dev.discard.archive.Mode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code discard profile}: log in, record the profile, print who we are. */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Log in and display basic profile information.")
final class ProfileCommand implements Callable<Integer> {
    @Mixin ConnectionOptions connectionOptions;
    @Mixin ArchiveOptions archiveOptions;

    @ParentCommand DiscardCommand parent;

    @Override
    public Integer call() {
        return RunLauncher.launch(parent, parent.options(connectionOptions, archiveOptions), Mode.PROFILE, List.of());
    }
}

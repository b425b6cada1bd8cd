package dev.discard.cli;

import dev.discard.archive.Mode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code discard channel <id>…}. */
@Command(name = "channel", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Archive one or multiple channels in their entirety (or within --after/--before).")
final class ChannelCommand implements Callable<Integer> {
    @Mixin ConnectionOptions connectionOptions;
    @Mixin ArchiveOptions archiveOptions;

    @Parameters(arity = "1..*", paramLabel = "CHANNEL_ID", converter = IdConverter.class,
            description = "The ids of the channels to archive.")
    List<Long> ids;

    @ParentCommand DiscardCommand parent;

    @Override
    public Integer call() {
        return RunLauncher.launch(parent, parent.options(connectionOptions, archiveOptions), Mode.CHANNEL, ids);
    }
}

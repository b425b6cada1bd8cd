package dev.discard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code discard channel}. */
@Command(name = "channel", mixinStandardHelpOptions = true, sortOptions = false, description = "Archive one or multiple channels.")
final class ChannelCommand implements Callable<Integer> {
    @Mixin ArchiveOptions archiveOptions;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not yet");
    }
}

package dev.discard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code discard profile}. */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false, description = "Log in and display basic profile information.")
final class ProfileCommand implements Callable<Integer> {
    @Mixin ArchiveOptions archiveOptions;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not yet");
    }
}

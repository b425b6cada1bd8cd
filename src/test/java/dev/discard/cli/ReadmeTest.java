package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README is documentation users copy from: its {@code --help} blocks must be the real output. */
class ReadmeTest {
    @Test
    void readmeShowsTheExactHelpOfEveryCommand() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> commands = new ArrayList<>();
        commands.add("");
        CommandLine root = new CommandLine(new DiscardCommand(null, null));
        commands.addAll(root.getSubcommands().keySet());
        for (String command : commands) {
            String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
            CliRun run = CliRun.run(Map.of(), args);
            String block = "$ discard " + (command.isEmpty() ? "" : command + " ") + "--help\n" + run.out;
            assertTrue(readme.contains(block), "README.md must show, verbatim:\n" + block);
        }
    }

    @Test
    void readmeGivesTheTestCommandThatCiRuns() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String ci = Files.readString(Path.of(".ci/run"));
        assertTrue(readme.contains("\nmvn -B verify\n"));
        assertTrue(ci.contains("\nmvn -B verify\n"));
    }
}

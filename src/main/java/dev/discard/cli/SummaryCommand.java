package dev.discard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.Json;
import dev.discard.read.ArchiveSummary;
import dev.discard.read.Summarizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code discard summary}: what a folder of runs holds, and what it misses. */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = false,
        description = {
            "Summarize every run in a folder, at any depth, and the gaps in coverage.",
            "Lists runs, guilds, channels, messages per channel, and the gaps: times",
            "of a channel's history that no completed run covered. A run covers",
            "--after (or the beginning) to --before (or the time it started). Runs",
            "that did not complete are skipped with a warning. Messages are counted",
            "in the logs, each run within its range."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  done (skipped runs are warnings)",
            "  1  some lines or files were damaged; the rest was counted",
            "  2  usage error (no such folder, no run in it)"
        })
final class SummaryCommand implements Callable<Integer> {
    @ParentCommand DiscardCommand parent;

    @Parameters(paramLabel = "DIR", description = "A folder of runs, such as out/, or one run directory.")
    Path dir;

    @Option(names = "--json", description = "Print the summary as one JSON object (see the README for its keys).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Console console = parent.console;
        RunFolders.requireFolders(List.of(dir));
        ObjectMapper mapper = Json.newMapper();
        Summarizer summarizer = new Summarizer(mapper, p -> console.error(p.toString()),
                s -> console.error("warning: skipped " + s.directory() + ": " + s.reason()),
                w -> console.error("warning: " + w));
        ArchiveSummary summary = summarizer.summarize(dir);
        if (summary.runs().isEmpty() && summary.skipped().isEmpty()) {
            throw RunFolders.noRun(List.of(dir));
        }
        if (json) new SummaryJson(mapper).print(summary, console.out);
        else new SummaryText(console.out, dir).print(summary);
        return summary.problems() > 0 ? ExitCode.FAILED : ExitCode.OK;
    }
}

package dev.discard.cli;

import dev.discard.format.Json;
import dev.discard.read.RunDirectory;
import dev.discard.read.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code discard verify}: an integrity audit of run directories. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = false,
        description = {
            "Audit run directories for damage and for meta files that disagree.",
            "Checks that every file parses, every gzip stream is complete, meta files",
            "agree with the logs (counts, oldest and newest message), message pages",
            "leave no hole (each page's 'after' is the largest id of the page before),",
            "reaction counts match the users fetched, and no file holds the token.",
            "Prints one line per finding, <file>:<line>: <problem> (information marked",
            "'info:'), then a verdict line. Folders holding several runs are searched."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  no problem found",
            "  1  problems found",
            "  2  usage error (no such folder, no run in it)"
        })
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand DiscardCommand parent;

    @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "Run directories (holding run.meta.json),"
            + " or folders of runs.")
    List<Path> dirs;

    @Option(names = {"-t", "--token"}, paramLabel = "TOKEN",
            description = "The token to look for (default: the DISCORD_TOKEN environment variable). Without it,"
                    + " the token check is skipped.")
    String token;

    @Override
    public Integer call() throws IOException {
        Console console = parent.console;
        String given = token != null ? token : parent.options(null, null).token();
        String secret = given != null ? given : console.env.apply(RunLauncher.TOKEN_ENV);
        if (secret != null && secret.isBlank()) secret = null;
        console.secret(secret);
        List<Path> runs = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) throw new UsageException("no folder " + dir + ": give a run directory");
            List<Path> found = RunDirectory.isRun(dir) ? List.of(dir) : RunDirectory.findRuns(dir);
            if (found.isEmpty()) {
                throw RunFolders.noRun(List.of(dir));
            }
            runs.addAll(found);
        }
        Verifier.Report report = new Verifier(Json.newMapper(), secret)
                .verify(runs, f -> console.out.println(console.scrub(f.toString())));
        console.out.println(verdict(report));
        return report.problems() > 0 ? ExitCode.FAILED : ExitCode.OK;
    }

    static String verdict(Verifier.Report r) {
        String checked = SummaryText.count(r.runs(), "run") + ", " + SummaryText.count(r.files(), "file") + ", "
                + SummaryText.count(r.records(), "record") + ", " + SummaryText.count(r.messages(), "message");
        String token = r.tokenChecked() ? "token not found" : "token check skipped (give -t/--token or set"
                + " DISCORD_TOKEN)";
        String infos = r.infos() > 0 ? ", " + SummaryText.count(r.infos(), "info line") : "";
        if (r.problems() == 0) return "OK: " + checked + " checked; no problems" + infos + "; " + token;
        return "FAILED: " + SummaryText.count(r.problems(), "problem") + infos + " in " + checked + "; "
                + (r.tokenChecked() ? "token checked" : token);
    }
}

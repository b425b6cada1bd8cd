package dev.discard.cli;

import dev.discard.export.warc.WarcExport;
import dev.discard.format.Json;
import dev.discard.format.OutputFiles;
import dev.discard.read.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code discard export warc}: the runs as one WARC/1.1 file, or a WACZ, for web archives' tools. */
@Command(
        name = "warc",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = false,
        description = {
            "Convert runs into one WARC/1.1 file, or a WACZ, for web archives' tools.",
            "A .warc.gz of a gzip member per record: per run a warcinfo record, then",
            "each HTTP attempt as request, response (body as recorded) and metadata",
            "records, gateway frames as resource records of JSON Lines, the media",
            "store's files as resource records; in the order the archive holds them.",
            "Runs of the Python Discard convert too. No token, Authorization header or",
            "cookie is ever written. See docs/warc.md."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  done",
            "  1  some lines or files were damaged (the rest was exported), or the",
            "     output could not be written (nothing is left of it)",
            "  2  usage error (no such folder, no run in it, bad or existing output)"
        })
final class ExportWarcCommand implements Callable<Integer> {
    static final String WARC_SUFFIX = ".warc.gz";
    static final String WACZ_SUFFIX = ".wacz";

    @ParentCommand ExportCommand export;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "The new file (default: the first RUN_OR_FOLDER's name with .warc.gz, or .wacz with"
                    + " --wacz, in the current folder). Never overwritten.")
    Path output;

    @Option(names = "--wacz", description = "Pack the WARC into a WACZ (index, pages, datapackage.json) for WACZ"
            + " viewers.")
    boolean wacz;

    @Option(names = {"-q", "--quiet"}, description = "No summary line; only problems.")
    boolean quiet;

    @Parameters(paramLabel = "RUN_OR_FOLDER", arity = "1..*",
            description = "Run directories, or folders of runs such as out/ (every run below them, in path order).")
    List<Path> inputs;

    @Override
    public Integer call() throws IOException {
        Console console = export.parent.console;
        String given = export.parent.options(null, null).token();
        String token = given != null ? given : console.env.apply(RunLauncher.TOKEN_ENV);
        if (token != null && token.isBlank()) token = null;
        console.secret(token);
        List<Path> runs = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.isDirectory(input)) {
                throw new UsageException("no folder " + input + ": give a run directory or a folder of runs such as"
                        + " out/");
            }
            List<Path> found = RunDirectory.isRun(input) ? List.of(input) : RunDirectory.findRuns(input);
            if (found.isEmpty()) throw new UsageException("no run in " + input + ": a run directory holds run.meta.json");
            runs.addAll(found);
        }
        Path file = output != null ? output : defaultOutput(inputs.get(0));
        checkOutput(file);
        WarcExport.Result result;
        try {
            result = new WarcExport(Json.newMapper(), Clock.systemUTC(), OutputFiles.DISK, token)
                    .write(runs, file, wacz, problem -> console.error(problem.toString()));
        } catch (IOException e) {
            console.error("cannot write " + file + ": " + e.getMessage() + "; nothing was left of it");
            return ExitCode.FAILED;
        }
        if (!quiet) {
            console.out.println("Exported " + SummaryText.count(result.runs(), "run") + ": "
                    + SummaryText.count(result.attempts(), "HTTP attempt") + ", "
                    + SummaryText.count(result.frames(), "gateway frame") + ", "
                    + SummaryText.count(result.media(), "media line") + " in "
                    + SummaryText.count(result.records(), "WARC record") + ": " + result.file());
        }
        return result.problems() > 0 ? ExitCode.FAILED : ExitCode.OK;
    }

    /** {@code <name of the first input>.warc.gz} (or {@code .wacz}) in the current folder. */
    private Path defaultOutput(Path first) {
        Path name = first.toAbsolutePath().normalize().getFileName();
        return Path.of((name != null ? name.toString() : "discard") + (wacz ? WACZ_SUFFIX : WARC_SUFFIX));
    }

    private void checkOutput(Path file) {
        String suffix = wacz ? WACZ_SUFFIX : WARC_SUFFIX;
        if (!file.getFileName().toString().endsWith(suffix) || file.getFileName().toString().equals(suffix)) {
            throw new UsageException("expected an output file name ending in " + suffix + " but was " + file);
        }
        if (Files.exists(file)) {
            throw new UsageException(file + " exists: give a new file name (an export never overwrites a file)");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UsageException("no folder " + parent + " for " + file.getFileName() + ": create it first");
        }
    }
}

package dev.discard.cli;

import dev.discard.format.ChannelMeta;
import dev.discard.format.Json;
import dev.discard.format.LogFile;
import dev.discard.format.MetaFileException;
import dev.discard.format.RunFiles;
import dev.discard.format.Snowflake;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.read.ArchiveRecord;
import dev.discard.read.ChannelLog;
import dev.discard.read.LogParts;
import dev.discard.read.Message;
import dev.discard.read.MessageRenderer;
import dev.discard.read.RecordProblem;
import dev.discard.read.RunRange;
import dev.discard.read.life.LiveLog;
import dev.discard.read.life.MessageLife;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code discard read}: a channel log as text, or its messages as JSON lines. */
@Command(
        name = "read",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = false,
        description = {
            "Print the messages of a channel log in its run's range, oldest first, once.",
            "Its lines read:",
            "  Channel <name> (id <id>)",
            "  [YYYY-MM-DD HH:MM:SS.ffffff] <author> content",
            "Times are UTC (no fraction when it is zero, as Python prints them). Reads",
            ".jsonl and .jsonl.gz files and the further parts of resumed runs",
            "(<channel>.2.jsonl[.gz], ...); reads Python Discard archives too.",
            "Live records of a --follow run are applied: a deleted message keeps its",
            "place, marked [deleted YYYY-MM-DD HH:MM:SS]; an edited one shows its last",
            "version and (edited)."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  done",
            "  1  some lines or files were damaged; the messages around them were printed",
            "  2  usage error (no such channel log)"
        })
final class ReadCommand implements Callable<Integer> {
    @ParentCommand DiscardCommand parent;

    @Parameters(paramLabel = "PATH", description = "The channel log: out/<run>/<guild>/<channel> without extension,"
            + " or its .jsonl, .jsonl.gz or .meta.json file.")
    Path path;

    @Option(names = "--json", description = "Write one Discord message object per line instead, exactly as"
            + " archived (JSON lines, oldest first).")
    boolean json;

    @Option(names = "--all", description = "Print every recorded message, also those of the last page that lie"
            + " past the run's --after/--before range.")
    boolean all;

    @Option(names = "--versions", description = "Print every earlier version of an edited message on indented"
            + " lines under it.")
    boolean versions;

    @Override
    public Integer call() throws IOException {
        Console console = parent.console;
        Path base = baseOf(path);
        Path dir = base.getParent() != null ? base.getParent() : Path.of("");
        String name = base.getFileName().toString();
        LogParts parts = findParts(dir, name);
        Path metaFile = dir.resolve(RunFiles.metaFile(name));
        ChannelMeta meta = readMeta(metaFile, console);
        boolean damagedMeta = meta == null && Files.exists(metaFile);
        if (parts.isEmpty()) {
            throw new UsageException(meta == null
                    ? "no channel log at " + path + ": expected " + base + ".jsonl, " + base + ".jsonl.gz or "
                            + base + ".meta.json"
                    : "no log for " + metaFile + ": expected " + base + ".jsonl or " + base + ".jsonl.gz");
        }
        String channelId = meta != null && meta.id() != null ? meta.id()
                : Snowflake.parseLenient(name) != -1 ? name : null;
        // Text shows control characters visibly (a message must not drive the terminal); --json stays exact.
        LineOutput out = new LineOutput(console.out, !json);
        if (!json) {
            String channelName = meta != null && meta.name() != null ? meta.name() : "(unknown name)";
            out.line("Channel " + channelName + " (id " + (channelId != null ? channelId : name) + ")");
        }
        RunRange range = all ? RunRange.ALL : RunRange.of(dir.toAbsolutePath().getParent(), meta);
        parts.anomalies().forEach(p -> console.error(p.toString()));
        ChannelLog.Stats stats;
        ObjectMapper mapper = Json.newMapper();
        LiveLog live = LiveLog.read(parts.files(), channelId, mapper);
        LiveMessages lives = new LiveMessages(live, range, json, versions, out);
        if (!json && live.channelDeleted() != null) {
            out.line("[channel " + new MessageLife.Deletion(MessageLife.How.LIVE, live.channelDeleted().time(), null,
                    live.channelDeleted().kind().name()).mark() + "]");
        }
        try {
            ChannelLog log = json ? new ChannelLog(parts.files(), channelId, false, mapper)
                    : new ChannelLog(parts.files(), channelId, new MessageRenderer(), mapper);
            stats = log.read(new ChannelLog.Listener() {
                private ArchiveRecord page;

                @Override
                public void page(ArchiveRecord record, List<Message> sorted) {
                    page = record;
                }

                @Override
                public void message(Message m) {
                    if (!range.contains(m.id())) return;
                    lives.before(m.id());
                    if (live.touches(m.id())) lives.print(m, page);
                    else if (json) out.line(m.source(), m.start(), m.end() - m.start());
                    else out.line(m.text(), 0, m.text().length);
                }

                @Override
                public void problem(RecordProblem problem) {
                    console.error(problem.toString());
                }
            });
            lives.rest();
            out.flush();
        } catch (LineOutput.Closed e) {
            return ExitCode.OK; // the reader went away (`discard read … | head`): nothing more is wanted
        }
        boolean damaged = stats.problems() > 0 || !parts.anomalies().isEmpty() || damagedMeta;
        return damaged ? ExitCode.FAILED : ExitCode.OK;
    }

    /** The log's path without extension, from any of the names a user may give. */
    private static Path baseOf(Path given) {
        if (Files.isDirectory(given)) {
            throw new UsageException(given + " is a directory: give a channel log such as"
                    + " out/<run>/<guild>/<channel>");
        }
        String fileName = given.getFileName().toString();
        String metaStem = RunFiles.metaStem(fileName);
        if (metaStem != null) return given.resolveSibling(metaStem);
        Optional<LogFile> log = LogFile.of(given);
        return log.map(f -> given.resolveSibling(f.name())).orElse(given);
    }

    private LogParts findParts(Path dir, String name) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException("no channel log at " + path + ": " + dir + " is not a directory");
        }
        return LogParts.find(dir, name);
    }

    /** The channel's meta file; null when absent or damaged (reported: the log can still be read). */
    private static ChannelMeta readMeta(Path metaFile, Console console) {
        if (!Files.exists(metaFile)) return null;
        try {
            return ChannelMeta.read(metaFile, Json.newMapper());
        } catch (MetaFileException e) {
            if (e.isWrongKind()) {
                throw new UsageException(e.getMessage() + "; give a channel log such as out/<run>/<guild>/<channel>");
            }
            console.error(e.getMessage());
            return null;
        }
    }
}

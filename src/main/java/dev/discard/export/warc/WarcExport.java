package dev.discard.export.warc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.MetaFileException;
import dev.discard.format.MetaJson;
import dev.discard.format.OutputFiles;
import dev.discard.format.RunFiles;
import dev.discard.read.ArchiveReader;
import dev.discard.read.ArchiveRecord;
import dev.discard.read.LogParts;
import dev.discard.read.RecordProblem;
import dev.discard.read.RunDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Converts runs into one WARC/1.1 file ({@code .warc.gz}, a gzip member per record), or a WACZ holding it: per run a
 * {@code warcinfo} record, then its logs in the order the run directory holds them ({@code run.jsonl}, then per guild
 * folder {@code guild.jsonl} and the channels by id, each log's parts in order, each log's records in order), then its
 * {@code media.jsonl}. Streams: memory does not grow with the archive (a WACZ's index is sorted in memory, about 300
 * bytes per response). The output appears only when complete: it is written under a temporary name beside it, which a
 * failure, or the end of the process, deletes. See docs/warc.md.
 */
public final class WarcExport {
    /** The WARC-Target-URI of gateway frames when the run holds no answer naming the gateway. */
    static final URI DEFAULT_GATEWAY = URI.create("wss://gateway.discord.gg/");

    private final ObjectMapper mapper;
    private final Clock clock;
    private final OutputFiles files;
    private final Secrets base;

    /**
     * @param files creates the output files ({@link OutputFiles#DISK}; a test's fails as a full disk does)
     * @param tokens tokens to scrub besides the one a run's {@code settings.token} records (null entries ignored)
     */
    public WarcExport(ObjectMapper mapper, Clock clock, OutputFiles files, String... tokens) {
        this.mapper = mapper;
        this.clock = clock;
        this.files = files;
        this.base = Secrets.of(tokens);
    }

    /**
     * What was written.
     *
     * @param file the WARC or WACZ
     * @param records WARC records written
     * @param attempts HTTP attempts ({@code http} and {@code http_attempt} records), each a request record
     * @param frames gateway frames
     * @param media lines of {@code media.jsonl} files
     * @param problems damaged lines or files reported (the rest was exported)
     */
    public record Result(Path file, int runs, long records, long attempts, long frames, long media, long problems) {}

    /**
     * Writes {@code output}, a new file.
     *
     * @param runs run directories, in order
     * @param wacz whether to pack the WARC into a WACZ
     * @param problems receives each damaged line or file
     */
    public Result write(List<Path> runs, Path output, boolean wacz, Consumer<RecordProblem> problems)
            throws IOException {
        if (Files.exists(output)) throw new java.nio.file.FileAlreadyExistsException(output.toString());
        Path dir = output.toAbsolutePath().getParent();
        String warcName = wacz ? stem(output) + ".warc.gz" : output.getFileName().toString();
        Path warc = Files.createTempFile(dir, ".discard-", ".warc.gz.part");
        Path packed = null;
        Counting counting = new Counting(problems);
        try {
            Files.delete(warc); // WarcFile creates it, never over an existing file
            warc.toFile().deleteOnExit(); // an export stopped by Ctrl-C or SIGTERM leaves nothing either
            Pass pass = new Pass(counting, warcName);
            try (WarcFile file = new WarcFile(warc, files); GatewayFrames frames = new GatewayFrames(dir)) {
                for (Path run : runs) pass.run(run, file, frames);
                pass.records = file.records();
            }
            if (wacz) {
                packed = Files.createTempFile(dir, ".discard-", ".wacz.part");
                Files.delete(packed); // created through files
                packed.toFile().deleteOnExit();
                new WaczPacking(clock, files).pack(warc, warcName, pass.pages, packed);
                Files.move(packed, output, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(warc, output, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Result(output, runs.size(), pass.records, pass.attempts, pass.frameCount, pass.media,
                    counting.count);
        } finally {
            Files.deleteIfExists(warc);
            if (packed != null) Files.deleteIfExists(packed);
        }
    }

    static String stem(Path output) {
        String name = output.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Counts the problems it passes on. */
    private static final class Counting implements Consumer<RecordProblem> {
        private final Consumer<RecordProblem> next;
        long count;

        Counting(Consumer<RecordProblem> next) {
            this.next = next;
        }

        @Override
        public void accept(RecordProblem p) {
            count++;
            next.accept(p);
        }
    }

    /** One export's state: counts, the pages for a WACZ, the converters. */
    private final class Pass {
        final Consumer<RecordProblem> problems;
        final String warcName;
        final MediaRecords mediaRecords = new MediaRecords(mapper);
        final List<WaczPacking.Page> pages = new ArrayList<>();
        long records;
        long attempts;
        long frameCount;
        long media;

        Pass(Consumer<RecordProblem> problems, String warcName) {
            this.problems = problems;
            this.warcName = warcName;
        }

        void run(Path runDir, WarcFile file, GatewayFrames frames) throws IOException {
            String runName = runDir.toAbsolutePath().normalize().getFileName().toString();
            JsonNode meta;
            try {
                meta = MetaJson.read(runDir.resolve(RunFiles.RUN_META), mapper);
            } catch (MetaFileException e) {
                problems.accept(RecordProblem.of(e));
                meta = mapper.createObjectNode();
            }
            Secrets secrets = base.and(meta.path("settings").path("token").textValue());
            Instant start = HttpExchangeRecords.time(meta.path("run").path("datetime_start").textValue());
            if (start.equals(Instant.EPOCH)) start = clock.instant();
            UUID infoId = UUID.randomUUID();
            URI warcinfo = RunWarcinfo.uri(infoId);
            file.write(RunWarcinfo.of(infoId, meta, runName, warcName, secrets, start));

            RunDirectory run = RunDirectory.open(runDir);
            Log log = new Log(runDir, runName, secrets, warcinfo, file, frames, start);
            log.read(run.runLog());
            for (RunDirectory.GuildFolder guild : run.guilds()) {
                log.read(guild.guildLog());
                for (RunDirectory.ChannelFiles channel : guild.channels()) log.read(channel.log());
            }
            Path manifest = runDir.resolve("media.jsonl");
            if (Files.isRegularFile(manifest)) media(runDir, runName, manifest, secrets, warcinfo, file);
        }

        private void media(Path runDir, String runName, Path manifest, Secrets secrets, URI warcinfo, WarcFile file)
                throws IOException {
            String source = runName + "/media.jsonl";
            try (BufferedReader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
                String line;
                long number = 0;
                while ((line = in.readLine()) != null) {
                    number++;
                    if (line.isBlank()) continue;
                    media++;
                    for (WarcRecord r : mediaRecords.of(runDir, manifest, number, line, source, secrets, warcinfo,
                            problems)) {
                        file.write(r);
                    }
                }
            }
        }

        /** The logs of one run, read one after the other. */
        private final class Log {
            final Path runDir;
            final String runName;
            final Secrets secrets;
            final URI warcinfo;
            final WarcFile file;
            final GatewayFrames frames;
            URI gateway = DEFAULT_GATEWAY;
            /** The time of the last record with a UTC time: what naive frame times are dated by. */
            Instant known;

            Log(Path runDir, String runName, Secrets secrets, URI warcinfo, WarcFile file, GatewayFrames frames,
                    Instant start) {
                this.runDir = runDir;
                this.runName = runName;
                this.secrets = secrets;
                this.warcinfo = warcinfo;
                this.file = file;
                this.frames = frames;
                this.known = start;
            }

            void read(LogParts parts) throws IOException {
                if (parts.isEmpty()) return;
                parts.anomalies().forEach(problems);
                boolean paged = false;
                try (ArchiveReader reader = new ArchiveReader(parts.files(), mapper, problems, null)) {
                    ArchiveRecord r;
                    Path logFile = null;
                    String source = null;
                    while ((r = reader.next()) != null) {
                        if (!r.file().equals(logFile)) {
                            logFile = r.file();
                            source = runName + "/" + runDir.relativize(logFile).toString().replace('\\', '/');
                        }
                        if (r.isWs()) {
                            frames.add(r, source, secrets, known);
                            frameCount++;
                            continue;
                        }
                        flushFrames();
                        if (!r.isHttp()) continue;
                        attempts++;
                        if (r.url() == null) continue;
                        URI target;
                        try {
                            target = HttpExchangeRecords.target(r, secrets);
                        } catch (URISyntaxException e) {
                            problems.accept(RecordProblem.ofLine(r.file(), r.line(), r.offset(),
                                    "the URL is not a URI, the attempt is left out: " + e.getMessage()));
                            continue;
                        }
                        ArchiveRecord attempt = r;
                        String at = source + ":" + r.line();
                        file.submit(sha1 -> {
                            try {
                                return HttpExchangeRecords.of(attempt, target, at, secrets, warcinfo, sha1);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
                        learn(r);
                        if (!paged && r.hasResponse() && r.isSuccess()) {
                            pages.add(new WaczPacking.Page(target.toString(),
                                    HttpExchangeRecords.time(r.datetimeStart(), r.datetimeEnd()),
                                    runName + " " + parts.dir().getFileName() + "/" + parts.name()));
                            paged = true;
                        }
                    }
                }
                flushFrames();
            }

            private void flushFrames() throws IOException {
                if (frames.isEmpty()) return;
                for (WarcRecord r : frames.drain(gateway, warcinfo)) file.write(r);
                frames.reset();
            }

            /** Keeps the record's time, and the gateway URL of a {@code GET /gateway[/bot]} answer. */
            private void learn(ArchiveRecord r) {
                Instant end = HttpExchangeRecords.time(r.datetimeEnd(), r.datetimeStart());
                if (!end.equals(Instant.EPOCH)) known = end;
                String url = r.url();
                if (r.isSuccess() && r.hasData() && (url.endsWith("/gateway") || url.endsWith("/gateway/bot"))) {
                    JsonNode named = r.data().path("url");
                    if (named.isTextual()) {
                        try {
                            gateway = new URI(secrets.scrub(named.textValue()));
                        } catch (URISyntaxException e) {
                            // keep the one before
                        }
                    }
                }
            }
        }
    }
}

package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.discord.ConnectionConfig;
import dev.discard.discord.DiscordRest;
import dev.discard.discord.Token;
import dev.discard.discord.WsFrame;
import dev.discard.format.Json;
import dev.discard.format.OutputFiles;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * CPU and memory of following, per 100,000 dispatches (issue 26: under 2 s CPU and 100 MB RSS, flat over 1,000,000):
 * each synthetic frame is parsed as the gateway connection parses it and handed to the follower, which routes it and
 * writes its record into the channel's log, as in a run. Without the socket and TLS (OkHttp's reader), which the
 * history benchmarks measure. Prints one line per 100,000 dispatches: CPU of the process, RSS, heap used.
 *
 * <p>{@code java -cp … dev.discard.archive.FollowBenchmark [dispatches] [channels]}; also run by the bench profile.
 */
public final class FollowBenchmark {
    private static final long GUILD = 800000000000000001L;

    private FollowBenchmark() {}

    public static void main(String... args) throws Exception {
        int dispatches = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int channelCount = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path out = Files.createTempDirectory("discard-follow-bench");
        for (String line : run(out, dispatches, channelCount)) System.out.println(line);
    }

    /** Runs the benchmark into {@code out} and returns its lines. */
    public static List<String> run(Path out, int dispatches, int channelCount) throws Exception {
        ObjectMapper mapper = Json.newMapper();
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
        ArchiveSettings settings = ArchiveSettings.builder(Mode.GUILD, "bench-token", out).ids(List.of(GUILD))
                .follow(true).build();
        RunLayout layout = RunLayout.create(out, clock.instant(), "guild", true, "benchbenchbenchbenchbenc", false);
        MetaWriter metaWriter = new MetaWriter(mapper, settings.token().scrubber(false), OutputFiles.DISK);
        DiscordRest rest = DiscordRest.builder(ConnectionConfig.defaults(), DiscordRest.baseUrl("http://127.0.0.1:9/api/v10"),
                new Token("bench-token", false)).build();
        ArchiveContext context = new ArchiveContext(rest, mapper, layout,
                new RecordEncoder(mapper.getFactory(), settings.token().scrubber(false)), metaWriter, new RunCounters(),
                new Range(null, null), ArchiveListener.NONE, new ChannelPool(1), Map.of(), ResumeState.none(), false,
                null, Mode.GUILD, List.of(GUILD));
        ExchangeLog runLog = context.openLog("run");
        RunPeriod first = new RunPeriod(layout, new RunMeta(mapper, settings, settings.token().scrubber(false),
                clock.instant(), layout.name(), "bench", context.counters, null), context, runLog);
        Follower follower = new Follower(first, null, Duration.ofDays(365 * 100), new SwitchingSink(runLog), clock);
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add("| dispatches | CPU s (process) | CPU s per 100k | RSS MB | heap used MB |");
        lines.add("|---|---|---|---|---|");
        long cpuStart = cpuNanos();
        long cpuBefore = cpuStart;
        for (int i = 1; i <= dispatches; i++) {
            long channel = 810000000000000100L + i % channelCount;
            long id = 1573624007884800260L + i;
            String event = i % 10 == 0 ? "MESSAGE_DELETE" : i % 5 == 0 ? "MESSAGE_UPDATE" : "MESSAGE_CREATE";
            String frame = "{\"t\":\"" + event + "\",\"s\":" + i + ",\"op\":0,\"d\":{\"id\":\"" + id + "\","
                    + "\"channel_id\":\"" + channel + "\",\"guild_id\":\"" + GUILD + "\",\"content\":\"live message "
                    + i + ", as long as a short chat line usually is\",\"author\":{\"id\":\"700000000000000001\","
                    + "\"username\":\"someone\",\"global_name\":\"Someone\",\"avatar\":null},\"attachments\":[],"
                    + "\"embeds\":[],\"mentions\":[],\"timestamp\":\"2026-11-21T09:00:00.000000+00:00\","
                    + "\"edited_timestamp\":null,\"type\":0,\"flags\":0}}";
            JsonNode root = mapper.readTree(frame); // as GatewayPayload.parse does on the reader thread
            follower.dispatch(new WsFrame(clock.instant(), WsFrame.Direction.RECV, frame), root.path("t").asText(),
                    root.path("d"));
            if (i % 100_000 == 0) {
                long cpu = cpuNanos();
                Runtime rt = Runtime.getRuntime();
                lines.add(String.format(java.util.Locale.ROOT, "| %,d | %.2f | %.2f | %d | %d |", i,
                        (cpu - cpuStart) / 1e9, (cpu - cpuBefore) / 1e9, rssKb() / 1024,
                        (rt.totalMemory() - rt.freeMemory()) >> 20));
                cpuBefore = cpu;
            }
        }
        context.followLogs.releaseAll();
        return lines;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** VmRSS of /proc/self/status, in KiB; 0 where there is none. */
    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return 0;
    }
}

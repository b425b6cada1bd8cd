package com.example;

import dev.discard.archive.ArchiveListener;
import dev.discard.archive.ArchiveRun;
import dev.discard.archive.ArchiveSettings;
import dev.discard.archive.ChannelResult;
import dev.discard.archive.Mode;
import dev.discard.archive.RunFailedException;
import dev.discard.archive.RunResult;
import dev.discard.discord.ConnectionConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import okhttp3.OkHttpClient;

/** Archives February 2021 of the channels given as arguments into out/, with the token from DISCORD_TOKEN. */
public final class ArchiveExample {
    public static void main(String[] args) throws RunFailedException {
        List<Long> channels = Arrays.stream(args).map(Long::valueOf).toList();
        RunResult result = archive(System.getenv("DISCORD_TOKEN"), channels, Path.of("out"),
                ArchiveSettings.DEFAULT_API_URL);
        System.out.println(result.messages() + " messages from " + result.channels() + " channels in "
                + result.runDirectory() + ", " + result.httpRequests() + " requests");
        result.failures().forEach(failure -> System.err.println("failed: " + failure));
    }

    /** The run itself; {@code apiUrl} is Discord's, or any Discord-compatible server's. */
    static RunResult archive(String token, List<Long> channels, Path outputDir, String apiUrl)
            throws RunFailedException {
        ArchiveSettings settings = ArchiveSettings.builder(Mode.CHANNEL, token, outputDir)
                .ids(channels)
                .after(Instant.parse("2021-02-01T00:00:00Z"))
                .before(Instant.parse("2021-03-01T00:00:00Z"))
                .gzip(true)
                .apiUrl(apiUrl)
                .build();
        // Your own client: proxies, timeouts, interceptors. discard derives its own from it.
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(20)).build();
        // Called from the channel threads, several at once (4 channels at a time by default): keep it thread-safe.
        ArchiveListener progress = new ArchiveListener() {
            @Override
            public void channelFinished(ChannelResult channel) {
                System.out.println("#" + channel.name() + ": " + channel.messages() + " messages"
                        + (channel.failed() ? ", failed: " + channel.error() : ""));
            }
        };
        return ArchiveRun.builder(settings).connection(ConnectionConfig.defaults().withHttp(http))
                .listener(progress).build().run();
    }
}

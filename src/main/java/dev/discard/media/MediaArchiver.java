package dev.discard.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.discard.discord.DiscordRest;
import dev.discard.discord.ExchangeSink;
import dev.discard.format.OutputFiles;
import dev.discard.format.RunFiles;
import dev.discard.format.SignedUrls;
import dev.discard.format.Timestamps;
import dev.discard.format.WriteFailedException;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * The {@code --media} part of an archive run: downloads the media of every archived message (attachments of any type,
 * embed images, thumbnails and proxied videos, the author's avatar, stickers) and of every archived guild (icon, custom
 * emojis, stickers) into the store {@code <output-dir>/media/} that every run of the output directory shares,
 * content-addressed ({@code media/ab/abcdef….png}, named by the SHA-256 of the bytes), and lists each in
 * {@code <run>/media.jsonl} with its path relative to the run ({@code ../media/ab/abcdef….png}). A URL (without its
 * signature) is fetched once per run, and equal content is stored once, whichever run stored it first. The store is
 * outside the run directory because the original Discard's {@code summary} takes every folder in a run for a guild;
 * runs of discard before 1.0.0 kept it in {@code <run>/media/}, where their manifests still point. A failed download is a {@code failed} line, never a failed run. Thread-safe: channels
 * archived concurrently may call it at once.
 */
public final class MediaArchiver implements Closeable {
    public static final String DIRECTORY = "media";
    /** The store as the manifest names it: relative to the run directory, in the output directory. */
    private static final String STORE = "../" + DIRECTORY;
    public static final String MANIFEST = RunFiles.MEDIA_MANIFEST;

    private final Path runDir;
    private final Path mediaDir;
    private final MediaFetcher fetcher;
    private final CdnUrls cdn;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final UnaryOperator<String> scrub;
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    /** SHA-256 → the stored file, relative to the run directory. */
    private final Map<String, String> stored = new ConcurrentHashMap<>();
    private final LongAdder files = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private OutputStream manifest;
    private boolean writeFailed;

    private MediaArchiver(Path runDir, OutputStream manifest, Downloader downloader, DiscordRest rest, CdnUrls cdn,
            ObjectMapper mapper, Clock clock, UnaryOperator<String> scrub) {
        this.runDir = runDir;
        this.mediaDir = runDir.toAbsolutePath().getParent().resolve(DIRECTORY);
        this.manifest = manifest;
        this.fetcher = new MediaFetcher(downloader, rest);
        this.cdn = cdn;
        this.mapper = mapper;
        this.clock = clock;
        this.scrub = scrub;
    }

    /**
     * Creates {@code media.jsonl} (which must not exist) in the run directory.
     *
     * @param resuming whether the run is resumed: its manifest then goes on after the lines the earlier sessions
     *     wrote (a line a hard kill cut short is dropped, as nothing can read it), instead of being a new file
     * @param rest fetches a message again when its signed URLs have expired; the token goes nowhere else
     * @param scrub removes the token from what is written
     */
    public static MediaArchiver open(Path runDir, boolean resuming, Downloader downloader, DiscordRest rest,
            CdnUrls cdn, ObjectMapper mapper, Clock clock, UnaryOperator<String> scrub, OutputFiles files)
            throws IOException {
        Path file = runDir.resolve(MANIFEST);
        OutputStream manifest;
        if (resuming && Files.exists(file)) {
            cutToWholeLines(file);
            manifest = files.append(file);
        } else {
            manifest = files.create(file);
        }
        return new MediaArchiver(runDir, manifest, downloader, rest, cdn, mapper, clock, scrub);
    }

    /** Drops a last line cut short (a hard kill, a full disk): nothing can read it. Truncating needs no free space. */
    private static void cutToWholeLines(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            channel.truncate(wholeLines(channel));
        }
    }

    /** The length of the file up to and including its last line break. */
    private static long wholeLines(FileChannel channel) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long at = channel.size() - 1; at >= 0; at--) {
            one.clear();
            channel.read(one, at);
            if (one.get(0) == '\n') return at + 1;
        }
        return 0;
    }

    /**
     * Totals of a run. Immutable.
     *
     * @param files files stored
     * @param bytes their size
     * @param duplicates downloads whose content was stored already
     * @param failed downloads that failed
     */
    public record Summary(long files, long bytes, long duplicates, long failed) {}

    /**
     * Downloads the media of one archived message.
     *
     * @param log the channel's log: a message fetched again for fresh URLs is recorded there
     */
    public void message(long channelId, JsonNode message, ExchangeSink log) throws IOException, InterruptedException {
        for (MediaRef ref : MessageMedia.all(message, cdn)) store(ref, channelId, null, log);
    }

    /**
     * Downloads the guild's icon, custom emojis and stickers.
     *
     * @param emojis the answer of {@code GET /guilds/{id}/emojis}; when not an array, the guild object's are used
     * @param stickers the answer of {@code GET /guilds/{id}/stickers}, likewise
     */
    public void guild(JsonNode guild, JsonNode emojis, JsonNode stickers, ExchangeSink log)
            throws IOException, InterruptedException {
        String guildId = guild.path("id").asText(null);
        for (MediaRef ref : MessageMedia.guild(guild, emojis, stickers, cdn)) store(ref, 0, guildId, log);
    }

    public Summary summary() {
        return new Summary(files.sum(), bytes.sum(), duplicates.sum(), failed.sum());
    }

    private void store(MediaRef ref, long channelId, String guildId, ExchangeSink log)
            throws IOException, InterruptedException {
        String key = scrub.apply(ref.key());
        if (!claimed.add(key)) return;
        ObjectNode line = mapper.createObjectNode();
        line.put("url", key);
        line.put("kind", ref.kind().wireName());
        line.put("message_id", ref.messageId() > 0 ? Long.toString(ref.messageId()) : null);
        line.put("channel_id", channelId > 0 ? Long.toString(channelId) : null);
        line.put("guild_id", guildId);
        line.put("name", scrub.apply(ref.name()));
        Files.createDirectories(mediaDir);
        MediaFetcher.Result result;
        try {
            result = fetcher.fetch(ref, channelId, mediaDir, log);
        } catch (Downloader.FailedException e) {
            failed.increment();
            line.putNull("file").putNull("size").putNull("sha256").putNull("content_type");
            line.put("status", "failed");
            line.put("http_status", e.status() > 0 ? e.status() : null);
            line.put("error", scrub.apply(e.getMessage()));
            write(line);
            return;
        }
        Downloader.Fetched fetched = result.fetched();
        String sha = fetched.sha256();
        String relative = STORE + "/" + sha.substring(0, 2) + "/" + sha + "." + extension(ref, fetched);
        String earlier = stored.putIfAbsent(sha, relative);
        boolean duplicate = earlier != null;
        if (duplicate) {
            Files.deleteIfExists(fetched.temp());
            relative = earlier;
        } else {
            Path target = mediaDir.resolve(relative.substring(STORE.length() + 1));
            Files.createDirectories(target.getParent());
            // False when an earlier run (or one running beside this one) stored these bytes under this name.
            duplicate = !Placement.moveNoReplace(fetched.temp(), target);
        }
        if (duplicate) {
            duplicates.increment();
        } else {
            files.increment();
            bytes.add(fetched.size());
        }
        line.put("file", relative);
        line.put("size", fetched.size());
        line.put("sha256", sha);
        line.put("content_type", fetched.contentType());
        line.put("status", duplicate ? "duplicate" : "downloaded");
        line.put("http_status", 200);
        if (result.refreshed()) line.put("refreshed", true);
        if (!SignedUrls.key(result.url()).equals(ref.key())) line.put("fetched_url", scrub.apply(SignedUrls.key(result.url())));
        write(line);
    }

    /** The name's extension when it has a plain one, else the content type's, else {@code bin}. */
    private static String extension(MediaRef ref, Downloader.Fetched fetched) {
        String extension = SafeNames.of(ref.name(), "file").extension().toLowerCase(Locale.ROOT);
        if (!extension.isEmpty()) return extension;
        return MessageMedia.extensionOf(fetched.contentType() != null ? fetched.contentType() : ref.contentType(),
                "bin");
    }

    /**
     * Appends a line to {@code media.jsonl}.
     *
     * @throws WriteFailedException when it cannot be written (the disk full): the run stops and says how to go on
     */
    private synchronized void write(ObjectNode line) throws IOException {
        if (manifest == null) throw new IllegalStateException("media manifest is closed: " + runDir);
        line.put("datetime", Timestamps.isoMicros(clock.instant()));
        try {
            // The values, never the keys or literals: the line stays valid JSON whatever the token is.
            line.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual()) field.setValue(TextNode.valueOf(scrub.apply(field.getValue().textValue())));
            });
            manifest.write((mapper.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            manifest.flush();
        } catch (IOException e) {
            writeFailed = true;
            throw new WriteFailedException(runDir.resolve(MANIFEST), e);
        }
    }

    /** Finishes {@code media.jsonl}, cut back to its last whole line after a failed write. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (manifest == null) return;
        OutputStream closing = manifest;
        manifest = null;
        try {
            closing.close();
        } finally {
            if (writeFailed) cutToWholeLines(runDir.resolve(MANIFEST));
        }
    }
}

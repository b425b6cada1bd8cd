package dev.discard.pictures;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.ExchangeSink;
import dev.discard.discord.MessagePages;
import dev.discard.format.Snowflake;
import dev.discard.media.Downloader;
import dev.discard.media.MediaFetcher;
import dev.discard.media.MediaRef;
import dev.discard.media.MessageMedia;
import dev.discard.media.Placement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * DiscordPicExtract's job for a stream of messages: every image of every message (see {@link MessageMedia#images}),
 * named by {@link ImageNames}, skipped when its file exists, downloaded otherwise. A failed image is reported to the
 * listener and counted; the rest go on. Feed it pages in id order. Not thread-safe.
 */
final class ImageExtractor {
    private final MediaFetcher fetcher;
    private final Path dir;
    private final UnaryOperator<String> scrub;
    private final ExtractListener listener;
    private final ImageNames names = new ImageNames();
    private long messages;
    private long downloaded;
    private long skipped;
    private long failed;
    private long bytes;

    /**
     * @param dir the output folder, which exists
     * @param scrub removes the token from names taken from URLs
     */
    ImageExtractor(MediaFetcher fetcher, Path dir, UnaryOperator<String> scrub, ExtractListener listener) {
        this.fetcher = fetcher;
        this.dir = dir.toAbsolutePath().normalize();
        this.scrub = scrub;
        this.listener = listener;
    }

    /** Downloads the images of one page of a channel's messages, sorted by id. */
    void page(long channelId, List<JsonNode> page, ExchangeSink sink) throws IOException, InterruptedException {
        List<Named> todo = new ArrayList<>();
        for (JsonNode message : page) {
            messages++;
            Instant time = timeOf(message);
            for (MediaRef ref : MessageMedia.images(message)) {
                String file = names.next(time, scrub.apply(ref.name()), MessageMedia.extensionOf(ref.contentType(),
                        "bin"));
                todo.add(new Named(ref, file));
            }
        }
        if (!todo.isEmpty()) listener.found(todo.size());
        for (Named named : todo) download(channelId, named, sink);
    }

    ExtractSummary summary(long channelId, String channelName) {
        return new ExtractSummary(dir, channelId, channelName, messages, downloaded, skipped, failed, bytes);
    }

    private void download(long channelId, Named named, ExchangeSink sink) throws IOException, InterruptedException {
        Path target = dir.resolve(named.file).normalize();
        if (!dir.equals(target.getParent())) {
            throw new IllegalStateException("expected a file in " + dir + " but was " + target);
        }
        if (Files.exists(target)) {
            skipped++;
            listener.skipped(named.ref, target);
            return;
        }
        MediaFetcher.Result result;
        try {
            result = fetcher.fetch(named.ref, channelId, dir, sink);
        } catch (Downloader.FailedException e) {
            failed++;
            listener.failed(named.ref, e.getMessage());
            return;
        }
        if (Placement.moveNoReplace(result.fetched().temp(), target)) {
            downloaded++;
            bytes += result.fetched().size();
            listener.downloaded(named.ref, target, result.fetched().size());
        } else {
            skipped++;
            listener.skipped(named.ref, target);
        }
    }

    /** The message's {@code timestamp}, or the time in its id. */
    static Instant timeOf(JsonNode message) {
        JsonNode timestamp = message.get("timestamp");
        if (timestamp != null && timestamp.isTextual()) {
            try {
                return OffsetDateTime.parse(timestamp.textValue()).toInstant();
            } catch (DateTimeParseException e) {
                // Fall back to the id, which holds the same time to the millisecond.
            }
        }
        long id = Snowflake.of(message, "id");
        return Snowflake.instantOf(id == -1 ? 0 : id);
    }

    private record Named(MediaRef ref, String file) {}
}
